// Rule A6 on the demo estate: analytics-batch lives in workloads-dev × Tokyo, whose AWS Backup
// region settings run DynamoDB without advanced DynamoDB backup (and opt EFS out).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, waitWithReload } from '../browser.mjs';

const b = useBrowser();

test('A6: the lineage says the DynamoDB job table keeps its own key because advanced DynamoDB backup is off in its Region', async () => {
  const { page, pageErrors } = b;
  await openApp(
    page,
    '/catalog/default/component/analytics-batch/backup-posture',
  );
  const lineage = page.getByTestId('backup-posture-lineage');
  await waitWithReload(page, lineage);
  const text = await lineage.innerText();
  assert.ok(
    text.includes(
      'source-dependent encryption: the primary backup keeps the source key (A6: ResourceTypeManagementPreference.DynamoDB = false in account 333333333333 in ap-northeast-1 (advanced DynamoDB backup off)',
    ),
    `lineage should explain the DynamoDB model:\n${text}`,
  );
  const checks = page.getByTestId('backup-posture-checks');
  await checks.waitFor();
  const protection = checks
    .getByTestId('backup-posture-check-row')
    .filter({ hasText: 'Resources are selected by a backup plan' });
  assert.match(await protection.first().innerText(), /fail/i);
  assert.deepEqual(pageErrors, []);
});
