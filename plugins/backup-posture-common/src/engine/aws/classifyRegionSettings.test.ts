/** A1 with A6: the encryption model follows ResourceTypeManagementPreference where it decides it. */
import { describe, expect, it } from '@jest/globals';
import { encryptionModelOf, isManagementDependent } from './classify';
import {
  managementPreferenceOf,
  managementReasonOf,
  optInOf,
  regionSettingsIn,
} from './regionSettings';

const read = (
  optIn?: Record<string, boolean>,
  management?: Record<string, boolean>,
) =>
  regionSettingsIn(
    [
      {
        accountId: '222222222222',
        region: 'eu-west-1',
        ...(optIn ? { resourceTypeOptInPreference: optIn } : {}),
        ...(management ? { resourceTypeManagementPreference: management } : {}),
      },
    ],
    '222222222222',
    'eu-west-1',
  );

describe('encryptionModelOf with ResourceTypeManagementPreference (A1, A6)', () => {
  it('A6: DynamoDB is independent under full AWS Backup management, source-dependent without, unknown unread or unlisted', () => {
    expect(encryptionModelOf('DynamoDB', { DynamoDB: true })).toBe(
      'independent',
    );
    expect(encryptionModelOf('DynamoDB', { DynamoDB: false })).toBe(
      'source-dependent',
    );
    expect(encryptionModelOf('dynamodb', { DynamoDB: false })).toBe(
      'source-dependent',
    );
    expect(encryptionModelOf('DynamoDB', 'unread')).toBe('unknown');
    expect(encryptionModelOf('DynamoDB', { EFS: true })).toBe('unknown');
  });
  it('A6: settings not collected keep the documented model (DynamoDB independent)', () => {
    expect(encryptionModelOf('DynamoDB')).toBe('independent');
    expect(encryptionModelOf('DynamoDB', undefined)).toBe('independent');
  });
  it('A6: other types ignore the preference (EFS listed false stays independent; RDS stays source-dependent; unread changes neither)', () => {
    expect(encryptionModelOf('EFS', { EFS: false })).toBe('independent');
    expect(encryptionModelOf('S3', 'unread')).toBe('independent');
    expect(encryptionModelOf('RDS', 'unread')).toBe('source-dependent');
    expect(encryptionModelOf('Timestream', { DynamoDB: false })).toBe(
      'independent',
    );
    expect(isManagementDependent('DynamoDB')).toBe(true);
    expect(isManagementDependent('EFS')).toBe(false);
  });
});

describe('region settings read (A6)', () => {
  it('A6: not collected, read, failed, and missing for the scope', () => {
    expect(regionSettingsIn(undefined, '1', 'r')).toEqual({
      state: 'not-collected',
    });
    expect(read({ S3: true }).state).toBe('read');
    expect(
      regionSettingsIn(
        [
          {
            accountId: '1',
            region: 'r',
            error: { name: 'ThrottlingException', message: 'Rate exceeded' },
          },
        ],
        '1',
        'r',
      ),
    ).toEqual({
      state: 'unread',
      reason:
        'the region settings of account 1 in r could not be read: ThrottlingException: Rate exceeded',
    });
    expect(regionSettingsIn([], '1', 'r')).toEqual({
      state: 'unread',
      reason: 'the region settings of account 1 in r were not read',
    });
    expect(regionSettingsIn([], '1', 'r', 'scan failed')).toEqual({
      state: 'unread',
      reason: 'scan failed',
    });
  });
  it('A6: only the settings of that very account × region (not another Region of the account, not another account in the Region)', () => {
    const of = (accountId: string, region: string, S3: boolean) => ({
      accountId,
      region,
      resourceTypeOptInPreference: { S3 },
    });
    const all = [of('1', 'r2', false), of('2', 'r', false), of('1', 'r', true)];
    expect(regionSettingsIn(all, '1', 'r')).toEqual({
      state: 'read',
      settings: of('1', 'r', true),
    });
    expect(regionSettingsIn(all.slice(0, 2), '1', 'r').state).toBe('unread');
  });
  it('A6: opt-in by type as AWS spells it, any case; a type not listed is unknown', () => {
    expect(optInOf(read({ DynamoDB: false }), 'dynamodb')).toEqual({
      state: 'not-opted-in',
      setting: 'ResourceTypeOptInPreference.DynamoDB = false',
    });
    expect(optInOf(read({ S3: true }), 'S3')).toEqual({
      state: 'opted-in',
      setting: 'ResourceTypeOptInPreference.S3 = true',
    });
    expect(optInOf(read(undefined), 'S3')).toEqual({
      state: 'unknown',
      reason:
        'the region settings of account 222222222222 in eu-west-1 do not list S3 in ResourceTypeOptInPreference',
    });
    expect(optInOf({ state: 'not-collected' }, 'S3')).toEqual({
      state: 'not-collected',
    });
  });
  it('A6: the management preference the classification follows, and its reason in words', () => {
    expect(managementPreferenceOf({ state: 'not-collected' })).toBeUndefined();
    expect(managementPreferenceOf({ state: 'unread', reason: 'x' })).toBe(
      'unread',
    );
    expect(managementPreferenceOf(read({}))).toEqual({});
    expect(managementPreferenceOf(read({}, { DynamoDB: true }))).toEqual({
      DynamoDB: true,
    });
    expect(managementReasonOf(read({}, { DynamoDB: true }), 'S3')).toBe(
      undefined,
    );
    expect(
      managementReasonOf({ state: 'not-collected' }, 'DynamoDB'),
    ).toBeUndefined();
    expect(managementReasonOf(read({}, {}), 'DynamoDB')).toBe(
      'the region settings of account 222222222222 in eu-west-1 do not list DynamoDB in ResourceTypeManagementPreference',
    );
    expect(
      managementReasonOf({ state: 'unread', reason: 'denied' }, 'DynamoDB'),
    ).toBe(
      'whether AWS Backup fully manages DynamoDB backups (ResourceTypeManagementPreference) is not known: denied',
    );
  });
});
