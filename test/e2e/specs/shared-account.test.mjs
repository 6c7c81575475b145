// The shared production account: six services of six teams in one account and region. A healthy
// service's page shows its own posture only, and the two-hop service's lineage shows true parents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openApp,
  screenshot,
  useBrowser,
  waitWithReload,
} from '../browser.mjs';
import { DEMO } from '../demo.mjs';

const b = useBrowser();
const S = DEMO.sharedAccount;

/** Opens every check's details, so the findings' subjects and messages are on the page. */
async function expandChecks(page) {
  const checks = page.getByTestId('backup-posture-checks');
  await checks.waitFor();
  const buttons = checks.getByRole('button', { name: /^Show why and how/ });
  for (let n = await buttons.count(); n > 0; n = await buttons.count())
    await buttons.first().click();
  return checks;
}

for (const component of S.healthy) {
  test(`healthy ${component} in the shared account shows none of its neighbours' findings`, async () => {
    const { page, pageErrors } = b;
    await openApp(
      page,
      `/catalog/default/component/${component}/backup-posture`,
    );
    const content = page.getByTestId('backup-posture-content');
    const grade = content.getByTestId('backup-posture-grade');
    await waitWithReload(page, grade);
    if (component === S.healthy[0]) {
      // Away from the sidebar, which expands over the page while hovered.
      await page.mouse.move(1000, 400);
      await page
        .getByTestId('backup-posture-lineage-graph')
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined); // the picture only: the text list is asserted below
      await screenshot(page, 'shared-account-healthy', { tall: true });
    }
    await expandChecks(page);
    const text = await content.innerText();
    // A name counts on its own, not inside another name or a remediation placeholder such as
    // `<lag-vault-arn>`.
    const escape = n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const named = [...S.neighbours.all, ...S.neighbours[component]].filter(n =>
      new RegExp(`(?<![\\w<-])${escape(n)}(?![\\w>-])`).test(text),
    );
    assert.deepEqual(
      named,
      [],
      `${component}'s tab names its neighbours' vaults or rules: ${named.join(', ')}`,
    );
    const gradeText = (await grade.first().innerText()).trim();
    assert.match(
      gradeText,
      /\b[AB]\b/,
      `${component} is healthy: grade A or B expected, shows ${gradeText}`,
    );
    assert.deepEqual(pageErrors, []);
  });
}

test('the two-hop lineage shows the air-gapped copy made from the central vault, and that from the primary', async () => {
  const { page, pageErrors } = b;
  await openApp(page, `/catalog/default/component/${S.twoHop}/backup-posture`);
  const lineage = page.getByTestId('backup-posture-lineage');
  await waitWithReload(page, lineage);
  const list = lineage.getByTestId('backup-posture-lineage-list');
  await list.first().waitFor();
  // Each item's own line (its children are nested lists below it).
  const items = list.getByTestId('backup-posture-lineage-item');
  const lines = [];
  for (let i = 0; i < (await items.count()); i++)
    lines.push(
      (await items.nth(i).locator(':scope > span').first().innerText()).trim(),
    );
  await page.mouse.move(1000, 400);
  await lineage
    .getByTestId('backup-posture-lineage-graph')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined); // the picture only: the text list is asserted
  await screenshot(page, 'lineage-two-hop', { tall: true });
  const nodeOf = vault =>
    lines.find(l => (l.split(' ← from ')[0] ?? '').includes(vault));
  const airGapped = nodeOf(S.airGappedVault);
  const central = nodeOf(S.centralVault);
  assert.ok(
    airGapped,
    `no lineage node for ${S.airGappedVault}:\n${lines.join('\n')}`,
  );
  assert.ok(
    central,
    `no lineage node for ${S.centralVault}:\n${lines.join('\n')}`,
  );
  assert.match(
    airGapped.split(' ← from ')[1] ?? '',
    new RegExp(`^\\S+ [^←]*${S.centralVault}`),
    `the air-gapped copy's parent should be the central vault:\n${lines.join('\n')}`,
  );
  assert.match(
    central.split(' ← from ')[1] ?? '',
    new RegExp(`^\\S+ [^←]*${S.primaryVault}`),
    `the central copy's parent should be the primary vault:\n${lines.join('\n')}`,
  );
  // In the text tree the air-gapped item sits under the central one.
  const nested = list
    .getByTestId('backup-posture-lineage-item')
    .filter({ hasText: S.centralVault })
    .getByTestId('backup-posture-lineage-item')
    .filter({ hasText: S.airGappedVault });
  assert.ok(
    (await nested.count()) > 0,
    'the air-gapped item should be nested under the central vault item',
  );
  assert.deepEqual(pageErrors, []);
});
