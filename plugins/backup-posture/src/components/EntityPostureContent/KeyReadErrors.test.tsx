import { screen } from '@testing-library/react';
import {
  EntityPostureResponse,
  LineageKey,
} from '@backup-posture/plugin-backup-posture-common';
import { EntityPostureContent } from './EntityPostureContent';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';
import { annotatedComponent, okPosture } from '../../__testUtils__/posture';
import { mockSvgLayout } from '../../__testUtils__/svgLayout';

mockSvgLayout();

const cmkArn = okPosture.inventory!.aws!.keys.find(k =>
  k.aliases.includes('alias/orders-db'),
)!.arn;
const OUTSIDE_KEY =
  'arn:aws:kms:us-east-1:999999999999:key/9999ffff-0000-0000-0000-000000000009';
const throttled = { name: 'ThrottlingException', message: 'Rate exceeded' };
const markStale = (key?: LineageKey): LineageKey | undefined =>
  key?.keyArn === cmkArn
    ? {
        ...key,
        readError: 'ThrottlingException: Rate exceeded',
        lastReadAt: '2026-11-22T18:00:00Z',
      }
    : key;

/** The orders entity after a scan whose DescribeKey of its CMK was throttled. */
const staleKeyPosture: EntityPostureResponse = {
  ...okPosture,
  freshness: {
    ...okPosture.freshness,
    stale: true,
    keys: [
      {
        cloud: 'aws',
        key: cmkArn,
        state: 'stale',
        lastSuccessAt: '2026-11-22T18:00:00Z',
        lastAttemptAt: '2026-11-23T18:00:00Z',
        error: throttled,
      },
      {
        cloud: 'aws',
        key: OUTSIDE_KEY,
        state: 'error',
        lastAttemptAt: '2026-11-23T18:00:00Z',
        error: {
          name: 'AccessDeniedException',
          message: 'User is not authorized to perform: kms:DescribeKey.',
        },
      },
    ],
  },
  evaluation: {
    ...okPosture.evaluation!,
    lineage: okPosture.evaluation!.lineage.map(chain => ({
      ...chain,
      links: chain.links.map(link => ({
        ...link,
        expectedKey: markStale(link.expectedKey),
        observedKey: markStale(link.observedKey),
      })),
    })),
  },
};

describe('EntityPostureContent: failed key reads (issue 15 item 3)', () => {
  it('lists each key whose read failed: when it was last read and why this read failed, or that it was never read', async () => {
    const api = new FakeBackupPostureApi({ posture: staleKeyPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    const errors = await screen.findByTestId('backup-posture-key-read-errors');
    expect(errors).toHaveTextContent(
      `Key alias/orders-db (${cmkArn}) last read 2026-11-22 18:00 UTC; this scan's read failed: ThrottlingException: Rate exceeded. Checks that rely on it show what that read said.`,
    );
    expect(errors).toHaveTextContent(
      `Key ${OUTSIDE_KEY} could not be read: AccessDeniedException: User is not authorized to perform: kms:DescribeKey. It was never read successfully, so checks that rely on it are unknown.`,
    );
    expect(
      screen.getByText(/2 key reads failed in the last scan/),
    ).toBeInTheDocument();
  });

  it('says the data is stale because of a key, not a scope, when every scope was scanned', async () => {
    const api = new FakeBackupPostureApi({ posture: staleKeyPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    expect(
      await screen.findByText(
        'Stale data: 1 key read failed in the last scan; what is shown of that key comes from the last good read.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('backup-posture-scope-errors'),
    ).not.toBeInTheDocument();
  });

  it('shows the failed read on the lineage key', async () => {
    const api = new FakeBackupPostureApi({ posture: staleKeyPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    expect(
      await screen.findByTestId('backup-posture-content'),
    ).toHaveTextContent(
      "key last read 2026-11-22 18:00 UTC; this scan's read failed: ThrottlingException: Rate exceeded",
    );
  });

  it('shows nothing about key reads when every key was read', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    await screen.findByTestId('backup-posture-checks');
    expect(
      screen.queryByTestId('backup-posture-key-read-errors'),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/key last read/)).not.toBeInTheDocument();
  });
});
