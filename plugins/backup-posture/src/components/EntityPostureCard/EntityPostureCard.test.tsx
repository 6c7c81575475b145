import { screen, within } from '@testing-library/react';
import { NotAllowedError, ResponseError } from '@backstage/errors';
import { EntityPostureCard } from './EntityPostureCard';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';
import {
  annotatedComponent,
  noBackupsPosture,
  notAnnotatedPosture,
  okPosture,
  plainComponent,
  stalePosture,
} from '../../__testUtils__/posture';
import { azureComponent, azurePosture } from '../../__testUtils__/azurePosture';

describe('EntityPostureCard', () => {
  it('names Azure subscriptions and locations, and counts platform-managed vaults', async () => {
    const api = new FakeBackupPostureApi({ posture: azurePosture });
    await renderWithApi(<EntityPostureCard />, api, { entity: azureComponent });
    const card = await screen.findByTestId('backup-posture-card');
    expect(card).toHaveTextContent(
      '1 Azure subscription: 2b1f0c1e-0000-4000-8000-00000000a001',
    );
    expect(card).toHaveTextContent('1 region: japaneast');
    expect(card).not.toHaveTextContent('account');
    const mix = screen.getByTestId('backup-posture-key-mix');
    expect(
      within(mix).getByText('Azure platform-managed').parentElement
        ?.parentElement,
    ).toHaveTextContent('Azure platform-managed1');
  });

  it('shows grade, key mix, coverage and the worst failing checks first', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureCard />, api, {
      entity: annotatedComponent,
    });

    expect(await screen.findByTestId('backup-posture-grade')).toHaveTextContent(
      'D',
    );
    expect(
      screen.getByRole('img', { name: 'Grade D, score 62 of 100' }),
    ).toBeInTheDocument();
    expect(api.entityRequests).toEqual([
      { kind: 'Component', namespace: 'default', name: 'orders' },
    ]);

    const mix = screen.getByTestId('backup-posture-key-mix');
    expect(
      within(mix).getByText('Customer-managed').parentElement?.parentElement,
    ).toHaveTextContent('Customer-managed1');
    expect(
      within(mix).getByText('AWS-managed').parentElement?.parentElement,
    ).toHaveTextContent('AWS-managed1');
    expect(
      within(mix).getByText('AWS-owned').parentElement?.parentElement,
    ).toHaveTextContent('AWS-owned0');

    expect(
      screen.getByText(
        /2 accounts: 222222222222, 444444444444|1 account: 222222222222/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 regions: ap-northeast-1, us-east-1'),
    ).toBeInTheDocument();

    const worst = screen.getByRole('list', { name: 'Worst failing checks' });
    const items = within(worst).getAllByRole('listitem');
    // failing critical before failing high before unknown; passing/accepted never listed
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringContaining('Vault key customer-managed'),
      expect.stringContaining('Copy destination key'),
      expect.stringContaining('Backup key healthy'),
    ]);
    expect(items[0]).toHaveTextContent('Failing');
    expect(screen.getByTestId('backup-posture-freshness')).toHaveTextContent(
      '2026-11-23 18:00 UTC',
    );
    expect(screen.queryByText(/Stale data/)).not.toBeInTheDocument();
  });

  it('says exactly how to annotate an entity without annotation, without calling the API', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureCard />, api, { entity: plainComponent });

    expect(
      screen.getByText('No backup posture: this entity is not annotated'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('backup-posture.io/aws-resource-arns').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('backup-posture.io/aws-resource-tags').length,
    ).toBeGreaterThan(0);
    expect(api.entityRequests).toHaveLength(0);
  });

  it('shows the annotation help when the backend says not-annotated', async () => {
    const api = new FakeBackupPostureApi({ posture: notAnnotatedPosture });
    await renderWithApi(<EntityPostureCard />, api, {
      entity: annotatedComponent,
    });
    expect(
      await screen.findByText(
        'No backup posture: this entity is not annotated',
      ),
    ).toBeInTheDocument();
  });

  it('shows a progress bar while loading', async () => {
    const api = new FakeBackupPostureApi({
      posture: new Promise<never>(() => {}),
    });
    await renderWithApi(<EntityPostureCard />, api, {
      entity: annotatedComponent,
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('states "no backups found" when discovery found no vaults or recovery points', async () => {
    const api = new FakeBackupPostureApi({ posture: noBackupsPosture });
    await renderWithApi(<EntityPostureCard />, api, {
      entity: annotatedComponent,
    });
    expect(await screen.findByText('No backups found')).toBeInTheDocument();
    expect(
      screen.queryByTestId('backup-posture-key-mix'),
    ).not.toBeInTheDocument();
  });

  it('shows errors and tells permission problems apart', async () => {
    const failing = new FakeBackupPostureApi({
      posture: new Error('backend exploded'),
    });
    const { unmount } = await renderWithApi(<EntityPostureCard />, failing, {
      entity: annotatedComponent,
    });
    expect(
      (await screen.findAllByText(/backend exploded/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(/Could not load the backup posture/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Permission denied/)).not.toBeInTheDocument();
    unmount();

    const denied = new FakeBackupPostureApi({
      posture: new NotAllowedError('nope'),
    });
    await renderWithApi(<EntityPostureCard />, denied, {
      entity: annotatedComponent,
    });
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
    expect(
      screen.getByText(/not allowed to load the backup posture/),
    ).toBeInTheDocument();
  });

  it('treats a 403 ResponseError from the client as permission denied', async () => {
    const error = Object.assign(new Error('Forbidden'), {
      statusCode: 403,
    }) as ResponseError;
    const api = new FakeBackupPostureApi({ posture: error });
    await renderWithApi(<EntityPostureCard />, api, {
      entity: annotatedComponent,
    });
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
  });

  it('warns plainly when data is stale', async () => {
    const api = new FakeBackupPostureApi({ posture: stalePosture });
    await renderWithApi(<EntityPostureCard />, api, {
      entity: annotatedComponent,
    });
    expect(
      await screen.findByText(
        /Stale data: the last scan of 1 scope \(AWS account × region or Azure subscription\) failed/,
      ),
    ).toBeInTheDocument();
  });
});
