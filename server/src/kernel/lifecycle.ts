// Lifecycles are data (Vendure's OrderStateMachine): one declared table per entity, and the only way a status
// moves is `platform/db/status-move.ts`, which checks this table and writes `UPDATE … WHERE status = from`.
import { conflict } from './errors';

export interface Lifecycle<S extends string> {
  /** the entity, e.g. 'order' (shown in errors and logs) */
  readonly name: string;
  readonly statuses: readonly S[];
  /** statuses a new row may be created in */
  readonly initial: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** the error code when a move is not in the table (clients switch on it) */
  readonly errorCode: string;
  can(from: S, to: S): boolean;
  /** throws `conflict(errorCode)` unless `from → to` is declared */
  assert(from: S, to: S): void;
  isFinal(status: S): boolean;
}

export function defineLifecycle<S extends string>(spec: {
  name: string;
  initial: readonly S[];
  transitions: Record<S, readonly S[]>;
  errorCode: string;
}): Lifecycle<S> {
  const statuses = Object.keys(spec.transitions) as S[];
  for (const s of spec.initial)
    if (!statuses.includes(s)) throw new Error(`${spec.name}: initial status ${s} is not in the table`);
  for (const [from, tos] of Object.entries(spec.transitions) as [S, readonly S[]][])
    for (const to of tos) if (!statuses.includes(to)) throw new Error(`${spec.name}: ${from} → unknown ${to}`);
  const can = (from: S, to: S) => spec.transitions[from]?.includes(to) ?? false;
  return {
    name: spec.name,
    statuses,
    initial: spec.initial,
    transitions: spec.transitions,
    errorCode: spec.errorCode,
    can,
    assert(from, to) {
      if (!can(from, to))
        throw conflict(spec.errorCode, `${spec.name} 当前状态（${from}）不能变为 ${to}`, { from, to });
    },
    isFinal: (status) => (spec.transitions[status]?.length ?? 0) === 0,
  };
}
