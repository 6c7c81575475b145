import { LineageLink } from '@backup-posture/plugin-backup-posture-common';
import { keyMismatchText } from './lineageModel';

const link = (partial: Partial<LineageLink>): LineageLink => ({
  kind: 'copy',
  cloud: 'aws',
  account: '222222222222',
  region: 'ap-northeast-3',
  issues: [],
  ...partial,
});

describe('keyMismatchText', () => {
  it('A4: names the substitution when the observed key differs from the prediction', () => {
    expect(
      keyMismatchText(
        link({
          expectedKey: {
            alias: 'alias/orders',
            manager: 'customer',
            keyArn: 'arn:k/1',
          },
          observedKey: {
            alias: 'alias/aws/rds',
            manager: 'aws-managed',
            keyArn: 'arn:k/2',
          },
        }),
      ),
    ).toBe(
      'Key substitution: expected alias/orders (Customer-managed), got alias/aws/rds (AWS-managed)',
    );
  });

  it('A1: an unknown prediction is not contradicted by what the recovery point shows', () => {
    expect(
      keyMismatchText(
        link({
          kind: 'primary',
          expectedKey: { manager: 'unknown' },
          observedKey: {
            alias: 'alias/orders',
            manager: 'customer',
            keyArn: 'arn:k/1',
          },
        }),
      ),
    ).toBeUndefined();
  });
});
