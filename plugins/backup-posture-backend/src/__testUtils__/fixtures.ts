import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
} from '@backup-posture/plugin-backup-posture-common';
import {
  simulatedBackupPostureConfig,
  SimulatedAws,
} from '@internal/simulated-aws';

export const NOW = '2026-11-23T00:00:00.000Z';
export const DEMO_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-3',
  'us-east-1',
  'eu-west-1',
];

/** The dev app's configuration shape, pointed at the simulated estate. */
export function simulatedConfig(overrides: JsonObject = {}): JsonObject {
  return simulatedBackupPostureConfig(overrides) as JsonObject;
}

const relation = (type: string, targetRef: string) => ({ type, targetRef });

/** A production service component, owned by `group:default/<owner>`, in `system` if given. */
export function componentEntity(
  name: string,
  annotations: Record<string, string>,
  opts: { owner: string; system?: string },
): Entity {
  const owner = `group:default/${opts.owner}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner,
      ...(opts.system ? { system: opts.system } : {}),
    },
    relations: [
      relation('ownedBy', owner),
      ...(opts.system
        ? [relation('partOf', `system:default/${opts.system}`)]
        : []),
    ],
  };
}

/** Catalog entities mapped to the demo estate, one per mapping style plus a malformed one. */
export function demoEntities(sim: SimulatedAws): Entity[] {
  const ledger = sim.estate.resources.find(r => r.name === 'payments-ledger')!;
  const component = (name: string, annotations: Record<string, string>) =>
    componentEntity(name, annotations, {
      owner: 'payments',
      system: 'payments',
    });
  return [
    component('payments-api', {
      [ANNOTATION_AWS_RESOURCE_TAGS]: 'service=payments-api',
    }),
    component('payments-ledger', {
      [ANNOTATION_AWS_RESOURCE_ARNS]: ledger.arn,
    }),
    component('broken-annotation', {
      [ANNOTATION_AWS_RESOURCE_ARNS]: 'not-an-arn, arn:aws',
    }),
    component('no-annotation', {}),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'payments', namespace: 'default' },
      spec: { owner: 'group:default/payments' },
      relations: [relation('ownedBy', 'group:default/payments')],
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
  ];
}
