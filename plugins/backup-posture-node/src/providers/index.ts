export * from './InventoryProvider';
export * from './extensionPoint';
