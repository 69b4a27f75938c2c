/**
 * The service registry's shape. Each module adds its services here from its own index.ts
 * (`declare module '../registry.js' { interface ServiceRegistry { … } }`), so the registry is typed
 * without a central list of service classes.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServiceRegistry {}
