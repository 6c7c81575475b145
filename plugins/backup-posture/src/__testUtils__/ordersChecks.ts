/** The orders database's check results: one of each status, one with an accepted exception. */
import {
  CheckResult,
  CheckStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { LAG_VAULT, TOKYO_VAULT } from './ordersArns';

function check(
  checkId: string,
  title: string,
  status: CheckStatus,
  severity: CheckResult['severity'],
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    checkId,
    title,
    cloud: 'aws',
    severity,
    rules: ['A4'],
    status,
    summary: `${title}: ${status}`,
    findings: [
      {
        subject: TOKYO_VAULT,
        status,
        message: `${title} finding`,
        evidence: {},
      },
    ],
    remediation: {
      why: `Why ${title} matters`,
      console: [`Open AWS Backup for ${checkId}`],
      cli: `aws backup describe-backup-vault --backup-vault-name orders-dr # ${checkId}`,
      terraform: `resource "aws_backup_vault" "${checkId}" {}`,
    },
    ...extra,
  };
}

export const checks: CheckResult[] = [
  check('vault-lock', 'Vault lock', 'pass', 'critical'),
  check('copy-destination-key', 'Copy destination key', 'fail', 'high'),
  check(
    'air-gapped-copy-present',
    'Air-gapped copy present',
    'accepted',
    'medium',
    {
      findings: [
        {
          subject: LAG_VAULT,
          status: 'accepted',
          message: 'No recent point in an air-gapped vault',
          evidence: {},
          exception: {
            justification: 'Migration to the new LAG vault in progress',
            approver: 'security@example.com',
            expiresAt: '2026-12-31T00:00:00Z',
          },
        },
      ],
    },
  ),
  check('backup-key-healthy', 'Backup key healthy', 'unknown', 'medium'),
  check(
    'vault-key-customer-managed',
    'Vault key customer-managed',
    'fail',
    'critical',
  ),
  check(
    'lifecycle-cold-storage-valid',
    'Lifecycle cold storage valid',
    'not-applicable',
    'low',
  ),
  check(
    'plan-frequency-retention',
    'Plan frequency and retention',
    'warn',
    'low',
  ),
];
