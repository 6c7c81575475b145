import {
  BackupVaultListMember,
  paginateListBackupVaults,
  paginateListCopyJobs,
  paginateListProtectedResources,
  VaultType,
} from '@aws-sdk/client-backup';
import { paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import pLimit from 'p-limit';
import { copyJobFact, iso, vaultFact } from './backupFacts';
import { ScopeClients } from './clients';
import type { ScopeScanOptions } from './scopeScanner';
import { Scope, ScopeSnapshot } from './types';
import { readRecoveryPoints, readVault } from './vaultReads';

/*
 * The listings of one account × region that need nothing from one another, each paging on its
 * own (the scope scanner starts them together): vaults with their points, copy jobs, protected
 * resources, and the resources the catalog's tag selectors find.
 */

/** Every vault (each type, one listing), each read, then the recovery points of each. */
export async function readVaultsAndPoints(
  scope: Scope,
  clients: ScopeClients,
  limit: pLimit.Limit,
  pageSize: number,
  partial: (operation: string, subject: string, e: unknown) => void,
) {
  // Vaults of every type in one listing: without ByVaultType, ListBackupVaults returns standard,
  // logically air-gapped and restore-access vaults alike, each with its VaultType (one filtered
  // listing per type tripled this call for nothing; see docs/benchmarks.md). A vault repeated
  // across pages is kept once.
  const listed = new Map<
    string,
    { v: BackupVaultListMember; type: VaultType }
  >();
  for await (const page of paginateListBackupVaults(
    { client: clients.backup, pageSize },
    {},
  )) {
    for (const v of page.BackupVaultList ?? []) {
      if (v.BackupVaultArn && !listed.has(v.BackupVaultArn)) {
        listed.set(v.BackupVaultArn, {
          v,
          type: (v.VaultType as VaultType | undefined) ?? 'BACKUP_VAULT',
        });
      }
    }
  }
  // Each vault's points are listed as soon as that vault is read, not after all of them.
  const read = await Promise.all(
    [...listed.values()].map(async ({ v, type }) => {
      const vault = await limit(() =>
        readVault(scope, clients, vaultFact(scope, v, type), partial, pageSize),
      );
      const points = await limit(() =>
        readRecoveryPoints(scope, clients, vault, pageSize),
      );
      return { vault, points };
    }),
  );
  return {
    vaults: read.map(r => r.vault),
    points: read.flatMap(r => r.points),
  };
}

export async function readCopyJobs(
  scope: Scope,
  backup: ScopeClients['backup'],
  pageSize: number,
  since: Date,
) {
  const jobs: ScopeSnapshot['copyJobs'] = [];
  for await (const page of paginateListCopyJobs(
    { client: backup, pageSize },
    { ByCreatedAfter: since },
  )) {
    for (const j of page.CopyJobs ?? []) jobs.push(copyJobFact(scope, j));
  }
  return jobs;
}

export async function readProtectedResources(
  backup: ScopeClients['backup'],
  pageSize: number,
) {
  const found: Array<{
    arn: string;
    resourceType?: string;
    lastBackupTime?: string;
    lastBackupVaultArn?: string;
  }> = [];
  for await (const page of paginateListProtectedResources(
    { client: backup, pageSize },
    {},
  )) {
    for (const p of page.Results ?? []) {
      if (!p.ResourceArn) continue;
      found.push({
        arn: p.ResourceArn,
        resourceType: p.ResourceType,
        lastBackupTime: iso(p.LastBackupTime),
        lastBackupVaultArn: p.LastBackupVaultArn,
      });
    }
  }
  return found;
}

/** The resources the catalog's tag selectors and tag keys find here, with their tags, in order. */
export async function readTaggedResources(
  clients: ScopeClients,
  options: ScopeScanOptions,
  pageSize: number,
) {
  const tagFilters = [
    ...options.tagSelectors.map(sel =>
      Object.entries(sel).map(([Key, v]) =>
        v ? { Key, Values: [v] } : { Key },
      ),
    ),
    ...options.tagKeys.map(Key => [{ Key }]),
  ];
  const found: Array<{ arn: string; tags: Record<string, string> }> = [];
  for (const TagFilters of tagFilters) {
    for await (const page of paginateGetResources(
      { client: clients.tagging, pageSize: Math.min(pageSize, 100) },
      { TagFilters },
    )) {
      for (const m of page.ResourceTagMappingList ?? []) {
        if (!m.ResourceARN) continue;
        found.push({
          arn: m.ResourceARN,
          tags: Object.fromEntries(
            (m.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']),
          ),
        });
      }
    }
  }
  return found;
}
