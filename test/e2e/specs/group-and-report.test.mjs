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

test('report page: "Findings CSV" downloads one row per failing, unknown or accepted finding, with the header', async () => {
  const { page, pageErrors } = b;
  await openApp(page, '/backup-posture');
  await waitWithReload(page, page.getByTestId('backup-posture-report-row'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Findings CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'backup-posture-findings.csv');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(path, 'utf8')).split('\r\n').filter(Boolean);
  assert.ok(
    lines[0].startsWith(
      'entityRef,owner,system,lifecycle,cloud,account,region,subject,checkId',
    ),
    `header: ${lines[0]}`,
  );
  assert.ok(
    lines.length > 10,
    `expected findings rows, got ${lines.length - 1}`,
  );
  assert.ok(
    lines.slice(1).every(l => /,(fail|unknown|accepted),/.test(l)),
    'every row is a failing, unknown or accepted finding',
  );
  await page
    .getByRole('status')
    .filter({ hasText: 'Exported the findings as CSV.' })
    .waitFor();
  await screenshot(page, 'report-findings-export');
  assert.deepEqual(pageErrors, []);
});

test('the sidebar has a "Backup posture" link that opens the report', async () => {
  const { page, pageErrors } = b;
  await openApp(page, '/');
  // The new frontend system lists a page in the nav only when it has a title and an icon.
  const link = page
    .locator('nav[aria-label="sidebar nav"]')
    .getByRole('link', { name: /^\s*Backup posture\s*$/ });
  await link.waitFor({ state: 'visible', timeout: 60_000 });
  await link.click();
  await page.waitForURL(/\/backup-posture$/);
  const rows = page.getByTestId('backup-posture-report-row');
  await waitWithReload(page, rows);
  const count = await rows.count();
  assert.ok(
    count >= DEMO.minReportRows,
    `expected ≥ ${DEMO.minReportRows} rows, got ${count}`,
  );
  assert.deepEqual(pageErrors, []);
});

test('report table: entities, owners and systems by title, grade badges, sorted by grade, one-line headers at 1280 px', async () => {
  const { page, pageErrors } = b;
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1000 });
  try {
    await openApp(page, '/backup-posture?sort=grade&order=desc&limit=100');
    const table = page.getByTestId('backup-posture-report-table');
    const rows = table.getByTestId('backup-posture-report-row');
    await waitWithReload(page, rows);
    const row = rows.filter({
      has: page.getByRole('link', { name: DEMO.groupOwns, exact: true }),
    });
    assert.equal(
      await row
        .getByRole('link', { name: DEMO.groupOwns, exact: true })
        .getAttribute('href'),
      `/catalog/default/component/${DEMO.component}`,
    );
    // Owner and system show their catalog titles (both "Payments"), not refs: the titles come
    // from the catalog a moment after the rows.
    const title = /^\s*Payments\s*$/;
    await row
      .locator(`a[href="/catalog/default/group/${DEMO.group}"]`)
      .filter({ hasText: title })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await row
      .locator('a[href="/catalog/default/system/payments"]')
      .filter({ hasText: title })
      .waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(!(await row.innerText()).includes('group:default/'));
    // Badges read "Grade X"; descending grade puts F first and any unknown posture last.
    const badges = table.getByRole('img', { name: /^Grade / });
    const labels = await badges.evaluateAll(els =>
      els.map(e => e.getAttribute('aria-label')),
    );
    assert.ok(labels.length >= DEMO.minReportRows, labels.join(', '));
    const rank = l =>
      l.startsWith('Grade unknown') ? 5 : 'ABCDF'.indexOf(l.slice(-1));
    const ranks = labels.map(rank);
    assert.deepEqual(
      ranks,
      [...ranks].sort((x, y) => (x === 5 || y === 5 ? x - y : y - x)),
      `grades not F…A then unknown: ${labels.join(', ')}`,
    );
    // Every header on one line: each text of a header lays out as one box.
    const lines = await table.locator('thead th').evaluateAll(ths =>
      ths.map(th => {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        let boxes = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          boxes += range.getClientRects().length;
        }
        return `${th.innerText}:${boxes}`;
      }),
    );
    assert.deepEqual(
      lines.filter(l => !l.endsWith(':1')),
      [],
      `wrapped headers: ${lines.join(', ')}`,
    );
    await screenshot(page, 'report-table-1280', { tall: true });
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
  assert.deepEqual(pageErrors, []);
});
