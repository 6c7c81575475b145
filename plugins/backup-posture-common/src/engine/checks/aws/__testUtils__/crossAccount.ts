/**
 * Shared by the cross-account-copy-ready reason tests (crossAccount*Reasons.test.ts and
 * crossAccountPolicyDecisions.test.ts): each prerequisite's status together with the reason and
 * the evidence the user reads. One source resource in PROD copied to the central account's vault.
 */
import {
  awsInventory,
  CENTRAL,
  cmk,
  entity,
  orgCopyPolicy,
  plan,
  PROD,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsInventory, AwsResourceFact } from '../../../../inventory';
import { checkResult, findingAbout } from '../../../__fixtures__/run';

export const keyPolicy = (...statements: object[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${PROD}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...statements,
    ],
  });
export const shareWithCentral = (actions: string[] | string) => ({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${CENTRAL}:root` },
  Action: actions,
  Resource: '*',
});

export function copyToCentral(
  over: {
    source?: AwsResourceFact;
    sourceKeyPolicy?: string;
    accessPolicy?: string | null;
    aws?: Partial<AwsInventory>;
  } = {},
) {
  const sourceKey = cmk(PROD, TOKYO, 'source-key', {
    policy:
      over.sourceKeyPolicy ??
      keyPolicy(shareWithCentral(['kms:Decrypt', 'kms:CreateGrant'])),
  });
  const vaultKey = cmk(PROD, TOKYO, 'vault-key');
  const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
  const source =
    over.source ??
    resource('Aurora', PROD, TOKYO, 'payments-db', {
      encryptionKeyArn: sourceKey.arn,
    });
  const primaryVault = vault(PROD, TOKYO, 'payments', vaultKey);
  const central = vault(CENTRAL, TOKYO, 'central', centralKey, {
    accessPolicy:
      over.accessPolicy === undefined ? orgCopyPolicy() : over.accessPolicy,
  });
  const inventory = entity(
    awsInventory({
      resources: [source],
      vaults: [primaryVault, central],
      keys: [sourceKey, vaultKey, centralKey],
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [{ destinationBackupVaultArn: central.arn }],
          }),
        ]),
      ],
      ...over.aws,
    }),
  );
  return { inventory, source, sourceKey, central, centralKey };
}
export const prereq = (inv: ReturnType<typeof entity>, tag: string) =>
  findingAbout(checkResult(inv, 'cross-account-copy-ready'), `[${tag}`);
