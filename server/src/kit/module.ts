// The module kit: how a feature module is declared and what it may contribute. A module is a folder with an
// `index.ts` exporting one definition made by `defineModule`: its models (defined on the runtime's Sequelize), and
// a `create(ctx)` returning its typed public API and its contributions (routes, jobs, outbox handlers, event
// subscriptions, extension items). Other modules reach its API only through `ctx.port(name)`, resolved lazily
// from the registry, so there is no construction order to patch.
import type { Sequelize } from 'sequelize';
import type { RouteSpec } from '../http/route';
import type { JobDefinition } from '../platform/jobs/scheduler';
import type { OutboxHandler } from '../platform/outbox/outbox';
import type { Runtime } from '../platform/runtime';
import type { BackgroundWorker } from '../platform/workers';
import type { EventBus, Subscription } from './events';

/** Module name → public API. Augmented by each module: `declare module '../../kit' { interface ModuleApis { … } }` */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleApis {}
export type ModuleName = keyof ModuleApis & string;

/**
 * Extension points: name → the item type modules contribute (the order module declares `orderKinds` and
 * `pricingSteps`; it reads them with `ctx.collect`). Augmented like `ModuleApis`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Extensions {}
export type ExtensionName = keyof Extensions & string;

export interface ModuleContext {
  /** the platform: database, Redis, clock, outbox, quotas, audit, clients, config */
  rt: Runtime;
  /** another module's public API; resolved on first call, so modules may depend on each other in any order */
  port<K extends ModuleName>(name: K): ModuleApis[K];
  /** every item contributed to an extension point (complete once all modules are created) */
  collect<K extends ExtensionName>(name: K): readonly Extensions[K][];
  events: EventBus;
}

export interface ModuleParts<Api> {
  api: Api;
  routes?: RouteSpec[];
  jobs?: JobDefinition[];
  /** durable work by topic (the outbox calls these after commit, with retries) */
  outbox?: Record<string, OutboxHandler>;
  subscriptions?: Subscription[];
  /** loops run on every instance while it serves (registered on `rt.workers`) */
  workers?: BackgroundWorker[];
  extends?: { [K in ExtensionName]?: Extensions[K][] };
}

export interface ModuleDefinition<N extends string = string, Models = unknown, Api = unknown> {
  name: N;
  /** defines the module's Sequelize models (called once per runtime, before any module is created) */
  models?(sequelize: Sequelize): Models;
  create(ctx: ModuleContext, models: Models): ModuleParts<Api>;
}

/** Keeps the definition's types inferred; the API type must match what the module declared in `ModuleApis`. */
export function defineModule<N extends ModuleName, Models = undefined>(
  def: ModuleDefinition<N, Models, ModuleApis[N]>,
): ModuleDefinition<N, Models, ModuleApis[N]> {
  return def;
}
