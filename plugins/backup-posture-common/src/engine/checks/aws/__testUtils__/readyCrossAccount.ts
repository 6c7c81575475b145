import {
  awsInventory,
  CENTRAL,
  cmk,
  copyJob,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
  orgCopyPolicy,
} from '../../../__fixtures__/builders';

/** An Aurora cluster with a CMK shared with the central account, copied there: everything ready. */
export function readyCrossAccount() {
  const sourceKey = cmk(PROD, TOKYO, 'aurora-key', {
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${PROD}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${CENTRAL}:root` },
          Action: ['kms:Decrypt', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
        },
      ],
    }),
  });
  const vaultKey = cmk(PROD, TOKYO, 'vault-key');
  const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
  const db = resource('Aurora', PROD, TOKYO, 'payments-db', {
    encryptionKeyArn: sourceKey.arn,
  });
  const primaryVault = vault(PROD, TOKYO, 'payments', vaultKey);
  const central = vault(CENTRAL, TOKYO, 'central', centralKey, {
    accessPolicy: orgCopyPolicy(),
  });
  const primary = recoveryPoint(db, primaryVault, sourceKey);
  const aws = awsInventory({
    resources: [db],
    vaults: [primaryVault, central],
    keys: [sourceKey, vaultKey, centralKey],
    plans: [
      plan(PROD, TOKYO, [
        rule('payments', {
          copyActions: [
            {
              destinationBackupVaultArn: central.arn,
              lifecycle: { deleteAfterDays: 35 },
            },
          ],
        }),
      ]),
    ],
    recoveryPoints: [primary],
    copyJobs: [copyJob(db, primaryVault, central, 'COMPLETED')],
  });
  return { aws, db, sourceKey, central, primaryVault };
}
