/**
 * The engine's version for stored evaluations: a backend reuses an entity's stored evaluation only
 * while this, the checks, the options and the entity's inputs are unchanged. Bump it with any
 * change of what the engine outputs for the same input (a reason's wording, a new rule in a
 * shared helper) that the checks' own definitions and code do not show.
 *
 * @public
 */
export const POSTURE_ENGINE_VERSION = '2026-11-30.1';
