// The team scorecard on a group page and the platform report page.
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

test('group page shows the team scorecard with its owned services', async () => {
  const { page, pageErrors } = b;
  await openApp(page, `/catalog/default/group/${DEMO.group}`);
  const card = page.getByTestId('backup-posture-group-card');
  await waitWithReload(page, card.getByTestId('backup-posture-grade'));
  const text = await card.innerText();
  assert.ok(
    text.includes(DEMO.groupOwns),
    `group card should list ${DEMO.groupOwns}:\n${text}`,
  );
  await screenshot(page, 'group-scorecard');
  assert.deepEqual(pageErrors, []);
});

test('report page lists every annotated demo service', async () => {
  const { page, pageErrors } = b;
  await openApp(page, '/backup-posture');
  const rows = page.getByTestId('backup-posture-report-row');
  await waitWithReload(page, rows);
  const count = await rows.count();
  assert.ok(
    count >= DEMO.minReportRows,
    `expected ≥ ${DEMO.minReportRows} rows, got ${count}`,
  );
  await screenshot(page, 'report');
  assert.deepEqual(pageErrors, []);
});
