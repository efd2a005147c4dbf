/** The seat row of a group page: members first (leader first), then empty seats up to the group size. */
export function seatSlots<M extends { isLeader: boolean }>(members: M[], size: number): (M | null)[] {
  const ordered = [...members].sort((a, b) => Number(b.isLeader) - Number(a.isLeader));
  return [...ordered, ...Array.from({ length: Math.max(0, size - ordered.length) }, () => null)].slice(
    0,
    Math.max(size, ordered.length),
  );
}
