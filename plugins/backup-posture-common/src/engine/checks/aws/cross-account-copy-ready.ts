import { CheckStatus, Finding, KeyManagerKind } from '../../../posture';
import {
  describeKey,
  encryptionModelOf,
  keyManagerOf,
  vaultNameFromArn,
} from '../../aws/classify';
import { describeError } from '../../aws/context';
import {
  failedKeyRead,
  failedKeyReadReason,
  withKeyReads,
} from '../../keyFreshness';
import { coversAction, grantsAccount, parsePolicy } from '../../aws/policy';
import { AwsCheck, finding } from '../types';
import { copyActionsOf } from './copyActions';

const B5_STATUS: Record<KeyManagerKind, CheckStatus> = {
  customer: 'pass',
  unknown: 'unknown',
  'aws-managed': 'fail',
  'aws-owned': 'fail',
  'platform-managed': 'fail',
};

/** B1–B6: every prerequisite of a cross-account copy action, each its own finding. */
export const crossAccountCopyReady: AwsCheck = {
  definition: {
    id: 'cross-account-copy-ready',
    title: 'Cross-account copy prerequisites are met',
    cloud: 'aws',
    severity: 'critical',
    rules: ['B1', 'B2', 'B3', 'B4', 'B5', 'B6'],
    equivalentControls: {},
    description:
      'For each cross-account copy action, one finding per prerequisite: both accounts in the organization and cross-account backup enabled (B1), the destination access policy allows `backup:CopyIntoBackupVault` for the source (B2), the destination is not `Default` (B3), source-dependent sources use a CMK whose key policy allows the destination account (B4), the destination vault key is a CMK (B5), no cold storage on the copy (B6).',
    remediation: {
      why: 'A cross-account copy fails at run time, often silently, when any prerequisite is missing — and then the only copy outside the workload account does not exist. Each finding names the one prerequisite to fix.',
      console: [
        'Management account → AWS Backup → Settings → Cross-account management → Cross-account backup: Turn on (B1).',
        'Destination account → AWS Backup → the destination vault (not Default, B3) → Access policy → allow backup:CopyIntoBackupVault for the source account or aws:PrincipalOrgID (B2).',
        'Destination vault key: create the vault with a customer-managed key (B5).',
        'RDS/Aurora/EBS sources: encrypt the source with a CMK and add the destination account to its key policy (B4).',
        'Backup plan → copy action lifecycle: remove "move to cold storage" (B6).',
      ],
      cli: [
        'aws backup update-global-settings --global-settings isCrossAccountBackupEnabled=true  # management account',
        'aws backup put-backup-vault-access-policy --backup-vault-name <dest-vault> --policy file://allow-copy.json',
        '# allow-copy.json: {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"backup:CopyIntoBackupVault","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"<org-id>"}}}]}',
        'aws kms put-key-policy --key-id <source-cmk> --policy-name default --policy file://key-policy-with-dest-account.json',
      ].join('\n'),
      terraform: [
        'resource "aws_backup_global_settings" "org" {',
        '  global_settings = { isCrossAccountBackupEnabled = "true" }',
        '}',
        '',
        'resource "aws_backup_vault_policy" "dest" {',
        '  backup_vault_name = aws_backup_vault.central.name',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Principal = "*"',
        '      Action    = "backup:CopyIntoBackupVault"',
        '      Resource  = "*"',
        '      Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org_id } }',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    const out: Finding[] = [];
    const org = ctx.aws.organization;
    const settings = ctx.aws.globalSettings;
    for (const ref of copyActionsOf(ctx).filter(r => r.crossAccount)) {
      const at = (rule: string) => `${ref.subject} [${rule}]`;
      const destArn = ref.action.destinationBackupVaultArn;
      const source = ref.plan.accountId;
      const dest = ref.destAccount;
      // B1: organization membership
      if (!org || org.error) {
        out.push(
          finding(
            at('B1 organization'),
            'unknown',
            `organization not read${describeError(org?.error)}`,
            { sourceAccount: source, destinationAccount: dest },
          ),
        );
      } else {
        const missing = [source, dest].filter(
          a => !org.memberAccountIds.includes(a),
        );
        out.push(
          finding(
            at('B1 organization'),
            missing.length ? 'fail' : 'pass',
            missing.length
              ? `account(s) ${missing.join(', ')} not in organization ${org.organizationId ?? ''}`.trim()
              : `both accounts are in organization ${org.organizationId ?? ''}`.trim(),
            {
              sourceAccount: source,
              destinationAccount: dest,
              organizationId: org.organizationId,
            },
          ),
        );
      }
      // B1: global setting
      if (
        !settings ||
        settings.error ||
        settings.isCrossAccountBackupEnabled === undefined
      ) {
        out.push(
          finding(
            at('B1 cross-account setting'),
            'unknown',
            `global settings not read${describeError(settings?.error)}`,
            {},
          ),
        );
      } else {
        out.push(
          finding(
            at('B1 cross-account setting'),
            settings.isCrossAccountBackupEnabled ? 'pass' : 'fail',
            settings.isCrossAccountBackupEnabled
              ? 'cross-account backup is enabled'
              : 'cross-account backup is not enabled in the management account',
            {
              isCrossAccountBackupEnabled: settings.isCrossAccountBackupEnabled,
              managementAccount: settings.accountId,
            },
          ),
        );
      }
      // B3: not the Default vault
      const destName = vaultNameFromArn(destArn);
      out.push(
        finding(
          at('B3 not Default'),
          destName === 'Default' ? 'fail' : 'pass',
          destName === 'Default'
            ? 'destination is the Default vault (its key cannot be shared)'
            : `destination vault ${destName}`,
          { destinationBackupVaultArn: destArn },
        ),
      );
      const vault = ctx.vault(destArn);
      const vaultMissing = `destination vault not discovered${ctx.scopeError(dest, ref.destRegion) ? ` (${ctx.scopeError(dest, ref.destRegion)})` : ''}`;
      // B2: destination access policy
      if (!vault || vault.accessPolicy === undefined) {
        out.push(
          finding(
            at('B2 access policy'),
            'unknown',
            vault ? 'destination access policy not read' : vaultMissing,
            { destinationBackupVaultArn: destArn },
          ),
        );
      } else {
        const statements =
          // Stryker disable next-line ConditionalExpression,ArrayDeclaration: equivalent, parsePolicy(null) is [] too, and an array of strings holds no statement that allows
          vault.accessPolicy === null ? [] : parsePolicy(vault.accessPolicy);
        const inOrg = Boolean(org?.memberAccountIds.includes(source));
        const allows = statements?.some(
          s =>
            s.effect === 'Allow' &&
            coversAction(s, 'backup:CopyIntoBackupVault') &&
            grantsAccount(s, source, org?.organizationId, inOrg),
        );
        const denied = statements?.some(
          s =>
            s.effect === 'Deny' &&
            coversAction(s, 'backup:CopyIntoBackupVault') &&
            grantsAccount(s, source, org?.organizationId, inOrg) &&
            !s.hasConditions,
        );
        out.push(
          statements === undefined
            ? finding(
                at('B2 access policy'),
                'unknown',
                'destination access policy is not valid JSON',
                { destinationBackupVaultArn: destArn },
              )
            : finding(
                at('B2 access policy'),
                allows && !denied ? 'pass' : 'fail',
                allows && !denied
                  ? `destination policy allows backup:CopyIntoBackupVault for ${source}`
                  : `destination policy does not allow backup:CopyIntoBackupVault for ${source}`,
                {
                  destinationBackupVaultArn: destArn,
                  accessPolicy: vault.accessPolicy,
                },
              ),
        );
      }
      // B5: destination key is a CMK
      if (!vault) {
        out.push(
          finding(at('B5 destination key'), 'unknown', vaultMissing, {
            destinationBackupVaultArn: destArn,
          }),
        );
      } else {
        const key = ctx.keys.resolveVaultKey(vault);
        const keyFact = ctx.keys.get(vault.encryptionKeyArn);
        const failed = failedKeyRead(keyFact);
        out.push(
          withKeyReads(
            finding(
              at('B5 destination key'),
              B5_STATUS[key.manager],
              key.manager === 'unknown' && failed
                ? `destination vault key is ${describeKey(key)}: ${failedKeyReadReason(failed)}`
                : `destination vault key is ${describeKey(key)}`,
              {
                destinationKeyArn: vault.encryptionKeyArn,
                destinationKeyManager: key.manager,
              },
            ),
            [{ fact: keyFact }],
          ),
        );
      }
      // B4: source-dependent sources use a CMK shared with the destination account
      for (const resource of ref.resources.filter(
        r => encryptionModelOf(r.resourceType) === 'source-dependent',
      )) {
        const subject = `${at('B4 source key')} ${resource.arn}`;
        const key = ctx.keys.get(resource.encryptionKeyArn);
        const manager = keyManagerOf(key);
        // Every B4 verdict on the source key says when it was read if this scan's read failed.
        const push = (f: Finding) => out.push(withKeyReads(f, [{ fact: key }]));
        const evidence = {
          resourceArn: resource.arn,
          sourceKeyArn: resource.encryptionKeyArn,
          sourceKeyManager: manager,
        };
        if (!resource.encryptionKeyArn && resource.encryptionKeySource) {
          push(
            finding(
              subject,
              'not-applicable',
              `${resource.encryptionKeySource} shows no KMS key on the source: nothing to share (recovery-point-encrypted flags unencrypted points)`,
              { ...evidence, sourceKeyReadWith: resource.encryptionKeySource },
            ),
          );
        } else if (!resource.encryptionKeyArn) {
          push(
            finding(
              subject,
              'unknown',
              resource.encryptionKeyError
                ? `source resource key not known: the resource's key could not be read${describeError(resource.encryptionKeyError)}`
                : 'source resource key not known: discovery did not read it',
              evidence,
            ),
          );
        } else if (manager === 'aws-managed') {
          push(
            finding(
              subject,
              'fail',
              `${resource.resourceType} uses ${describeKey(ctx.keys.resolve(resource.encryptionKeyArn))}: AWS-managed keys cannot be shared across accounts`,
              evidence,
            ),
          );
        } else if (
          manager === 'unknown' ||
          // Stryker disable next-line OptionalChaining: equivalent, a key that was not found is 'unknown' and stops at the first test
          key?.policy === undefined
        ) {
          let why = 'source key policy not read';
          if (key?.error) why = `source ${failedKeyReadReason(key.error)}`;
          else if (manager === 'unknown') why = 'source key not described';
          push(finding(subject, 'unknown', why, evidence));
        } else {
          // Stryker disable next-line ArrayDeclaration: equivalent, an array of strings holds no statement that allows
          const statements = parsePolicy(key.policy) ?? [];
          const inOrg = Boolean(org?.memberAccountIds.includes(dest));
          const shared = statements.some(
            s =>
              s.effect === 'Allow' &&
              (coversAction(s, 'kms:Decrypt') ||
                coversAction(s, 'kms:CreateGrant')) &&
              grantsAccount(s, dest, org?.organizationId, inOrg),
          );
          push(
            finding(
              subject,
              shared ? 'pass' : 'fail',
              shared
                ? `source CMK policy allows account ${dest}`
                : `source CMK policy does not allow account ${dest}`,
              evidence,
            ),
          );
        }
      }
      // B6: no cold storage on the copy
      const cold = ref.action.lifecycle?.moveToColdStorageAfterDays;
      out.push(
        finding(
          at('B6 cold storage'),
          cold !== undefined && cold !== null ? 'fail' : 'pass',
          cold !== undefined && cold !== null
            ? `copy lifecycle moves to cold storage after ${cold} days: not supported for cross-account copies`
            : 'no cold storage on the copy',
          { moveToColdStorageAfterDays: cold ?? null },
        ),
      );
    }
    return out;
  },
};
