import { Finding } from '../../../posture';
import { describeError } from '../../aws/context';
import { explainAwsMessage, KNOWN_AWS_MESSAGES } from '../../aws/explanations';
import { AwsCheck, alsoUnreadVaults, finding } from '../types';

const MPA_NOT_OPTED_IN = KNOWN_AWS_MESSAGES.find(
  m => m.id === 'mpa-not-opted-in',
)!;

/** C3/C4: a LAG vault can be recovered through multi-party approval when its account is compromised. */
export const airGappedVaultRecoveryReady: AwsCheck = alsoUnreadVaults(
  {
    definition: {
      id: 'air-gapped-vault-recovery-ready',
      title: 'Air-gapped vaults are ready for multi-party approval recovery',
      cloud: 'aws',
      severity: 'high',
      rules: ['C3', 'C4'],
      equivalentControls: {},
      description:
        'Per logically air-gapped vault: MPA opted in (`isMpaEnabled` in the management account’s global settings), an approval team assigned (`MpaApprovalTeamArn`), and the latest approval-team update not failed (`LatestMpaApprovalTeamUpdate`). Explains "MPA is not opted-in…".',
      remediation: {
        why: 'If the account that holds the air-gapped vault is compromised, multi-party approval is the only way to reach its recovery points from a recovery account (C3). It needs an opt-in from the management account (C4) and an approval team assigned to the vault.',
        console: [
          'Management account → AWS Backup → Settings → Multi-party approval → Opt in (C4).',
          'Management account, us-east-1 → Multi-party approval → Create approval team (IAM Identity Center users, ≥ 2 approvers, a threshold); share it through AWS RAM.',
          'Vault account → AWS Backup → the air-gapped vault → Assign approval team.',
        ],
        cli: [
          'aws backup update-global-settings --global-settings isMpaEnabled=true  # management account',
          'aws backup associate-backup-vault-mpa-approval-team --backup-vault-name <lag-vault> --mpa-approval-team-arn <team-arn>',
        ].join('\n'),
        terraform:
          '# Assign the approval team with `aws backup associate-backup-vault-mpa-approval-team` (no Terraform resource yet); opt in with aws_backup_global_settings { global_settings = { isMpaEnabled = "true" } }.',
      },
    },
    evaluate({ ctx }) {
      const out: Finding[] = [];
      const settings = ctx.aws.globalSettings;
      for (const vault of ctx.aws.vaults.filter(
        v => v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      )) {
        // C4: opt-in
        if (
          !settings ||
          settings.error ||
          settings.isMpaEnabled === undefined
        ) {
          out.push(
            finding(
              `${vault.arn} [C4 MPA opt-in]`,
              'unknown',
              `global settings not read${describeError(settings?.error)}`,
              {},
            ),
          );
        } else if (!settings.isMpaEnabled) {
          out.push(
            finding(
              `${vault.arn} [C4 MPA opt-in]`,
              'fail',
              'MPA is not opted in in the management account: assigning an approval team fails with "MPA is not opted-in."',
              { isMpaEnabled: false, managementAccount: settings.accountId },
              MPA_NOT_OPTED_IN.explanation,
            ),
          );
        } else {
          out.push(
            finding(`${vault.arn} [C4 MPA opt-in]`, 'pass', 'MPA is opted in', {
              isMpaEnabled: true,
            }),
          );
        }
        // C3: team assigned, latest update not failed
        const update = vault.latestMpaApprovalTeamUpdate;
        const evidence = {
          mpaApprovalTeamArn: vault.mpaApprovalTeamArn,
          latestUpdateStatus: update?.status,
          latestUpdateStatusMessage: update?.statusMessage,
        };
        const known = explainAwsMessage(update?.statusMessage);
        if (update?.status && /FAIL/i.test(update.status)) {
          out.push(
            finding(
              `${vault.arn} [C3 approval team]`,
              'fail',
              `latest approval-team update ${update.status}${update.statusMessage ? `: ${update.statusMessage}` : ''}`,
              evidence,
              known?.explanation,
            ),
          );
        } else if (vault.mpaApprovalTeamArn) {
          out.push(
            finding(
              `${vault.arn} [C3 approval team]`,
              'pass',
              `approval team ${vault.mpaApprovalTeamArn} assigned`,
              evidence,
            ),
          );
        } else {
          const scopeError = ctx.scopeError(vault.accountId, vault.region);
          out.push(
            scopeError
              ? finding(
                  `${vault.arn} [C3 approval team]`,
                  'unknown',
                  scopeError,
                  evidence,
                )
              : finding(
                  `${vault.arn} [C3 approval team]`,
                  'fail',
                  'no multi-party approval team assigned',
                  evidence,
                ),
          );
        }
      }
      return out;
    },
  },
  true,
);
