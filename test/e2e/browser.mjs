// Headless Debian Chromium through playwright-core, failing on any page error: a blank page is
// not a pass.
import { after, before } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const appUrl = process.env.E2E_APP_URL ?? 'http://localhost:3000';
export const backendUrl =
  process.env.E2E_BACKEND_URL ?? 'http://127.0.0.1:7007';
// Screenshots go to the test artifacts; `UPDATE_DOC_IMAGES=1` refreshes the ones the docs show,
// so a plain test run leaves the working tree as it was.
export const imagesDir = resolve(
  process.env.UPDATE_DOC_IMAGES
    ? 'docs/images'
    : 'test/e2e/artifacts/screenshots',
);

export async function openBrowser() {
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', err => pageErrors.push(err.message));
  return { browser, page, pageErrors };
}

/**
 * The page, saved as `<dir>/<name>.png`; with `tall`, the viewport first grows to the height of
 * Backstage's scrolling main area, so content below the fold is in the picture (`fullPage` only
 * sees the window's scroll), and the mouse leaves the sidebar, which expands on hover.
 */
export async function screenshot(
  page,
  name,
  { tall = false, dir = imagesDir } = {},
) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const viewport = page.viewportSize();
  if (tall && viewport) {
    const height = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('main, main *')].map(
          e => e.scrollHeight,
        ),
      ),
    );
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(Math.max(height, viewport.height), 4000),
    });
    await page.mouse.move(viewport.width - 40, 200);
    await page.waitForTimeout(1000);
  }
  try {
    await page.screenshot({ path, fullPage: true });
  } finally {
    if (tall && viewport) await page.setViewportSize(viewport);
  }
  return path;
}

/** Reloads until the locator shows (the first scan may still be running when the test starts). */
export async function waitWithReload(
  page,
  locator,
  { timeoutMs = 180_000 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.reload();
    }
  }
}

/** Opens a path of the app, signing in as guest when the sign-in page shows. */
export async function openApp(
  page,
  path,
  { baseUrl = appUrl, timeoutMs = 60_000 } = {},
) {
  await page.goto(`${baseUrl}${path}`);
  const enter = page.getByRole('button', { name: /^enter$/i });
  const sidebar = page.locator('nav[aria-label="sidebar nav"]');
  // The sidebar nav is in the DOM (not "visible": it has no box of its own) once signed in.
  await enter
    .or(sidebar)
    .first()
    .waitFor({ state: 'attached', timeout: timeoutMs });
  if (await enter.isVisible()) {
    await enter.click();
    await sidebar.waitFor({ state: 'attached', timeout: 60_000 });
  }
}

/** One browser for the tests of a spec file: `const b = useBrowser();` then `b.page` in a test. */
export function useBrowser() {
  const session = {};
  before(async () => {
    Object.assign(session, await openBrowser());
  });
  after(async () => {
    await session.browser?.close();
  });
  return session;
}
