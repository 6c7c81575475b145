import { describe, expect, it } from '@jest/globals';
import { ConflictError, InputError } from '@backstage/errors';
import {
  AwsCheck,
  builtInChecks,
  listCheckIds,
} from '@backup-posture/plugin-backup-posture-common';
import { CheckRegistry } from './CheckRegistry';

const check = (id: string): AwsCheck => ({
  definition: {
    id,
    title: id,
    cloud: 'aws',
    severity: 'low',
    rules: [],
    description: id,
    remediation: { why: 'w', console: ['c'] },
  },
  evaluate: () => [],
});

describe('CheckRegistry', () => {
  it('holds the built-in checks in their documented order, then the others by id', () => {
    const registry = new CheckRegistry();
    registry.addChecks(check('zz-org-check'), check('aa-org-check'));
    registry.addChecks(...builtInChecks);
    expect(registry.list().map(c => c.definition.id)).toEqual([
      ...listCheckIds(),
      'aa-org-check',
      'zz-org-check',
    ]);
  });

  it('rejects a duplicate id, from another call or the same one, with a ConflictError', () => {
    const registry = new CheckRegistry();
    registry.addChecks(...builtInChecks);
    expect(() => registry.addChecks(check('vault-lock'))).toThrow(
      ConflictError,
    );
    expect(() => registry.addChecks(check('vault-lock'))).toThrow(
      'Backup-posture check vault-lock is registered twice',
    );
    expect(() =>
      new CheckRegistry().addChecks(check('org-x'), check('org-x')),
    ).toThrow(ConflictError);
  });

  it('rejects an id the report filter could not take, or a cloud id no provider could have', () => {
    const registry = new CheckRegistry();
    for (const id of ['Vault Lock', '', '__proto__', 'a--b', 'x-'])
      expect(() => registry.addChecks(check(id))).toThrow(InputError);
    for (const cloud of ['GCP', '', 'on prem', '-x', undefined]) {
      const bad = check('bad-cloud');
      (bad.definition as { cloud: unknown }).cloud = cloud;
      expect(() => registry.addChecks(bad)).toThrow(
        `Backup-posture check bad-cloud has cloud ${JSON.stringify(cloud)}: it must be "aws", "azure" or the cloud of a module's inventory provider`,
      );
    }
    expect(registry.list()).toEqual([]);
  });

  it('takes a check of a module cloud, and stops startup when no provider reads that cloud', () => {
    const registry = new CheckRegistry();
    const gcp = check('gcp-check');
    (gcp.definition as { cloud: string }).cloud = 'gcp';
    registry.addChecks(check('aws-check'), gcp);
    expect(() =>
      registry.assertCloudsProvided(['aws', 'azure', 'gcp']),
    ).not.toThrow();
    expect(() => registry.assertCloudsProvided(['aws', 'azure'])).toThrow(
      new InputError(
        'Backup-posture check gcp-check reads cloud "gcp", which no inventory provider is registered for (registered: aws, azure)',
      ),
    );
  });
});
