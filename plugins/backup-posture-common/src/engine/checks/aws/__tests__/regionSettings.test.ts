import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  copyPoint,
  entity,
  errorScope,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  selection,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { checkResult, findingAbout } from '../../../__fixtures__/run';
import {
  AwsRegionSettingsFact,
  AwsResourceFact,
  ScopeStatus,
} from '../../../../inventory';
import { evaluatePosture } from '../../../evaluate';
import { NOW } from '../../../__fixtures__/builders';

/** Region settings of PROD/TOKYO as DescribeRegionSettings returns them (rule A6). */
const settings = (
  optIn: Record<string, boolean> = {},
  management: Record<string, boolean> = {},
  extra: Partial<AwsRegionSettingsFact> = {},
): AwsRegionSettingsFact => ({
  accountId: PROD,
  region: TOKYO,
  resourceTypeOptInPreference: {
    Aurora: true,
    DynamoDB: true,
    EBS: true,
    EFS: true,
    RDS: true,
    S3: true,
    ...optIn,
  },
  resourceTypeManagementPreference: {
    DynamoDB: true,
    EFS: true,
    ...management,
  },
  readAt: NOW,
  ...extra,
});
const denied = settings(
  {},
  {},
  {
    resourceTypeOptInPreference: undefined,
    resourceTypeManagementPreference: undefined,
    readAt: undefined,
    error: {
      name: 'AccessDeniedException',
      message: 'not authorized to perform backup:DescribeRegionSettings',
    },
  },
);

const vaultKey = cmk(PROD, TOKYO, 'vault-key');
const tableKey = cmk(PROD, TOKYO, 'table-key');
const drKey = cmk(PROD, OSAKA, 'dr-key');
const v = vault(PROD, TOKYO, 'a', vaultKey);
const dr = vault(PROD, OSAKA, 'dr', drKey);
const table = resource('DynamoDB', PROD, TOKYO, 'ledger', {
  encryptionKeyArn: tableKey.arn,
});

const inventoryWith = (
  res: AwsResourceFact,
  regionSettings: AwsRegionSettingsFact[] | undefined,
  extra: Partial<Parameters<typeof awsInventory>[0]> = {},
) =>
  awsInventory({
    resources: [res],
    vaults: [v, dr],
    keys: [vaultKey, tableKey, drKey],
    plans: [plan(PROD, TOKYO, [rule('a')], [selection()])],
    ...(regionSettings ? { regionSettings } : {}),
    ...extra,
  });

describe('resource-protected-by-plan (A6: ResourceTypeOptInPreference)', () => {
  const protectedBy = (
    regionSettings: AwsRegionSettingsFact[] | undefined,
    scopes: ScopeStatus[] = [],
  ) =>
    checkResult(
      entity(inventoryWith(table, regionSettings), scopes),
      'resource-protected-by-plan',
    );

  it('A6 pass: selected, and its type is opted in where it lives; the setting is the evidence', () => {
    const r = protectedBy([settings()]);
    expect(r.status).toBe('pass');
    expect(r.rules).toContain('A6');
    expect(r.findings[0].message).toBe(
      'selected by payments-plan/by-app-tag: ListOfTags app=payments',
    );
    expect(r.findings[0].evidence).toEqual({
      planArn: `arn:aws:backup:${TOKYO}:${PROD}:backup-plan:payments-plan-${PROD}-${TOKYO}`,
      selectionId: 'sel-1',
      lastBackupTime: undefined,
      optInPreference: 'ResourceTypeOptInPreference.DynamoDB = true',
    });
  });

  it('A6 fail: a plan selects it, but its type is not opted in in its account and Region', () => {
    const r = protectedBy([settings({ DynamoDB: false })]);
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toBe(
      `selected by payments-plan/by-app-tag: ListOfTags app=payments; but DynamoDB is not opted in for AWS Backup in account ${PROD} in ${TOKYO} (ResourceTypeOptInPreference.DynamoDB = false): AWS Backup makes no backup of it`,
    );
    expect(r.findings[0].evidence).toMatchObject({
      selectionId: 'sel-1',
      optInPreference: 'ResourceTypeOptInPreference.DynamoDB = false',
    });
  });

  it('A6: only the settings of its own account × region count (another Region opting out changes nothing)', () => {
    const elsewhere = { ...settings({ DynamoDB: false }), region: OSAKA };
    const r = protectedBy([settings(), elsewhere]);
    expect(r.status).toBe('pass');
  });

  it('A6 unknown: the settings could not be read (denied): the error is the reason, never pass', () => {
    const r = protectedBy([denied]);
    expect(r.status).toBe('unknown');
    expect(r.findings[0].message).toBe(
      `selected by payments-plan/by-app-tag: ListOfTags app=payments; whether AWS Backup protects DynamoDB there (ResourceTypeOptInPreference) is not known: the region settings of account ${PROD} in ${TOKYO} could not be read: AccessDeniedException: not authorized to perform backup:DescribeRegionSettings`,
    );
    expect(r.findings[0].evidence).toMatchObject({
      optInPreference: 'not known',
    });
  });

  it('A6 unknown: settings collected, but none for its scope (not read), or a type they do not list', () => {
    const other = { ...settings(), region: OSAKA };
    const notRead = protectedBy([other]);
    expect(notRead.status).toBe('unknown');
    expect(notRead.findings[0].message).toContain(
      `the region settings of account ${PROD} in ${TOKYO} were not read`,
    );
    const unlisted = checkResult(
      entity(
        inventoryWith(resource('Neptune', PROD, TOKYO, 'graph'), [settings()]),
      ),
      'resource-protected-by-plan',
    );
    expect(unlisted.status).toBe('unknown');
    expect(unlisted.findings[0].message).toContain(
      `the region settings of account ${PROD} in ${TOKYO} do not list Neptune in ResourceTypeOptInPreference`,
    );
  });

  it('A6: a resource no plan selects fails as before, whatever the settings (a failed read does not hide it)', () => {
    const unselected = resource('DynamoDB', PROD, TOKYO, 'stray', {
      tags: { app: 'other' },
    });
    for (const regionSettings of [[settings()], [denied]]) {
      const r = checkResult(
        entity(inventoryWith(unselected, regionSettings)),
        'resource-protected-by-plan',
      );
      expect(r.status).toBe('fail');
      expect(r.findings[0].message).toBe(
        `no backup plan in ${PROD}/${TOKYO} selects it`,
      );
    }
  });

  it('A6: without collected settings (an older inventory) the check is what it was, and says nothing of them', () => {
    const r = protectedBy(undefined);
    expect(r.status).toBe('pass');
    expect(r.findings[0].evidence).not.toHaveProperty('optInPreference');
  });

  it('A6 unknown: the scope failed and kept no settings', () => {
    const r = checkResult(
      entity(inventoryWith(table, []), [errorScope(PROD, TOKYO)]),
      'resource-protected-by-plan',
    );
    expect(r.status).toBe('unknown');
  });
});

describe('key-lineage-consistent and the lineage (A6: ResourceTypeManagementPreference)', () => {
  /** The table with a primary point in `a` (key `primaryKey`) and a copy action to Osaka. */
  const withPoints = (
    regionSettings: AwsRegionSettingsFact[] | undefined,
    primaryKey = vaultKey,
  ) => {
    const primary = recoveryPoint(table, v, primaryKey);
    return entity(
      inventoryWith(table, regionSettings, {
        plans: [
          plan(
            PROD,
            TOKYO,
            [
              rule('a', {
                copyActions: [{ destinationBackupVaultArn: dr.arn }],
              }),
            ],
            [selection()],
          ),
        ],
        recoveryPoints: [primary, copyPoint(primary, dr, drKey)],
      }),
    );
  };
  const chainOf = (inv: ReturnType<typeof withPoints>) =>
    evaluatePosture(inv, { now: NOW }).lineage[0];

  it('A6 pass: under full AWS Backup management DynamoDB is independent: the vault key is predicted and seen', () => {
    const inv = withPoints([settings()]);
    const chain = chainOf(inv);
    expect(chain.encryptionModel).toBe('independent');
    expect(chain.encryptionModelReason).toBe(
      `ResourceTypeManagementPreference.DynamoDB = true in account ${PROD} in ${TOKYO} (advanced DynamoDB backup): backups take the vault's key`,
    );
    const r = checkResult(inv, 'key-lineage-consistent');
    expect(r.rules).toContain('A6');
    const primary = findingAbout(r, v.arn);
    expect(primary.status).toBe('pass');
    expect(primary.message).toBe(
      'as predicted: alias/vault-key (customer-managed)',
    );
    expect(primary.evidence).toMatchObject({
      encryptionModel: 'independent',
      expectedKeyArn: vaultKey.arn,
      encryptionModelReason: chain.encryptionModelReason,
    });
    expect(findingAbout(r, dr.arn).status).toBe('pass');
  });

  it('A6: without advanced DynamoDB backup it is source-dependent: the table key is predicted for the primary point', () => {
    const inv = withPoints([settings({}, { DynamoDB: false })], tableKey);
    const chain = chainOf(inv);
    expect(chain.encryptionModel).toBe('source-dependent');
    const node = chain.links.find(l => l.vaultArn === v.arn)!;
    expect(node.expectedKey?.keyArn).toBe(tableKey.arn);
    const primary = findingAbout(
      checkResult(inv, 'key-lineage-consistent'),
      v.arn,
    );
    expect(primary.status).toBe('pass');
    expect(primary.evidence).toMatchObject({
      encryptionModel: 'source-dependent',
      expectedKeyArn: tableKey.arn,
    });
  });

  it('A6 fail: without advanced DynamoDB backup, a point showing the vault key is not what AWS makes, and a copy cannot be made', () => {
    const inv = withPoints([settings({}, { DynamoDB: false })], vaultKey);
    const r = checkResult(inv, 'key-lineage-consistent');
    expect(r.status).toBe('fail');
    const primary = findingAbout(r, v.arn);
    expect(primary.status).toBe('fail');
    expect(primary.message).toBe(
      'expected alias/table-key (customer-managed), got alias/vault-key (customer-managed)',
    );
    const copy = findingAbout(r, dr.arn);
    expect(copy.status).toBe('fail');
    expect(copy.message).toBe(
      `no copy can be made: ResourceTypeManagementPreference.DynamoDB = false in account ${PROD} in ${TOKYO} (advanced DynamoDB backup off): backups keep the table's key and cannot be copied to another vault`,
    );
    expect(copy.evidence).toMatchObject({
      encryptionModel: 'source-dependent',
      vaultArn: dr.arn,
    });
    const node = chainOf(inv).links.find(l => l.vaultArn === dr.arn)!;
    expect(node.blocked).toBe(true);
    expect(node.issues.map(i => i.rule)).toEqual(['A6']);
  });

  it('A6 unknown: the settings could not be read: no key is predicted for DynamoDB, and the read error is the reason', () => {
    const inv = withPoints([denied]);
    const chain = chainOf(inv);
    expect(chain.encryptionModel).toBe('unknown');
    const r = checkResult(inv, 'key-lineage-consistent');
    const primary = findingAbout(r, v.arn);
    expect(primary.status).toBe('unknown');
    expect(primary.message).toBe(
      `the predicted key is not known: whether AWS Backup fully manages DynamoDB backups (ResourceTypeManagementPreference) is not known: the region settings of account ${PROD} in ${TOKYO} could not be read: AccessDeniedException: not authorized to perform backup:DescribeRegionSettings`,
    );
    expect(primary.evidence).toMatchObject({ encryptionModel: 'unknown' });
    expect(primary.evidence?.expectedKeyArn).toBeUndefined();
    expect(findingAbout(r, dr.arn).status).toBe('unknown');
    expect(r.status).toBe('unknown');
  });

  it('A6: other types ignore ResourceTypeManagementPreference (EFS listed false stays independent; Aurora stays source-dependent)', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const aurora = resource('Aurora', PROD, TOKYO, 'orders', {
      encryptionKeyArn: tableKey.arn,
    });
    const off = [settings({}, { EFS: false, DynamoDB: false })];
    const model = (res: AwsResourceFact) =>
      evaluatePosture(entity(inventoryWith(res, off)), { now: NOW }).lineage[0];
    expect(model(fs).encryptionModel).toBe('independent');
    expect(model(fs).encryptionModelReason).toBeUndefined();
    expect(model(aurora).encryptionModel).toBe('source-dependent');
  });
});
