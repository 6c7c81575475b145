// The install test's browser checks: the entity card, the entity tab, the group card and the
// report page reached from the sidebar, in headless Chromium.
import { openApp, screenshot, waitWithReload } from '../e2e/browser.mjs';
import { launchChromium } from '../e2e/chromium.mjs';
import { appOptions, reloadOptions, shotsDir } from './config.mjs';
import { step } from './report.mjs';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export async function browserChecks() {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(e.message));
    const noErrors = () => {
      const errs = pageErrors.splice(0);
      expect(errs.length === 0, `page errors:\n${errs.join('\n')}`);
    };

    await step(
      'browser: entity card on payments-api shows a grade and the discovered account and region',
      async () => {
        await openApp(
          page,
          '/catalog/default/component/payments-api',
          appOptions,
        );
        const card = page.getByTestId('backup-posture-card');
        const grade = card.getByTestId('backup-posture-grade');
        await waitWithReload(page, grade, reloadOptions);
        const text = await card.innerText();
        expect(
          /\b[A-F]\b/.test(await grade.first().innerText()),
          `no grade: ${text}`,
        );
        for (const fact of ['222222222222', 'ap-northeast-1'])
          expect(text.includes(fact), `card lacks ${fact}:\n${text}`);
        await screenshot(page, 'entity-card', { tall: true, dir: shotsDir });
        noErrors();
      },
      { soft: true },
    );

    await step(
      'browser: entity tab (clicked) shows the key lineage with aws/rds and the checks',
      async () => {
        await openApp(
          page,
          '/catalog/default/component/payments-api',
          appOptions,
        );
        // The entity page's tab: a link to the tab's path (not the sidebar's report link).
        await page
          .locator(
            'a[href$="/catalog/default/component/payments-api/backup-posture"]',
          )
          .first()
          .click({ timeout: 60_000 });
        await page.waitForURL(/\/payments-api\/backup-posture$/);
        const lineage = page.getByTestId('backup-posture-lineage');
        await waitWithReload(page, lineage, reloadOptions);
        expect(
          (await lineage.innerText()).includes('aws/rds'),
          'lineage lacks aws/rds',
        );
        const rows = page
          .getByTestId('backup-posture-checks')
          .getByTestId('backup-posture-check-row');
        await rows.first().waitFor();
        expect((await rows.count()) > 0, 'no check rows');
        await screenshot(page, 'entity-tab', { tall: true, dir: shotsDir });
        noErrors();
      },
      { soft: true },
    );

    await step(
      'browser: group card on team-payments lists its services with a grade',
      async () => {
        await openApp(page, '/catalog/default/group/team-payments', appOptions);
        const card = page.getByTestId('backup-posture-group-card');
        await waitWithReload(
          page,
          card.getByTestId('backup-posture-grade'),
          reloadOptions,
        );
        const text = await card.innerText();
        expect(
          text.includes('Payments API'),
          `group card lacks Payments API:\n${text}`,
        );
        await screenshot(page, 'group-card', { tall: true, dir: shotsDir });
        noErrors();
      },
      { soft: true },
    );

    await step(
      'browser: report page reached from the sidebar lists ≥ 22 services',
      async () => {
        await openApp(page, '/', appOptions);
        const link = page
          .locator('nav[aria-label="sidebar nav"]')
          .getByRole('link', { name: /backup posture/i });
        await link.first().waitFor({ state: 'attached', timeout: 60_000 });
        await link.first().click();
        await page.waitForURL(/\/backup-posture/);
        const rows = page.getByTestId('backup-posture-report-row');
        await waitWithReload(page, rows, reloadOptions);
        const count = await rows.count();
        expect(count >= 22, `expected ≥ 22 rows, got ${count}`);
        await screenshot(page, 'report-from-sidebar', {
          tall: true,
          dir: shotsDir,
        });
        noErrors();
      },
      { soft: true },
    );
  } finally {
    await browser.close();
  }
}
