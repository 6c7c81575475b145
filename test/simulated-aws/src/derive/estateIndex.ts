import { Estate, SimKmsKey, SimVault } from '../model/types';

/** Lookups over an estate, shared by derivation and the handlers. */
export class EstateIndex {
  readonly vaultsByArn = new Map<string, SimVault>();
  readonly keysByArn = new Map<string, SimKmsKey>();

  constructor(readonly estate: Estate) {
    for (const v of estate.vaults) this.vaultsByArn.set(v.arn, v);
    for (const k of estate.keys) this.keysByArn.set(k.arn, k);
  }

  managedKey(
    accountId: string,
    region: string,
    alias: string,
  ): SimKmsKey | undefined {
    return this.estate.keys.find(
      k =>
        k.accountId === accountId &&
        k.region === region &&
        k.aliases.includes(alias),
    );
  }

  isAwsBackupKey(keyArn: string): boolean {
    return (
      this.keysByArn.get(keyArn)?.aliases.includes('alias/aws/backup') ?? false
    );
  }

  inOrganization(accountId: string): boolean {
    return (
      this.estate.accounts.find(a => a.id === accountId)?.inOrganization ??
      false
    );
  }

  organizationPaths(accountId: string): string[] {
    const org = this.estate.organization;
    const ou = org.organizationalUnits.find(o =>
      o.accountIds.includes(accountId),
    );
    return [`${org.id}/${org.rootId}/${ou ? `${ou.id}/` : ''}`];
  }
}
