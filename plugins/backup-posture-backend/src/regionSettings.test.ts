/**
 * Region settings (rule A6) from discovery to an entity's posture, on the demo estate:
 * workloads-dev × Tokyo opts EFS out and runs DynamoDB without advanced DynamoDB backup.
 */
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  ANNOTATION_AWS_RESOURCE_TAGS,
  EntityPostureResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { componentEntity, simulatedConfig } from './__testUtils__/fixtures';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';

const sim = useSimulatedEstate();
const DEV = '333333333333';
const TOKYO = 'ap-northeast-1';
const POSTURE =
  '/api/backup-posture/entities/component/default/analytics-batch/posture';
const EFS = `arn:aws:elasticfilesystem:${TOKYO}:${DEV}:file-system/fs-0a11ca7c0ffee0123`;
const TABLE = `arn:aws:dynamodb:${TOKYO}:${DEV}:table/analytics-jobs`;

const protection = (p: EntityPostureResponse, arn: string) =>
  p
    .evaluation!.checks.find(c => c.checkId === 'resource-protected-by-plan')!
    .findings.find(f => f.subject === arn)!;

describe('region settings in an entity’s posture (A6)', () => {
  it('A6: read per scope, sliced to the scopes of the entity’s resources; a failed read keeps the last good settings, a denied one makes them unknown', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: [
        componentEntity(
          'analytics-batch',
          { [ANNOTATION_AWS_RESOURCE_TAGS]: 'app=analytics-batch,env=dev' },
          { owner: 'data' },
        ),
      ],
    });
    try {
      await waitForScan(backend.server);
      const first: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      // Only the settings of the scope its resources live in (all in workloads-dev × Tokyo).
      expect(first.inventory!.aws!.regionSettings).toEqual([
        expect.objectContaining({
          accountId: DEV,
          region: TOKYO,
          resourceTypeManagementPreference: { DynamoDB: false, EFS: true },
          readAt: expect.any(String),
        }),
      ]);
      expect(
        first.inventory!.aws!.regionSettings![0].resourceTypeOptInPreference,
      ).toMatchObject({ EFS: false, EBS: true, EC2: true, DynamoDB: true });
      // The file system the plan selects by tag is not opted in: no backup, a failing check.
      expect(protection(first, EFS)).toMatchObject({
        status: 'fail',
        message: expect.stringContaining(
          `but EFS is not opted in for AWS Backup in account ${DEV} in ${TOKYO} (ResourceTypeOptInPreference.EFS = false)`,
        ),
        evidence: expect.objectContaining({
          optInPreference: 'ResourceTypeOptInPreference.EFS = false',
        }),
      });
      expect(protection(first, TABLE).status).toBe('pass');
      // The job table keeps its own key: DynamoDB without full AWS Backup management.
      const chain = first.evaluation!.lineage.find(
        c => c.resourceArn === TABLE,
      )!;
      expect(chain.encryptionModel).toBe('source-dependent');
      const jobsKey = sim.estate.keys.find(k =>
        k.aliases.includes('alias/analytics-jobs'),
      )!;
      const primary = chain.links.find(l => l.kind === 'primary')!;
      expect(primary.expectedKey?.keyArn).toBe(jobsKey.arn);
      expect(primary.observedKey?.keyArn).toBe(jobsKey.arn);
      expect(primary.issues).toEqual([]);

      // Throttled beyond the retries: the scope fails and keeps its last good snapshot.
      sim.faults.add({
        kind: 'throttle',
        account: DEV,
        region: TOKYO,
        operation: 'DescribeRegionSettings',
      });
      const secondStart = new Date().toISOString();
      await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      const second = await waitForScan(backend.server, {
        after: secondStart,
      });
      expect(
        second.last!.errors.map(e => `${e.account}/${e.region}`),
      ).toContain(`${DEV}/${TOKYO}`);
      const stale: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      expect(stale.inventory!.aws!.regionSettings).toEqual(
        first.inventory!.aws!.regionSettings,
      );
      expect(protection(stale, EFS).status).toBe('fail');

      // Denied: the scope is read, its settings carry the error, and what depends on them is unknown.
      sim.faults.clear();
      sim.faults.add({
        kind: 'access-denied',
        account: DEV,
        region: TOKYO,
        operation: 'DescribeRegionSettings',
      });
      const thirdStart = new Date().toISOString();
      await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      const third = await waitForScan(backend.server, { after: thirdStart });
      expect(third.last!.errors).toEqual([]);
      const denied: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      expect(denied.inventory!.aws!.regionSettings).toEqual([
        {
          accountId: DEV,
          region: TOKYO,
          error: {
            name: 'AccessDeniedException',
            message: expect.any(String),
          },
        },
      ]);
      const efs = protection(denied, EFS);
      expect(efs.status).toBe('unknown');
      expect(efs.message).toContain(
        `the region settings of account ${DEV} in ${TOKYO} could not be read: AccessDeniedException`,
      );
      expect(
        denied.evaluation!.lineage.find(c => c.resourceArn === TABLE)!
          .encryptionModel,
      ).toBe('unknown');
    } finally {
      await backend.stop();
    }
  }, 180_000);
});
