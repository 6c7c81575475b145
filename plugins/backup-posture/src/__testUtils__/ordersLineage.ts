import { LineageChain } from '@backup-posture/plugin-backup-posture-common';
import {
  CENTRAL_CMK,
  CENTRAL_VAULT,
  CMK_ARN,
  AWS_RDS_TOKYO,
  LAG_VAULT,
  PRIMARY_VAULT,
  SOURCE_ARN,
  TOKYO_VAULT,
} from './ordersArns';

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
