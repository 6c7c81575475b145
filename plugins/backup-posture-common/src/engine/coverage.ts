/**
 * Where an entity's resources and backups are (issue 16: computed once here, sent in the API):
 * the AWS accounts and regions of its resources, vaults and recovery points, and the Azure
 * subscriptions and locations of its Recovery Services vaults; for a cloud a backend module adds,
 * the accounts and regions of the scopes holding the entity's part of it.
 */
import { EntityInventory } from '../inventory';

/** @public */
export interface PostureCoverage {
  /** AWS accounts (and the accounts of module clouds' scopes), sorted. */
  accounts: string[];
  /** Azure subscriptions, sorted. */
  subscriptions: string[];
  /** AWS regions and Azure locations, sorted. */
  regions: string[];
}

export function coverageOf(inventory: EntityInventory): PostureCoverage {
  const accounts = new Set<string>();
  const subscriptions = new Set<string>();
  const regions = new Set<string>();
  const aws = inventory.aws;
  // Stryker disable ArrayDeclaration: a missing list's stand-in holds nothing with an account or
  // region, so a non-empty stand-in adds nothing either (equivalent).
  for (const item of [
    ...(aws?.resources ?? []),
    ...(aws?.vaults ?? []),
    ...(aws?.recoveryPoints ?? []),
  ]) {
    // Stryker restore ArrayDeclaration
    if (item.accountId) accounts.add(item.accountId);
    if (item.region) regions.add(item.region);
  }
  // Stryker disable next-line ArrayDeclaration: as above, a stand-in for no vaults adds nothing.
  for (const vault of inventory.azure?.vaults ?? []) {
    if (vault.subscriptionId) subscriptions.add(vault.subscriptionId);
    if (vault.location) regions.add(vault.location);
  }
  const moduleClouds = Object.keys(inventory.clouds ?? {});
  for (const scope of moduleClouds.length ? inventory.scopes : []) {
    if (!moduleClouds.includes(scope.cloud)) continue;
    accounts.add(scope.account);
    if (scope.region !== 'global') regions.add(scope.region);
  }
  return {
    accounts: [...accounts].sort(),
    subscriptions: [...subscriptions].sort(),
    regions: [...regions].sort(),
  };
}
