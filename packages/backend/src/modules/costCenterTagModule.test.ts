import { describe, expect, it, jest } from '@jest/globals';
import { EntityPostureResponse } from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { backupPostureModuleCostCenterTag } from './costCenterTagModule';
import {
  paymentsEntities,
  startWithScan,
  useSimulatedEstate,
} from './__testUtils__/backupPostureBackend';

jest.setTimeout(120_000);

// The real backend (plugin, built-in checks, scheduler, database) over the simulated demo
// estate behind msw, as the backend plugin's own tests run it.
const sim = useSimulatedEstate();
const ledger = sim.estate.resources.find(r => r.name === 'payments-ledger')!;
// The demo tags no resource with a cost center: payments-ledger gets one, payments-api has none.
ledger.tags['cost-center'] = 'cc-4711';
sim.setEstate(sim.estate);

const posture = async (server: any, name: string) => {
  const res = await request(server).get(
    `/api/backup-posture/entities/component/default/${name}/posture`,
  );
  expect(res.status).toBe(200);
  return res.body as EntityPostureResponse;
};
const checkOf = (p: EntityPostureResponse) =>
  p.evaluation!.checks.find(c => c.checkId === 'cost-center-tag');

const start = (withModule: boolean, exceptions: object[] = []) =>
  startWithScan(
    paymentsEntities(sim),
    withModule ? [backupPostureModuleCostCenterTag] : [],
    exceptions,
  );

/** An accepted risk for the module's check, in `backupPosture.exceptions`. */
const exception = {
  checkId: 'cost-center-tag',
  entityRef: 'component:default/payments-api',
  justification: 'Cost center assigned with the Q1 re-org (FIN-42)',
  approver: 'finops@example.com',
  expiresAt: '2027-03-31',
};

describe('the cost-center-tag check module in a backend', () => {
  it('adds the check to every posture: pass with the tag, fail without, reason and evidence', async () => {
    const backend = await start(true);
    try {
      const tagged = checkOf(await posture(backend.server, 'payments-ledger'));
      expect(tagged).toMatchObject({
        title: 'Backed-up resources carry a cost-center tag',
        cloud: 'aws',
        severity: 'info',
        status: 'pass',
      });
      expect(tagged!.findings).toEqual([
        {
          subject: ledger.arn,
          status: 'pass',
          message: 'cost-center is cc-4711',
          evidence: {
            resourceArn: ledger.arn,
            tagKey: 'cost-center',
            costCenter: 'cc-4711',
          },
        },
      ]);

      const untagged = checkOf(await posture(backend.server, 'payments-api'));
      expect(untagged!.status).toBe('fail');
      expect(untagged!.findings).toHaveLength(1);
      expect(untagged!.findings[0]).toMatchObject({
        status: 'fail',
        message: 'no cost-center tag',
        evidence: {
          tagKey: 'cost-center',
          tagKeys: ['backup', 'env', 'service', 'team'],
        },
      });

      // The report filters by it like by a built-in check.
      const report = await request(backend.server).get(
        '/api/backup-posture/report?check=cost-center-tag&status=pass',
      );
      expect(report.status).toBe(200);
      expect(
        report.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).toEqual(['component:default/payments-ledger']);
    } finally {
      await backend.stop();
    }
  });

  it('is unknown with the scan error when the resource’s account × region could not be read', async () => {
    sim.faults.add({
      kind: 'access-denied',
      account: ledger.accountId,
      region: ledger.region,
      service: 'tagging',
    });
    const backend = await start(true);
    try {
      const check = checkOf(await posture(backend.server, 'payments-ledger'));
      expect(check!.status).toBe('unknown');
      expect(check!.findings[0]).toMatchObject({
        subject: ledger.arn,
        status: 'unknown',
        message: expect.stringMatching(
          `^tags not read: scan of account ${ledger.accountId} in ${ledger.region} failed: AccessDenied`,
        ),
      });
    } finally {
      await backend.stop();
    }
  });

  it('is absent from a backend without the module', async () => {
    const backend = await start(false);
    try {
      const p = await posture(backend.server, 'payments-ledger');
      expect(p.evaluation!.checks.length).toBeGreaterThan(0);
      expect(checkOf(p)).toBeUndefined();
      const report = await request(backend.server).get(
        '/api/backup-posture/report?check=cost-center-tag',
      );
      expect(report.status).toBe(400);
    } finally {
      await backend.stop();
    }
  });

  it('takes exceptions for its check like for a built-in one; without the module they are refused', async () => {
    const backend = await start(true, [exception]);
    try {
      const check = checkOf(await posture(backend.server, 'payments-api'));
      expect(check!.status).toBe('accepted');
      expect(check!.findings[0]).toMatchObject({
        status: 'accepted',
        message:
          'no cost-center tag (accepted until 2027-03-31: Cost center assigned with the Q1 re-org (FIN-42))',
        exception: { justification: exception.justification },
      });
    } finally {
      await backend.stop();
    }
    await expect(start(false, [exception])).rejects.toThrow(
      'Invalid backup-posture exception [0]: unknown checkId "cost-center-tag"',
    );
  });
});
