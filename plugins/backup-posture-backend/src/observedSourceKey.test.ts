import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  EntityPostureResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { componentEntity, simulatedConfig } from './__testUtils__/fixtures';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';

const sim = useSimulatedEstate();

/** Scans the demo estate with identity-db as the only entity and returns its posture. */
async function identityDbPosture(): Promise<EntityPostureResponse> {
  const db = sim.estate.resources.find(r => r.name === 'identity-db')!;
  const backend = await startPlugin({
    config: simulatedConfig(),
    entities: [
      componentEntity(
        'identity-db',
        { [ANNOTATION_AWS_RESOURCE_ARNS]: db.arn },
        { owner: 'identity' },
      ),
    ],
  });
  try {
    await waitForScan(backend.server);
    const res = await request(backend.server).get(
      '/api/backup-posture/entities/component/default/identity-db/posture',
    );
    expect(res.status).toBe(200);
    return res.body as EntityPostureResponse;
  } finally {
    await backend.stop();
  }
}

describe('observed source keys in an entity posture (issue 13 part 4)', () => {
  it('identity-db: the lineage source shows the aws/rds key read with DescribeDBInstances, not inferred', async () => {
    const posture = await identityDbPosture();
    const awsRds = sim.estate.keys.find(
      k =>
        k.accountId === '222222222222' &&
        k.region === 'us-east-1' &&
        k.aliases.includes('alias/aws/rds'),
    )!;
    expect(posture.inventory?.aws?.resources).toEqual([
      expect.objectContaining({
        encryptionKeyArn: awsRds.arn,
        encryptionKeySource: 'rds:DescribeDBInstances',
      }),
    ]);
    const source = posture.evaluation?.lineage[0].links.find(
      l => l.kind === 'source',
    );
    expect(source?.observedKey).toEqual(
      expect.objectContaining({
        keyArn: awsRds.arn,
        alias: 'alias/aws/rds',
        manager: 'aws-managed',
      }),
    );
    expect(source?.observedKey?.inferred).toBeUndefined();
  }, 120_000);

  it('a denied DescribeDBInstances keeps identity-db in the inventory with the AWS error', async () => {
    sim.faults.add({
      kind: 'access-denied',
      service: 'rds',
      operation: 'DescribeDBInstances',
    });
    const posture = await identityDbPosture();
    const [resource] = posture.inventory?.aws?.resources ?? [];
    expect(resource).toMatchObject({
      resourceType: 'RDS',
      encryptionKeySource: 'rds:DescribeDBInstances',
      encryptionKeyError: {
        name: 'AccessDenied',
        message: expect.stringContaining(
          'is not authorized to perform: rds:DescribeDBInstances',
        ),
      },
    });
    expect(resource.encryptionKeyArn).toBeUndefined();
    expect(posture.state).toBe('ok');
  }, 120_000);
});
