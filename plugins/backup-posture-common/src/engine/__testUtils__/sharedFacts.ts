/**
 * The facts of a generated estate that its services share: AWS-managed keys, the Default vault, the
 * central vault and the air-gapped vault.
 */
import { AwsInventory } from '../../inventory';
import {
  awsManagedKey,
  CENTRAL,
  cmk,
  daysAgo,
  orgCopyPolicy,
  OSAKA,
  PROD,
  RECOVERY,
  TOKYO,
  vault,
} from '../__fixtures__/builders';

/** The facts a service owns. */
export type ServiceFacts = Omit<
  AwsInventory,
  'globalSettings' | 'organization'
>;

/** Facts every service may point at: the Default vault, central vaults, the air-gapped vault. */
export function sharedFacts(): ServiceFacts {
  const keys = [
    awsManagedKey(PROD, TOKYO, 'backup'),
    awsManagedKey(PROD, OSAKA, 'backup'),
    awsManagedKey(PROD, TOKYO, 'rds'),
    awsManagedKey(PROD, OSAKA, 'rds'),
    awsManagedKey(PROD, TOKYO, 'ebs'),
    awsManagedKey(PROD, OSAKA, 'ebs'),
    awsManagedKey(CENTRAL, TOKYO, 'rds'),
    awsManagedKey(CENTRAL, TOKYO, 'ebs'),
    cmk(CENTRAL, TOKYO, 'central-key', {
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    }),
  ];
  return {
    resources: [],
    plans: [],
    recoveryPoints: [],
    copyJobs: [],
    keys,
    vaults: [
      vault(PROD, TOKYO, 'Default', keys[0], { locked: false }),
      vault(CENTRAL, TOKYO, 'central', keys[8], {
        locked: true,
        lockDate: daysAgo(30),
        minRetentionDays: 1,
        accessPolicy: orgCopyPolicy(),
      }),
      vault(RECOVERY, TOKYO, 'air-gapped', undefined, {
        vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
        encryptionKeyType: 'AWS_OWNED_KMS_KEY',
        locked: true,
        accessPolicy: orgCopyPolicy(),
      }),
    ],
  };
}
