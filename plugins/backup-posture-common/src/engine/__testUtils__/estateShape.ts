/**
 * The shape of a generated service (fast-check arbitraries), and of a generated estate: the
 * entity's service and its neighbours.
 */
import fc from 'fast-check';

const RESOURCE_TYPES = ['Aurora', 'RDS', 'EBS', 'S3', 'DynamoDB', 'EFS'];

/** What a generated service looks like, before it is turned into facts. */
export interface ServiceShape {
  type: string;
  sourceKey: 'cmk' | 'aws-managed' | 'none';
  selectBy: 'arn' | 'tags' | 'conditions' | 'wildcard-and-conditions';
  target: 'own-cmk' | 'own-aws-backup' | 'default';
  locked: boolean;
  deletionDenied: boolean;
  crossRegion: 'none' | 'cmk' | 'aws-backup';
  central: 'none' | 'copy' | 'copy-and-air-gap';
  coldDays?: number;
  deleteDays: number;
  backedUp: boolean;
  copyJobState: 'COMPLETED' | 'FAILED';
  pointAgeHours: number;
  /** A second resource of the service that no plan selects (an unprotected one). */
  stray: boolean;
}

export const serviceShape: fc.Arbitrary<ServiceShape> = fc.record({
  type: fc.constantFrom(...RESOURCE_TYPES),
  sourceKey: fc.constantFrom('cmk', 'aws-managed', 'none'),
  selectBy: fc.constantFrom(
    'arn',
    'tags',
    'conditions',
    'wildcard-and-conditions',
  ),
  target: fc.constantFrom('own-cmk', 'own-aws-backup', 'default'),
  locked: fc.boolean(),
  deletionDenied: fc.boolean(),
  crossRegion: fc.constantFrom('none', 'cmk', 'aws-backup'),
  central: fc.constantFrom('none', 'copy', 'copy-and-air-gap'),
  coldDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  deleteDays: fc.integer({ min: 1, max: 400 }),
  backedUp: fc.boolean(),
  copyJobState: fc.constantFrom('COMPLETED', 'FAILED'),
  pointAgeHours: fc.integer({ min: 1, max: 24 * 20 }),
  stray: fc.boolean(),
});

/** The entity's service plus `neighbours` services in the same account and region. */
export const estate = fc.record({
  entity: serviceShape,
  neighbours: fc.array(serviceShape, { minLength: 1, maxLength: 6 }),
});
