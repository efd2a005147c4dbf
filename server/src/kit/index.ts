// The module kit's public surface (docs/architecture.md, "How to add a module").
export { defineModule, type ModuleApis, type ModuleContext, type ModuleParts, type Extensions } from './module';
export { onEvent, onEventDurably, type DomainEvents, type EventBus, type Subscription } from './events';
export { assembleModules, type AssembledModules } from './registry';
