import { describe, expect, it } from '@jest/globals';
import { EstateBuilder } from '../model/builder';
import { allowOrgCopyPolicy } from '../model/vaultPolicies';
import { regionSettingsOf } from '../model/regionSettings';
import { ResourceType, SimRegionSettings } from '../model/types';
import { deriveBackups } from './deriveBackups';
import { COPY_STATUS } from './statusMessages';

const NOW = '2026-11-23T00:00:00.000Z';
const SRC = '222222222222';
const DST = '444444444444';
const R1 = 'ap-northeast-1';

/** One resource of `type` in SRC/R1, a plan selecting it, and a cross-account copy action. */
function estateWith(type: ResourceType, settings?: SimRegionSettings) {
  const b = new EstateBuilder({
    name: 't',
    seed: 7,
    now: NOW,
    organizationId: 'o-test',
    managementAccountId: '111111111111',
    managementAccountEmail: 'm@example.com',
    regions: [R1],
  });
  b.account('111111111111', 'management');
  b.account(SRC, 'source');
  b.account(DST, 'destination');
  if (settings) b.estate.regionSettings = [settings];
  const tableKey = b.cmk(SRC, R1, {
    alias: 'alias/table',
    allowAccounts: [DST],
  });
  const vaultKey = b.cmk(SRC, R1, { alias: 'alias/vault' });
  b.resource(type, SRC, R1, 'thing', {
    tags: { backup: 'yes' },
    keyArn: tableKey.arn,
  });
  b.vault(SRC, R1, 'source-vault', { key: vaultKey.arn });
  const destArn = `arn:aws:backup:${R1}:${DST}:backup-vault:central`;
  b.vault(DST, R1, 'central', {
    key: b.cmk(DST, R1, { alias: 'alias/central' }).arn,
    accessPolicy: allowOrgCopyPolicy(destArn, 'o-test'),
  });
  b.plan(
    SRC,
    R1,
    'plan',
    [
      {
        ruleName: 'r',
        targetBackupVaultName: 'source-vault',
        scheduleExpression: 'cron(0 5 ? * * *)',
        lifecycle: { deleteAfterDays: 35 },
        pointAgesDays: [1],
        copyActions: [
          {
            destinationBackupVaultArn: destArn,
            lifecycle: { deleteAfterDays: 35 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'by-tag',
        listOfTags: [
          {
            conditionType: 'STRINGEQUALS',
            conditionKey: 'backup',
            conditionValue: 'yes',
          },
        ],
      },
    ],
  );
  return { estate: b.estate, tableKey, vaultKey };
}

describe('region settings (A6)', () => {
  it('A6: every listed type is opted in and DynamoDB and EFS fully managed unless the estate says otherwise', () => {
    const { estate } = estateWith('S3', {
      accountId: SRC,
      region: R1,
      optIn: { S3: false },
      management: { DynamoDB: false },
    });
    const here = regionSettingsOf(estate, SRC, R1);
    expect(here.optIn).toMatchObject({ S3: false, DynamoDB: true, EFS: true });
    expect(here.management).toEqual({ DynamoDB: false, EFS: true });
    expect(regionSettingsOf(estate, DST, R1).management).toEqual({
      DynamoDB: true,
      EFS: true,
    });
  });

  it('A6: a type not opted in gets no recovery point, copy job or protected resource, though a plan selects it', () => {
    const { estate } = estateWith('EFS', {
      accountId: SRC,
      region: R1,
      optIn: { EFS: false },
    });
    const derived = deriveBackups(estate);
    expect(derived.recoveryPoints).toEqual([]);
    expect(derived.copyJobs).toEqual([]);
    expect(derived.protectedResources).toEqual([]);
    // Another account's opt-out changes nothing here.
    const elsewhere = estateWith('EFS', {
      accountId: DST,
      region: R1,
      optIn: { EFS: false },
    });
    expect(deriveBackups(elsewhere.estate).recoveryPoints).toHaveLength(2);
  });

  it('A6: DynamoDB under full AWS Backup management: an AWS Backup point on the vault key, copied', () => {
    const { estate, vaultKey } = estateWith('DynamoDB');
    const derived = deriveBackups(estate);
    const primary = derived.recoveryPoints.find(p => !p.sourceBackupVaultArn)!;
    expect(primary.recoveryPointArn).toMatch(/^arn:aws:backup:/);
    expect(primary.encryptionKeyArn).toBe(vaultKey.arn);
    expect(derived.copyJobs.map(j => j.state)).toEqual(['COMPLETED']);
  });

  it('A6: DynamoDB without advanced DynamoDB backup: a DynamoDB backup on the table key, and its copy fails', () => {
    const { estate, tableKey } = estateWith('DynamoDB', {
      accountId: SRC,
      region: R1,
      management: { DynamoDB: false },
    });
    const derived = deriveBackups(estate);
    expect(derived.recoveryPoints).toHaveLength(1);
    const [primary] = derived.recoveryPoints;
    expect(primary.recoveryPointArn).toMatch(
      new RegExp(`^arn:aws:dynamodb:${R1}:${SRC}:table/thing/backup/`),
    );
    expect(primary).toMatchObject({
      isEncrypted: true,
      encryptionKeyArn: tableKey.arn,
      encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
      keyRule: 'A6',
    });
    expect(derived.copyJobs).toHaveLength(1);
    expect(derived.copyJobs[0]).toMatchObject({
      state: 'FAILED',
      failedBy: 'A6',
      statusMessage: COPY_STATUS.dynamoDbNotFullyManaged,
    });
  });

  it('A6: EFS listed as not fully managed keeps the vault key (its encryption does not depend on it)', () => {
    const { estate, vaultKey } = estateWith('EFS', {
      accountId: SRC,
      region: R1,
      management: { EFS: false },
    });
    const primary = deriveBackups(estate).recoveryPoints.find(
      p => !p.sourceBackupVaultArn,
    )!;
    expect(primary.encryptionKeyArn).toBe(vaultKey.arn);
  });
});
