import { describe, expect, it } from '@jest/globals';
import { evaluatePosture } from './evaluate';
import { rollUpEvaluations } from './rollUp';
import { rollUpScores } from './score';
import { entity, NOW } from './__fixtures__/builders';
import {
  inventoryOf,
  mergeFacts,
  serviceFacts,
  ServiceShape,
  sharedFacts,
} from './__testUtils__/estate';

const healthy: ServiceShape = {
  type: 'S3',
  sourceKey: 'none',
  selectBy: 'tags',
  target: 'own-cmk',
  locked: true,
  deletionDenied: true,
  crossRegion: 'cmk',
  central: 'copy-and-air-gap',
  deleteDays: 35,
  backedUp: true,
  copyJobState: 'COMPLETED',
  pointAgeHours: 2,
  stray: false,
};
const onDefaultVault: ServiceShape = { ...healthy, target: 'default' };

/** Each member evaluated on its own, in an estate that also holds a third, unrelated service. */
function members() {
  const a = serviceFacts(1, healthy);
  const b = serviceFacts(2, onDefaultVault);
  const neighbour = serviceFacts(3, { ...healthy, locked: false });
  const estate = mergeFacts(a, b, neighbour, sharedFacts());
  const evaluate = (own: typeof a, ref: string, accepted = false) =>
    evaluatePosture(
      {
        ...entity(inventoryOf({ ...estate, resources: own.resources })),
        entityRef: ref,
      },
      {
        now: NOW,
        exceptions: accepted
          ? [
              {
                checkId: 'vault-lock',
                entityRef: ref,
                justification: 'the Default vault is retired next quarter',
                approver: 'platform-team',
                expiresAt: '2027-03-01T00:00:00.000Z',
              },
            ]
          : [],
      },
    );
  return {
    a: evaluate(a, 'component:default/svc-1'),
    b: evaluate(b, 'component:default/svc-2', true),
    neighbourVault: neighbour.vaults[0].arn,
  };
}

describe('roll-up of systems and groups', () => {
  it('keeps each member’s own findings, with the member’s exceptions applied, and nothing of a non-member', () => {
    const { a, b, neighbourVault } = members();
    const system = rollUpEvaluations('system:default/payments', NOW, [a, b]);
    const lock = system.checks.find(c => c.checkId === 'vault-lock')!;
    // svc-2's unlocked Default vault is accepted by svc-2's exception: the roll-up says so too.
    const onDefault = lock.findings.find(f =>
      f.subject.endsWith(':backup-vault:Default'),
    )!;
    expect(onDefault.status).toBe('accepted');
    expect(onDefault.exception?.approver).toBe('platform-team');
    expect(lock.findings.some(f => f.subject === neighbourVault)).toBe(false);
    // Nothing fails: the neighbour's unlocked vault is not the system's, svc-2's is accepted.
    expect(lock.findings.filter(f => f.status === 'fail')).toEqual([]);
    expect(lock.status).not.toBe('fail');
  });

  it('lists a subject two members share once, merges lineage by resource and rolls up the members’ scores', () => {
    const { a, b } = members();
    const system = rollUpEvaluations('system:default/payments', NOW, [a, b]);
    const central = system.checks
      .find(c => c.checkId === 'vault-key-customer-managed')!
      .findings.filter(f => f.subject.endsWith(':backup-vault:central'));
    expect(central).toHaveLength(1);
    expect(system.lineage.map(c => c.resourceArn).sort()).toEqual(
      [...a.lineage, ...b.lineage].map(c => c.resourceArn).sort(),
    );
    expect(system.score).toEqual(rollUpScores([a.score, b.score]));
    expect(system).toMatchObject({
      entityRef: 'system:default/payments',
      evaluatedAt: NOW,
    });
  });

  it('a check no member could evaluate stays "nothing to evaluate"', () => {
    const system = rollUpEvaluations('group:default/empty', NOW, []);
    expect(system.checks).toEqual([]);
    expect(system.score.score).toBeNull();
  });
});
