/**
 * Shared by the derivation tests beside this folder (deriveBackups, copyRejection, startedCopies):
 * a two-account organization with one resource, one plan and one copy action, and its accounts,
 * regions and clock.
 */
import { EstateBuilder } from '../../model/builder';
import {
  allowAccountsCopyPolicy,
  allowOrgCopyPolicy,
} from '../../model/vaultPolicies';
import { ResourceType } from '../../model/types';
import { deriveBackups } from '../deriveBackups';

export const NOW = '2026-11-23T00:00:00.000Z';
export const SRC = '222222222222';
export const DST = '444444444444';
export const OUT = '999999999999';
export const R1 = 'ap-northeast-1';
export const R2 = 'ap-northeast-3';

/** A two-account organization with one resource, one plan and one copy action. */
export function estateWith(opts: {
  type: ResourceType;
  sourceKey?: 'cmk' | 'cmk-not-shared' | 'aws-managed' | 'none';
  sourceVaultKey?: 'cmk' | 'aws/backup';
  destination: {
    account: string;
    region: string;
    vault?: 'cmk' | 'aws/backup' | 'Default';
    policy?: 'org' | 'other' | 'none';
  };
  copyLifecycle?: {
    moveToColdStorageAfterDays?: number;
    deleteAfterDays?: number;
  };
  crossAccountEnabled?: boolean;
  unencryptedBefore?: number;
}) {
  const b = new EstateBuilder({
    name: 't',
    seed: 7,
    now: NOW,
    organizationId: 'o-test',
    managementAccountId: '111111111111',
    managementAccountEmail: 'm@example.com',
    regions: [R1, R2],
  });
  b.account('111111111111', 'management');
  b.account(SRC, 'source');
  b.account(DST, 'destination');
  b.account(OUT, 'outside', { inOrganization: false });
  b.estate.globalSettings.isCrossAccountBackupEnabled =
    opts.crossAccountEnabled ?? true;
  const cmk = b.cmk(SRC, R1, {
    alias: 'alias/source',
    allowAccounts: opts.sourceKey === 'cmk-not-shared' ? [] : [DST, OUT],
    replicaRegions: [R2],
  });
  const managedAlias =
    opts.type === 'EBS' || opts.type === 'EC2'
      ? 'alias/aws/ebs'
      : 'alias/aws/rds';
  const sourceKeys: Record<string, string | undefined> = {
    'aws-managed': b.managedKeyArn(SRC, R1, managedAlias),
    none: undefined,
  };
  const sourceKeyArn =
    opts.sourceKey && opts.sourceKey in sourceKeys
      ? sourceKeys[opts.sourceKey]
      : cmk.arn;
  const resource = b.resource(opts.type, SRC, R1, 'thing', {
    tags: { backup: 'yes' },
    keyArn: sourceKeyArn,
    unencryptedBefore: opts.unencryptedBefore
      ? b.ago(opts.unencryptedBefore)
      : undefined,
  });
  const vaultKey = b.cmk(SRC, R1, { alias: 'alias/vault' });
  b.vault(SRC, R1, 'source-vault', {
    key: opts.sourceVaultKey === 'aws/backup' ? 'aws/backup' : vaultKey.arn,
  });
  const d = opts.destination;
  const name = d.vault === 'Default' ? 'Default' : 'destination-vault';
  const destArn = `arn:aws:backup:${d.region}:${d.account}:backup-vault:${name}`;
  const destKey =
    d.vault === 'cmk' || d.vault === undefined
      ? b.cmk(d.account, d.region, { alias: 'alias/dest' }).arn
      : 'aws/backup';
  const policies = {
    none: undefined,
    other: allowAccountsCopyPolicy(destArn, ['333333333333']),
    org: allowOrgCopyPolicy(destArn, 'o-test'),
  };
  const policy = policies[d.policy ?? 'org'];
  b.vault(d.account, d.region, name, { key: destKey, accessPolicy: policy });
  b.plan(
    SRC,
    R1,
    'plan',
    [
      {
        ruleName: 'r',
        targetBackupVaultName: 'source-vault',
        scheduleExpression: 'cron(0 5 ? * * *)',
        lifecycle: { deleteAfterDays: 400 },
        pointAgesDays: [1, 200],
        copyActions: [
          {
            destinationBackupVaultArn: destArn,
            lifecycle: opts.copyLifecycle ?? { deleteAfterDays: 400 },
          },
        ],
      },
    ],
    [{ selectionName: 's', resources: [resource.arn] }],
  );
  const estate = b.estate;
  const alias = (arn?: string) =>
    estate.keys.find(k => k.arn === arn)?.aliases[0];
  return { estate, derived: deriveBackups(estate), alias, cmk, destArn };
}
