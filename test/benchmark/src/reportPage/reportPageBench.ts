import { createServer, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { Page } from 'playwright-core';
import { AUTH } from '../apiBench';
import { bundleReportPage } from './bundle';

const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>report</title>
<link rel="stylesheet" href="/bundle.css"></head><body><div id="root"></div>
<script src="/bundle.js"></script></body></html>`;

/**
 * Serves the bundled report page on loopback, with `/api/*` proxied to the benchmark backend
 * (adding the mock user's token, as the app's fetch API would add the user's), so the page reads
 * the real `/report` of the backend's 10,000 entities.
 */
async function serve(backendUrl: string) {
  const { js, css } = await bundleReportPage();
  const backend = new URL(backendUrl);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      const upstream = httpRequest(
        {
          host: backend.hostname,
          port: backend.port,
          path: url,
          method: req.method,
          headers: { ...req.headers, host: backend.host, ...AUTH },
        },
        up => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    if (url === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(js);
    } else if (url === '/bundle.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(css);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(HTML);
    }
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bundleBytes: js.length + css.length,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface ReportPageTiming {
  runs: number;
  /** Navigation start → first page of rows in the DOM, count shown, main thread idle (median). */
  interactiveMs: number;
  interactiveMaxMs: number;
  /** Click "next page" → the next rows rendered (median). */
  pageChangeMs: number;
  /** App already running on another page: link clicked → rows, total, idle frame (median). */
  inAppMs?: number;
  inAppMaxMs?: number;
  rowsRendered: number;
  totalShown: string;
  bundleBytes: number;
  /** Medians, in the page's clock from navigation start. */
  phases?: {
    bundleLoadedMs: number;
    reportRequestedMs: number;
    reportAnsweredMs: number;
  };
}

/**
 * Rows in the table and the total in the score card, then one idle frame (a click now would be
 * handled at once): returns that moment in the page's clock (ms since navigation start).
 */
async function untilInteractive(page: Page): Promise<number> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="backup-posture-report-row"]')
        .length > 0 &&
      /entities match the filters/.test(document.body.innerText),
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(
    () =>
      new Promise<number>(resolve =>
        requestAnimationFrame(() =>
          setTimeout(() => resolve(performance.now()), 0),
        ),
      ),
  );
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Headless Chromium (Debian's, as the e2e tests use) loads the report page `runs` times, cold. */
export async function reportPageTiming(
  backendUrl: string,
  runs = 5,
): Promise<ReportPageTiming> {
  const site = await serve(backendUrl);
  // The browser tests' launcher (an ES module, hence the dynamic import from this CommonJS run).
  // test/e2e is a folder of scripts, not a package: there is no name to import it by.
  // eslint-disable-next-line @backstage/no-relative-monorepo-imports
  const { launchChromium } = await import('../../../e2e/chromium.mjs');
  const browser = await launchChromium();
  const interactive: number[] = [];
  const pageChange: number[] = [];
  const inApp: number[] = [];
  const phases: Array<{
    bundleLoadedMs?: number;
    reportRequestedMs?: number;
    reportAnsweredMs?: number;
  }> = [];
  let rowsRendered = 0;
  let totalShown = '';
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 1000 },
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', e => errors.push(e.message));
      await page.goto(`${site.url}/backup-posture`, { waitUntil: 'commit' });
      const ms = await untilInteractive(page);
      interactive.push(ms);
      // Where the time went, in the page's clock: bundle loaded, report answered.
      const marks = await page.evaluate(() => {
        const end = (re: RegExp) =>
          performance
            .getEntriesByType('resource')
            .filter(e => re.test(e.name))
            .map(e => (e as PerformanceResourceTiming).responseEnd)[0];
        const report = performance
          .getEntriesByType('resource')
          .find(e => /\/report\?/.test(e.name)) as
          PerformanceResourceTiming | undefined;
        return {
          bundleLoadedMs: end(/bundle\.js$/),
          reportRequestedMs: report?.startTime,
          reportAnsweredMs: report?.responseEnd,
        };
      });
      phases.push(marks);
      rowsRendered = await page
        .locator('[data-testid="backup-posture-report-row"]')
        .count();
      totalShown =
        (await page.getByText(/entities match the filters/).textContent()) ??
        '';
      const firstRow = await page
        .locator('[data-testid="backup-posture-report-row"]')
        .first()
        .textContent();
      const t = Date.now();
      await page.getByRole('button', { name: /next page/i }).click();
      await page.waitForFunction(
        first =>
          document.querySelector('[data-testid="backup-posture-report-row"]')
            ?.textContent !== first,
        firstRow,
        { timeout: 30_000, polling: 'raf' },
      );
      pageChange.push(Date.now() - t);

      // In-app: the app already running on another page, a client-side link to the report.
      await page.goto(`${site.url}/`, { waitUntil: 'load' });
      await page.getByTestId('to-report').waitFor();
      const clickedAt = await page.evaluate(() => {
        const at = performance.now();
        (
          document.querySelector('[data-testid="to-report"]') as HTMLElement
        ).click();
        return at;
      });
      inApp.push((await untilInteractive(page)) - clickedAt);
      if (errors.length)
        throw new Error(`report page errors: ${errors.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return {
    runs,
    interactiveMs: median(interactive),
    interactiveMaxMs: Math.max(...interactive),
    pageChangeMs: median(pageChange),
    inAppMs: median(inApp),
    inAppMaxMs: Math.max(...inApp),
    rowsRendered,
    totalShown,
    bundleBytes: site.bundleBytes,
    phases: {
      bundleLoadedMs: median(phases.map(p => p.bundleLoadedMs ?? NaN)),
      reportRequestedMs: median(phases.map(p => p.reportRequestedMs ?? NaN)),
      reportAnsweredMs: median(phases.map(p => p.reportAnsweredMs ?? NaN)),
    },
  };
}
