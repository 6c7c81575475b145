/**
 * Node.js library of the backup-posture plugin: the interfaces and extension points a backend
 * module implements to add posture checks and inventory providers.
 *
 * @packageDocumentation
 */
export * from './checksExtensionPoint';
export * from './checks';
export * from './providers';
