import { screen, within } from '@testing-library/react';
import { GroupScorecardCard } from './GroupScorecardCard';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';
import { groupEntity, groupScorecard } from '../../__testUtils__/posture';

describe('GroupScorecardCard', () => {
  it('shows the team grade, distribution, top failing checks and links to entities worst first', async () => {
    const api = new FakeBackupPostureApi({ scorecard: groupScorecard });
    await renderWithApi(<GroupScorecardCard />, api, { entity: groupEntity });

    const card = await screen.findByTestId('backup-posture-group-card');
    expect(within(card).getByTestId('backup-posture-grade')).toHaveTextContent(
      'C',
    );
    const distribution = within(card).getByRole('list', {
      name: 'Grade distribution',
    });
    expect(
      within(distribution)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      'Grade A1',
      'Grade B0',
      'Grade C1',
      'Grade D1',
      'Grade F0',
      'No grade0',
    ]);
    expect(card).toHaveTextContent(
      'Copy destination key (High): failing on 2 entities',
    );

    const rows = within(
      within(card).getByRole('table', { name: 'Owned entities' }),
    )
      .getAllByRole('row')
      .slice(1);
    // worst score first: payments (55), catalog (70), orders (100)
    expect(rows.map(r => within(r).getByRole('link').textContent)).toEqual([
      'Payments',
      'Catalog',
      'Orders',
    ]);
    expect(within(rows[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/payments',
    );
  });

  it('says so when the group owns nothing with backup posture', async () => {
    const api = new FakeBackupPostureApi({
      scorecard: { ...groupScorecard, entities: [] },
    });
    await renderWithApi(<GroupScorecardCard />, api, { entity: groupEntity });
    expect(
      await screen.findByText(
        /This group owns no entities with backup posture/,
      ),
    ).toBeInTheDocument();
  });
});
