// One statement for many rows, each with its own value: `CASE column WHEN ? THEN ? … END` (MySQL and SQLite alike),
// as the stock reservation and the cart clean-up use it to touch every line of an order at once.

/** The CASE expression mapping each key to its value, and its replacements in order. */
export function caseWhen(
  column: string,
  values: Iterable<readonly [number, number]>,
): { sql: string; replacements: number[] } {
  const entries = [...values];
  return {
    sql: `CASE ${column} ${entries.map(() => 'WHEN ? THEN ?').join(' ')} END`,
    replacements: entries.flatMap(([key, value]) => [key, value]),
  };
}
