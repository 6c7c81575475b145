/** Typed fixtures for component tests: the demo estate's orders database (Aurora, rule A4). */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  CheckResult,
  CheckStatus,
  EntityPostureResponse,
  EntityPostureSummary,
  GroupScorecardResponse,
  LineageChain,
} from '@backup-posture/plugin-backup-posture-common';
import { withDerived } from './withDerived';

export const SOURCE_ARN =
  'arn:aws:rds:us-east-1:222222222222:cluster:orders-db';
const CMK_ARN =
  'arn:aws:kms:us-east-1:222222222222:key/1111aaaa-0000-0000-0000-000000000001';
const AWS_RDS_TOKYO =
  'arn:aws:kms:ap-northeast-1:222222222222:key/2222bbbb-0000-0000-0000-000000000002';
const PRIMARY_VAULT =
  'arn:aws:backup:us-east-1:222222222222:backup-vault:orders-primary';
const TOKYO_VAULT =
  'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:orders-dr';
const CENTRAL_VAULT =
  'arn:aws:backup:us-east-1:444444444444:backup-vault:central';

export const annotatedComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { [ANNOTATION_AWS_RESOURCE_ARNS]: SOURCE_ARN },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team-orders',
    lifecycle: 'production',
  },
};

export const plainComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'no-backups-here', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-orders',
    lifecycle: 'production',
  },
};

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-orders', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const LAG_VAULT =
  'arn:aws:backup:us-east-1:555555555555:backup-vault:vault-lag';
const CENTRAL_CMK =
  'arn:aws:kms:us-east-1:444444444444:key/4444dddd-0000-0000-0000-000000000004';

/**
 * The orders database's lineage graph: the primary in us-east-1 is copied twice (to Tokyo, where
 * AWS substitutes aws/rds (A4), and to the central backup account), and the central account copies
 * on to an air-gapped vault (a second hop, made by a copy job of the central account).
 */
export const lineage: LineageChain[] = [
  {
    resourceArn: SOURCE_ARN,
    resourceType: 'Aurora',
    encryptionModel: 'source-dependent',
    links: [
      {
        id: 'source',
        depth: 0,
        kind: 'source',
        cloud: 'aws',
        account: '222222222222',
        region: 'us-east-1',
        observedKey: {
          keyArn: CMK_ARN,
          alias: 'alias/orders-db',
          manager: 'customer',
        },
        issues: [],
      },
      {
        id: PRIMARY_VAULT,
        parentId: 'source',
        via: { kind: 'backup-rule', label: 'orders-plan / daily' },
        depth: 1,
        kind: 'primary',
        cloud: 'aws',
        account: '222222222222',
        region: 'us-east-1',
        vaultArn: PRIMARY_VAULT,
        vaultName: 'orders-primary',
        vaultType: 'BACKUP_VAULT',
        expectedKey: {
          keyArn: CMK_ARN,
          alias: 'alias/orders-db',
          manager: 'customer',
        },
        observedKey: {
          keyArn: CMK_ARN,
          alias: 'alias/orders-db',
          manager: 'customer',
        },
        issues: [],
      },
      {
        id: TOKYO_VAULT,
        parentId: PRIMARY_VAULT,
        via: {
          kind: 'copy-action',
          label: 'orders-plan / daily',
          state: 'COMPLETED',
        },
        depth: 2,
        kind: 'copy',
        cloud: 'aws',
        account: '222222222222',
        region: 'ap-northeast-1',
        vaultArn: TOKYO_VAULT,
        vaultName: 'orders-dr',
        vaultType: 'BACKUP_VAULT',
        expectedKey: {
          keyArn: 'arn:aws:kms:ap-northeast-1:222222222222:key/mrk-orders',
          alias: 'alias/orders-db-replica',
          manager: 'customer',
        },
        observedKey: {
          keyArn: AWS_RDS_TOKYO,
          alias: 'alias/aws/rds',
          manager: 'aws-managed',
        },
        copyState: 'completed',
        issues: [
          {
            rule: 'A4',
            message: 'expected a customer-managed key, got aws/rds',
          },
        ],
      },
      {
        id: CENTRAL_VAULT,
        parentId: PRIMARY_VAULT,
        via: {
          kind: 'copy-action',
          label: 'orders-plan / to-central',
          state: 'COMPLETED',
        },
        depth: 2,
        kind: 'copy',
        cloud: 'aws',
        account: '444444444444',
        region: 'us-east-1',
        vaultArn: CENTRAL_VAULT,
        vaultName: 'central',
        vaultType: 'BACKUP_VAULT',
        expectedKey: {
          keyArn: CENTRAL_CMK,
          alias: 'alias/central-backup',
          manager: 'customer',
        },
        observedKey: {
          keyArn: CENTRAL_CMK,
          alias: 'alias/central-backup',
          manager: 'customer',
        },
        copyState: 'completed',
        issues: [],
      },
      {
        id: LAG_VAULT,
        parentId: CENTRAL_VAULT,
        via: {
          kind: 'copy-job',
          label: 'copy-job-7f3a',
          state: 'FAILED',
        },
        depth: 3,
        kind: 'copy',
        cloud: 'aws',
        account: '555555555555',
        region: 'us-east-1',
        vaultArn: LAG_VAULT,
        vaultName: 'vault-lag',
        vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
        expectedKey: { manager: 'aws-owned' },
        observedKey: { manager: 'aws-owned' },
        copyState: 'failed',
        copyStatusMessage: 'Access denied to the destination vault',
        issues: [
          {
            rule: 'B2',
            message:
              'the air-gapped vault’s access policy does not allow backup:CopyIntoBackupVault from 444444444444',
          },
        ],
      },
    ],
  },
];

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

const okScope = {
  cloud: 'aws' as const,
  account: '222222222222',
  region: 'us-east-1',
  state: 'ok' as const,
  lastAttemptAt: '2026-11-23T18:00:00Z',
  lastSuccessAt: '2026-11-23T18:00:00Z',
};

export const okPosture: EntityPostureResponse = withDerived({
  entityRef: 'component:default/orders',
  state: 'ok',
  problems: [],
  freshness: {
    lastScanAt: '2026-11-23T18:00:00Z',
    stale: false,
    scopes: [okScope],
  },
  inventory: {
    entityRef: 'component:default/orders',
    scopes: [okScope],
    problems: [],
    aws: {
      resources: [
        {
          arn: SOURCE_ARN,
          resourceType: 'Aurora',
          accountId: '222222222222',
          region: 'us-east-1',
          tags: {},
          matchedBy: 'arn',
          encryptionKeyArn: CMK_ARN,
        },
      ],
      vaults: [
        {
          arn: PRIMARY_VAULT,
          name: 'orders-primary',
          accountId: '222222222222',
          region: 'us-east-1',
          vaultType: 'BACKUP_VAULT',
          encryptionKeyArn: CMK_ARN,
          encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
          numberOfRecoveryPoints: 1,
        },
        {
          arn: TOKYO_VAULT,
          name: 'orders-dr',
          accountId: '222222222222',
          region: 'ap-northeast-1',
          vaultType: 'BACKUP_VAULT',
          encryptionKeyArn:
            'arn:aws:kms:ap-northeast-1:222222222222:key/aws-backup-tokyo',
          numberOfRecoveryPoints: 1,
        },
      ],
      plans: [],
      recoveryPoints: [
        {
          recoveryPointArn:
            'arn:aws:rds:us-east-1:222222222222:cluster-snapshot:awsbackup:job-1',
          backupVaultArn: PRIMARY_VAULT,
          backupVaultName: 'orders-primary',
          accountId: '222222222222',
          region: 'us-east-1',
          resourceArn: SOURCE_ARN,
          resourceType: 'Aurora',
          creationDate: '2026-11-23T03:00:00Z',
          status: 'COMPLETED',
          isEncrypted: true,
          encryptionKeyArn: CMK_ARN,
        },
        {
          recoveryPointArn:
            'arn:aws:rds:ap-northeast-1:222222222222:cluster-snapshot:awsbackup:copy-1',
          backupVaultArn: TOKYO_VAULT,
          backupVaultName: 'orders-dr',
          accountId: '222222222222',
          region: 'ap-northeast-1',
          resourceArn: SOURCE_ARN,
          resourceType: 'Aurora',
          sourceBackupVaultArn: PRIMARY_VAULT,
          creationDate: '2026-11-23T04:00:00Z',
          status: 'COMPLETED',
          isEncrypted: true,
          encryptionKeyArn: AWS_RDS_TOKYO,
        },
      ],
      copyJobs: [],
      keys: [
        {
          arn: CMK_ARN,
          keyId: '1111aaaa-0000-0000-0000-000000000001',
          accountId: '222222222222',
          region: 'us-east-1',
          aliases: ['alias/orders-db'],
          keyManager: 'CUSTOMER',
        },
        {
          arn: AWS_RDS_TOKYO,
          keyId: '2222bbbb-0000-0000-0000-000000000002',
          accountId: '222222222222',
          region: 'ap-northeast-1',
          aliases: ['alias/aws/rds'],
          keyManager: 'AWS',
        },
      ],
    },
  },
  evaluation: {
    entityRef: 'component:default/orders',
    evaluatedAt: '2026-11-23T18:00:00Z',
    lineage,
    checks,
    score: {
      score: 62,
      grade: 'D',
      counts: {
        pass: 1,
        fail: 2,
        warn: 1,
        unknown: 1,
        accepted: 1,
        'not-applicable': 1,
      },
    },
  },
});

export const stalePosture: EntityPostureResponse = {
  ...okPosture,
  freshness: {
    lastScanAt: '2026-11-23T18:00:00Z',
    stale: true,
    scopes: [
      okScope,
      {
        cloud: 'aws',
        account: '444444444444',
        region: 'us-east-1',
        state: 'error',
        lastAttemptAt: '2026-11-23T18:00:00Z',
        lastSuccessAt: '2026-11-22T18:00:00Z',
        error: {
          name: 'AccessDeniedException',
          message: 'User is not authorized to perform: backup:ListBackupVaults',
        },
      },
    ],
  },
};

export const noBackupsPosture: EntityPostureResponse = withDerived({
  ...okPosture,
  inventory: {
    ...okPosture.inventory!,
    aws: {
      ...okPosture.inventory!.aws!,
      vaults: [],
      recoveryPoints: [],
    },
  },
  evaluation: { ...okPosture.evaluation!, lineage: [] },
});

export const notAnnotatedPosture: EntityPostureResponse = {
  entityRef: 'system:default/empty',
  state: 'not-annotated',
  problems: [],
  freshness: { stale: false, scopes: [] },
};

export function summary(
  index: number,
  overrides: Partial<EntityPostureSummary> = {},
): EntityPostureSummary {
  const grades = ['A', 'B', 'C', 'D', 'F'] as const;
  const grade = grades[index % grades.length];
  return {
    entityRef: `component:default/service-${String(index).padStart(5, '0')}`,
    kind: 'Component',
    title: `Service ${index}`,
    owner: `group:default/team-${index % 7}`,
    system: `system:default/system-${index % 11}`,
    lifecycle: index % 3 === 0 ? 'experimental' : 'production',
    state: 'ok',
    clouds: ['aws'],
    accounts: ['222222222222', '444444444444'],
    regions: ['ap-northeast-1', 'us-east-1'],
    score: {
      score: 100 - (index % 5) * 15,
      grade,
      counts: {
        pass: 3,
        fail: index % 5,
        warn: 0,
        unknown: 0,
        accepted: 0,
        'not-applicable': 0,
      },
    },
    keyMix: {
      customer: 2,
      awsManaged: 1,
      awsOwned: 0,
      platformManaged: 0,
      unknown: 0,
    },
    checkStatuses: {
      'vault-key-customer-managed': index % 2 === 0 ? 'fail' : 'pass',
      'copy-destination-key': 'fail',
      'vault-lock': 'pass',
    },
    lastScanAt: '2026-11-23T18:00:00Z',
    stale: false,
    ...overrides,
  };
}

export const groupScorecard: GroupScorecardResponse = {
  groupRef: 'group:default/team-orders',
  score: {
    score: 71,
    grade: 'C',
    counts: {
      pass: 10,
      fail: 4,
      warn: 1,
      unknown: 0,
      accepted: 1,
      'not-applicable': 2,
    },
  },
  gradeDistribution: { A: 1, B: 0, C: 1, D: 1, F: 0, none: 0 },
  topFailingChecks: [
    {
      checkId: 'copy-destination-key',
      title: 'Copy destination key',
      severity: 'high',
      entities: 2,
    },
  ],
  entities: [
    summary(0, { entityRef: 'component:default/orders', title: 'Orders' }),
    summary(3, { entityRef: 'component:default/payments', title: 'Payments' }),
    summary(2, { entityRef: 'component:default/catalog', title: 'Catalog' }),
  ],
};
