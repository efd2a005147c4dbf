// Assembles a list of module definitions on a runtime: every module's models first, then every module, then the
// event subscriptions and outbox handlers they contributed. Ports are lazy proxies onto the registry, so a module
// may keep another's port from construction and call it later, whatever the order of the list.
import type { RouteSpec } from '../http/route';
import type { JobDefinition } from '../platform/jobs/scheduler';
import type { Runtime } from '../platform/runtime';
import { ModuleEventBus } from './events';
import type { ExtensionName, Extensions, ModuleApis, ModuleDefinition, ModuleName, ModuleParts } from './module';

export interface AssembledModules {
  routes: RouteSpec[];
  jobs: JobDefinition[];
  /** each module's models by module name (tests and the demo seed read them) */
  models: Record<string, unknown>;
  api<K extends ModuleName>(name: K): ModuleApis[K];
}

/** Any module definition (the list's element type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModule = ModuleDefinition<string, any, any>;

export function assembleModules(rt: Runtime, definitions: readonly AnyModule[]): AssembledModules {
  const names = new Set<string>();
  for (const d of definitions) {
    if (names.has(d.name)) throw new Error(`module ${d.name} listed twice`);
    names.add(d.name);
  }
  const models: Record<string, unknown> = {};
  for (const d of definitions) models[d.name] = d.models?.(rt.sequelize);

  const built = new Map<string, ModuleParts<unknown>>();
  const extensions = new Map<string, unknown[]>();
  const events = new ModuleEventBus(rt.outbox);
  const api = <K extends ModuleName>(name: K): ModuleApis[K] => {
    const parts = built.get(name);
    if (!parts) throw new Error(`module ${name} is not assembled`);
    return parts.api as ModuleApis[K];
  };
  const port = <K extends ModuleName>(name: K): ModuleApis[K] => {
    if (!names.has(name)) throw new Error(`no module ${name} in the composition root`);
    return new Proxy({} as object, {
      get(_, prop) {
        const target = api(name) as unknown as Record<string | symbol, unknown>;
        const value = target[prop];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as ModuleApis[K];
  };
  const collect = <K extends ExtensionName>(name: K) => {
    if (!extensions.has(name)) extensions.set(name, []);
    return extensions.get(name) as Extensions[K][];
  };

  for (const d of definitions) {
    const parts = d.create({ rt, port, collect, events }, models[d.name]);
    built.set(d.name, parts);
    for (const [name, items] of Object.entries(parts.extends ?? {}))
      collect(name as ExtensionName).push(...(items as never[]));
    for (const [topic, handler] of Object.entries(parts.outbox ?? {})) rt.outbox.register(topic, handler);
    for (const w of parts.workers ?? []) rt.workers.register(w);
  }
  for (const parts of built.values()) for (const s of parts.subscriptions ?? []) events.subscribe(s);

  return {
    routes: [...built.values()].flatMap((p) => p.routes ?? []),
    jobs: [...built.values()].flatMap((p) => p.jobs ?? []),
    models,
    api,
  };
}
