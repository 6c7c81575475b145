/**
 * Catalog entities of the component tests: the orders component (annotated), one without
 * annotation, its team.
 */
import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_AWS_RESOURCE_ARNS } from '@backup-posture/plugin-backup-posture-common';
import { SOURCE_ARN } from './ordersArns';

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
