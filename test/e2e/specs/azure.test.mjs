// Azure Recovery Services vaults, discovered from the simulated tenant, on the entity tab.
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

async function tabText(page, component) {
  await openApp(page, `/catalog/default/component/${component}/backup-posture`);
  const vaults = page.getByTestId('backup-posture-azure-vaults');
  await waitWithReload(page, vaults);
  await page.getByTestId('backup-posture-lineage').waitFor();
  return page.getByTestId('backup-posture-content').innerText();
}

test('an Azure service shows its vaults, key vault → key lineage and the rsv checks', async () => {
  const { page, pageErrors } = b;
  const text = await tabText(page, DEMO.azureComponent);
  for (const expected of DEMO.azureFacts) {
    assert.ok(
      text.includes(expected),
      `tab should mention ${expected}:\n${text}`,
    );
  }
  const checks = page.getByTestId('backup-posture-checks');
  const ids = await checks
    .getByTestId('backup-posture-check-row')
    .evaluateAll(rows => rows.map(r => r.getAttribute('data-check-id')));
  assert.ok(ids.includes('rsv-key-rotation'), `checks: ${ids.join(', ')}`);
  assert.ok(
    ids.every(id => id.startsWith('rsv-')),
    `checks: ${ids.join(', ')}`,
  );
  await screenshot(page, 'azure-entity-tab');
  assert.deepEqual(pageErrors, []);
});

test('a service on both clouds shows AWS and Azure side by side', async () => {
  const { page, pageErrors } = b;
  const text = await tabText(page, DEMO.bothCloudsComponent);
  for (const expected of DEMO.bothCloudsFacts) {
    assert.ok(
      text.includes(expected),
      `tab should mention ${expected}:\n${text}`,
    );
  }
  const ids = await page
    .getByTestId('backup-posture-check-row')
    .evaluateAll(rows => rows.map(r => r.getAttribute('data-check-id')));
  assert.ok(ids.some(id => id.startsWith('rsv-')));
  assert.ok(ids.some(id => !id.startsWith('rsv-')));
  // The lineage: AWS copies, and the Azure vault whose RBAC key vault denies it wrap/unwrap (Z3).
  await screenshot(page, 'both-clouds-entity-tab', { tall: true });
  assert.deepEqual(pageErrors, []);
});
