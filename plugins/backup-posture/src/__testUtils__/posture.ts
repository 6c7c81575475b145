/** Typed fixtures for component tests: the demo estate's orders database (Aurora, rule A4). */
import { EntityPostureResponse } from '@backup-posture/plugin-backup-posture-common';
import { withDerived } from './withDerived';
import { lineage } from './ordersLineage';
import { checks } from './ordersChecks';
import {
  AWS_RDS_TOKYO,
  CMK_ARN,
  PRIMARY_VAULT,
  SOURCE_ARN,
  TOKYO_VAULT,
} from './ordersArns';

export { SOURCE_ARN } from './ordersArns';
export { annotatedComponent, plainComponent, groupEntity } from './entities';
export { lineage } from './ordersLineage';
export { checks } from './ordersChecks';
export { summary, groupScorecard } from './summaries';

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
