/**
 * Shared types, annotations, permissions and the pure posture engine of the backup-posture plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './inventory';
export * from './posture';
export * from './api';
export * from './reportSort';
export * from './engine';
