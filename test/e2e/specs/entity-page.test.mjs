// The posture card and tab of a demo service show data discovered from the simulated AWS estate.
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

test('entity overview card shows a grade and the accounts and regions discovered', async () => {
  const { page, pageErrors } = b;
  await openApp(page, `/catalog/default/component/${DEMO.component}`);
  const card = page.getByTestId('backup-posture-card');
  const grade = card.getByTestId('backup-posture-grade');
  await waitWithReload(page, grade);
  assert.match((await grade.first().innerText()).trim(), /\b[A-F]\b/);
  const text = await card.innerText();
  // Only discovery through the simulated endpoint can know these.
  for (const expected of DEMO.componentFacts) {
    assert.ok(
      text.includes(expected),
      `card should mention ${expected}; it shows:\n${text}`,
    );
  }
  await screenshot(page, 'entity-overview');
  assert.deepEqual(pageErrors, []);
});

test('entity tab shows the key lineage with the aws/rds substitution and the checks', async () => {
  const { page, pageErrors } = b;
  await openApp(
    page,
    `/catalog/default/component/${DEMO.substitutionComponent}/backup-posture`,
  );
  const lineage = page.getByTestId('backup-posture-lineage');
  await waitWithReload(page, lineage);
  const lineageText = await lineage.innerText();
  assert.ok(
    lineageText.includes('aws/rds'),
    `lineage should name aws/rds:\n${lineageText}`,
  );
  const checks = page.getByTestId('backup-posture-checks');
  await checks.waitFor();
  const firstRow = checks.getByTestId('backup-posture-check-row').first();
  assert.match(await firstRow.innerText(), /fail/i, 'failures come first');
  // The diagram is laid out after the list; away from the sidebar, which expands while hovered.
  await page.mouse.move(1000, 400);
  await lineage
    .getByTestId('backup-posture-lineage-graph')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined); // the picture only: the lineage text is asserted above
  await screenshot(page, 'entity-tab');
  assert.deepEqual(pageErrors, []);
});
