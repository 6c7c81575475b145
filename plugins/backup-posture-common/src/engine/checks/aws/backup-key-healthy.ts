import { Finding } from '../../../posture';
import { keyManagerOf, parseArn } from '../../aws/classify';
import { failedKeyReadReason, withKeyReads } from '../../keyFreshness';
import { coversAction, parsePolicy, principalAccount } from '../../aws/policy';
import { AwsCheck, alsoUnreadVaults, finding } from '../types';

/** A3: every key in the lineage is enabled, rotated, and usable by AWS Backup. */
export const backupKeyHealthy: AwsCheck = alsoUnreadVaults({
  definition: {
    id: 'backup-key-healthy',
    title: 'Keys protecting backups are healthy',
    cloud: 'aws',
    severity: 'critical',
    rules: ['A3'],
    equivalentControls: {
      securityHub: ['KMS.3', 'KMS.4'],
      note: 'Security Hub evaluates every KMS key of the account; this check the keys that protect the entity’s backups, and their key policy as well.',
    },
    description:
      'Every KMS key in the lineage (source, vault and recovery point keys): `KeyState` Enabled (not PendingDeletion/Disabled), rotation on for customer-managed keys, and a key policy that lets the account (and so AWS Backup’s role) use it. A failing key lists the recovery points that become unrestorable (blast radius).',
    remediation: {
      why: 'A disabled key, or one scheduled for deletion, makes every recovery point encrypted with it unrestorable — silently, until the day you need them. A key policy that excludes the account blocks AWS Backup.',
      console: [
        'KMS → the key → if Pending deletion: Key actions → Cancel key deletion; if Disabled: Key actions → Enable.',
        'Key rotation tab → enable automatic rotation.',
        'Key policy → keep the statement that enables IAM policies for the account root (or allow the backup role, kms:ViaService backup.<region>.amazonaws.com).',
      ],
      cli: [
        'aws kms cancel-key-deletion --key-id <key-arn> && aws kms enable-key --key-id <key-arn>',
        'aws kms enable-key-rotation --key-id <key-arn>',
        'aws kms get-key-policy --key-id <key-arn> --policy-name default',
      ].join('\n'),
      terraform: [
        'resource "aws_kms_key" "backup" {',
        '  enable_key_rotation     = true',
        '  deletion_window_in_days = 30',
        '  lifecycle { prevent_destroy = true }',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx, lineage }) {
    const keyArns = new Set<string>();
    for (const chain of lineage) {
      for (const link of chain.links) {
        for (const key of [link.observedKey, link.expectedKey]) {
          if (key?.keyArn && key.manager !== 'aws-owned')
            keyArns.add(key.keyArn);
        }
      }
    }
    for (const v of ctx.aws.vaults) {
      if (v.encryptionKeyArn && v.encryptionKeyType !== 'AWS_OWNED_KMS_KEY')
        keyArns.add(v.encryptionKeyArn);
    }
    const out: Finding[] = [];
    for (const arn of [...keyArns].sort()) {
      const key = ctx.keys.get(arn);
      // Each verdict on the key says when its description was read if this scan's read failed.
      const push = (f: Finding) => out.push(withKeyReads(f, [{ fact: key }]));
      const points = ctx.aws.recoveryPoints.filter(
        p => p.encryptionKeyArn === arn,
      );
      const vaults = ctx.aws.vaults
        .filter(v => v.encryptionKeyArn === arn)
        .map(v => v.arn);
      const evidence = {
        keyState: key?.keyState,
        keyManager: keyManagerOf(key),
        rotationEnabled: key?.rotationEnabled,
        recoveryPoints: points.length,
        vaults,
      };
      if (!key || key.error) {
        const parsed = parseArn(arn);
        const scopeError = parsed
          ? ctx.scopeError(parsed.account, parsed.region)
          : undefined;
        const reason = key?.error
          ? failedKeyReadReason(key.error)
          : (scopeError ?? 'key was not described');
        push(
          finding(arn, 'unknown', `key health unknown: ${reason}`, evidence),
        );
        continue;
      }
      if (!key.keyState) {
        push(finding(arn, 'unknown', 'key state not reported', evidence));
        continue;
      }
      if (key.keyState !== 'Enabled' || key.enabled === false) {
        push(
          finding(
            arn,
            'fail',
            `key is ${key.keyState}: ${points.length} recovery point(s) and ${vaults.length} vault(s) depend on it and become unrestorable`,
            {
              ...evidence,
              affectedRecoveryPointArns: points
                .map(p => p.recoveryPointArn)
                .slice(0, 20),
            },
          ),
        );
        continue;
      }
      if (keyManagerOf(key) !== 'customer') {
        push(
          finding(
            arn,
            'pass',
            'AWS-managed key enabled (AWS rotates it)',
            evidence,
          ),
        );
        continue;
      }
      const problems: string[] = [];
      if (key.rotationEnabled === false)
        problems.push('automatic rotation is off');
      if (key.policy !== undefined) {
        const statements = parsePolicy(key.policy);
        const usable = statements?.some(
          s =>
            s.effect === 'Allow' &&
            (coversAction(s, 'kms:Decrypt') ||
              coversAction(s, 'kms:CreateGrant')) &&
            (s.principals.some(p => principalAccount(p) === key.accountId) ||
              JSON.stringify(s.conditions).includes('backup.')),
        );
        if (!usable)
          problems.push(
            'key policy does not let the account (or AWS Backup) use the key',
          );
      }
      push(
        problems.length
          ? finding(arn, 'warn', problems.join('; '), evidence)
          : finding(
              arn,
              'pass',
              'customer-managed key enabled and rotated',
              evidence,
            ),
      );
    }
    return out;
  },
});
