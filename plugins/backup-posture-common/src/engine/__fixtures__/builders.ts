/**
 * Small typed builders for test inventories (demo estate accounts and regions). Each builder takes
 * the fields a test cares about and fills the rest with plausible defaults.
 */
export * from './ids';
export * from './keys';
export * from './vaults';
export * from './resources';
export * from './plans';
export * from './points';
export * from './inventories';
