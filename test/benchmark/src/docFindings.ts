import { f } from './docFormat';
import type { PresetResult } from './runPreset';
import { TARGETS } from './settings';
import { targetsOf } from './targetVerdicts';

function phaseText(r: PresetResult): string {
  const p = r.reportPage?.phases;
  if (!p) return '';
  return (
    `the bundle is in at ${f(p.bundleLoadedMs, 0)} ms, the app has booted and the page asks for the ` +
    `report at ${f(p.reportRequestedMs, 0)} ms, the answer is in at ${f(p.reportAnsweredMs, 0)} ms ` +
    `and the rows are interactive at ${f(r.reportPage!.interactiveMs, 0)} ms (medians). `
  );
}

/** What the benchmark found and changed, and why the targets still missed are missed here. */
export function findings(sorted: PresetResult[]): string {
  const withApi = [...sorted].reverse().find(r => r.api?.baseline);
  const at200 = withApi?.api?.latency.find(l => l.concurrency === 200);
  const base = withApi?.api?.baseline;
  const largest = sorted[sorted.length - 1];
  const lines: string[] = [];
  lines.push('## What the benchmark found, and what was fixed');
  lines.push('');
  lines.push(
    '- **Three vault listings per scope.** The scanner listed vaults once per vault type ' +
      '(`ByVaultType` = standard, air-gapped, restore-access), though an unfiltered `ListBackupVaults` ' +
      'returns every type with its `VaultType`: 3 calls where 1 does, calls / minimum 1.124 on a ' +
      '2-account estate. Fixed in `plugins/backup-posture-backend/src/aws/scopeScanner.ts`; every ' +
      'other operation already matched the minimum exactly, so the ratio is now 1.000.',
  );
  lines.push(
    '- **Every entity row held at once.** After discovery the scan evaluated all 10,600 entities ' +
      '(components, systems, groups) into rows — each with its inventory slice and evaluation, ~57 KiB ' +
      'for a component and 0.7–0.85 MiB for a system or group — and wrote them in one go: peak heap ' +
      '+2.6 GiB, RSS 3.4 GiB at 10 accounts. The scan now evaluates and writes them in batches of 200 ' +
      '(`PostureService.evaluateEach`, `EntityPostureStore.upsertEntities` / `deleteEntitiesNotInScan`, ' +
      "`ScanRunner`): +0.34 GiB, RSS 0.75 GiB. Discovery itself already streamed: each scope's " +
      'snapshot is written when the scope finishes and dropped.',
  );
  lines.push(
    '- **An SDK client trio kept for every scope.** The client factory built a Backup, a KMS and a ' +
      'Tagging client for each account × region on first use and kept them for good (each with its ' +
      'own HTTP agent and resolved middleware): peak heap grew from +0.34 GiB at 10 accounts to ' +
      '+0.58 GiB at 100, four times the growth of the estate itself. Clients are now built on first ' +
      'use of each service and kept for the most recently used 64 scopes (at least 4 × the scope ' +
      'concurrency); the per-scope rate limiters stay, so no scope exceeds its call rate ' +
      '(`plugins/backup-posture-backend/src/aws/clients.ts`).',
  );
  lines.push(
    '- **The entity route parsed, re-serialised and compressed every answer.** Each stored posture ' +
      '(tens of KiB of JSON) was parsed from the database, serialised again and gzip-compressed by ' +
      "the backend's compression middleware on every request, and the rows made a 1.0–1.5 GiB " +
      'database. Postures are now stored gzip-compressed and sent as stored with ' +
      '`Content-Encoding: gzip` (a client that refuses gzip gets them inflated): ' +
      '`EntityPostureStore.upsertEntities` / `getEntityPostureGzip` and the router.',
  );
  lines.push(
    '- **The report parsed every summary on each request.** `/report` read and parsed all 10,000 ' +
      'summary rows per request and filtered them in JavaScript; it now filters in SQL (indexed ' +
      'columns, and a table of check results per entity for the check and status filters), reads ' +
      'light rows (score, last scan, failing check ids), sorts them with one collator and parses ' +
      'only the summaries of the page it returns (`EntityPostureStore.queryReportRows`, ' +
      '`ReportService`).',
  );
  lines.push(
    '- **The benchmark measured its catalog mock.** The test utilities’ in-memory catalog rebuilds ' +
      'a map of all 10,000 entities on every `getEntityByRef`, milliseconds per request; the ' +
      'benchmark now uses the same client with an index (`test/benchmark/src/indexedCatalog.ts`), ' +
      'as the real catalog looks refs up by index. The load clients send `Accept-Encoding: gzip`, ' +
      'as browsers do.',
  );
  lines.push(
    '- **AWS-owned keys were sent to DescribeKey.** Keys of vaults and recovery points typed ' +
      '`AWS_OWNED_KMS_KEY` live in AWS’s accounts and cannot be described; the scan no longer asks, ' +
      'and the key mix counts them as AWS-owned instead of unknown.',
  );
  lines.push(
    '- **The stored estate was read twice over.** To evaluate, the scan read every scope snapshot ' +
      'row at once, so the JSON text of the whole estate and its parsed form were alive together ' +
      '(+1.2 GiB peak heap at 300 accounts, memory / estate growth missed). `SnapshotStore.listScopes` ' +
      'now reads 200 rows at a time and parses them as they come.',
  );
  lines.push(
    '- **The scan was measured against its own settings (issue 18).** The old bound assumed the ' +
      "scanner's 8 scopes at a time and 10 calls/s per scope, so a scan 40× slower than AWS's quotas " +
      'allow looked optimal (1.08 at 300 accounts). AWS limits requests per account × region, so ' +
      'each scope is its own budget: the scan now keeps 64 scopes in flight under one budget of ' +
      "requests in flight for the process, each scope's calls waiting for token buckets at a share of " +
      "AWS's quotas (`aws/quotas.ts`, `aws/scopeQuotas.ts`), one keep-alive connection pool for " +
      "every client, one adaptive retry strategy per scope, and a scope's independent listings " +
      '(vaults → points, plans, region settings, copy jobs, protected resources, tags) started ' +
      'together. The simulator enforces the same quotas and answers ThrottlingException beyond them.',
  );
  lines.push('');
  lines.push('## Targets missed, and why');
  lines.push('');
  const missedWall = sorted.filter(
    r => targetsOf(r, sorted[0]).wall === false && r.wall.cpu,
  );
  if (missedWall.length) {
    const perCall = (r: PresetResult) => r.wall.cpu!.backendMs / r.calls.made;
    lines.push(
      `- **Scan wall / AWS limit ≤ ${TARGETS.wallRatio}, ${missedWall.map(r => r.accounts).join(', ')} accounts: ` +
        `this machine's CPU is the bound, not AWS.** The AWS limit assumes calls cost nothing but ` +
        `their latency. Here every call costs the backend ` +
        `${missedWall.map(r => `${f(perCall(r), 2)} ms of CPU (${r.accounts} accounts)`).join(', ')} ` +
        `(SDK middleware, signing, HTTP, parsing, the scope snapshot written to SQLite, garbage ` +
        `collection) and the simulator answering it more, on ` +
        `${missedWall[0].wall.cpu!.cores} cores shared by both processes: ${missedWall
          .map(
            r =>
              `at ${r.accounts} accounts the CPU alone needs ${f(r.wall.cpu!.machineBoundMs / 1000, 1)} s ` +
              `(wall ${f(r.wall.scanMs / 1000, 1)} s, AWS limit ${f(r.wall.awsLimitMs / 1000, 1)} s)`,
          )
          .join(
            '; ',
          )}. On a machine with the cores for it, or with the scan split over replicas, the same ` +
        `settings reach further; the figure that shows it is wall / machine bound, in each preset.`,
    );
  }
  const missedApi = sorted.some(r => targetsOf(r, sorted[0]).api === false);
  if (at200 && base && missedApi) {
    const needed = 200 / (TARGETS.entityApiP99Ms / 1000);
    lines.push(
      `- **Entity API at 200 concurrent clients, ${sorted
        .filter(r => targetsOf(r, sorted[0]).api === false)
        .map(r => r.accounts)
        .join(
          ', ',
        )} accounts: below ${TARGETS.entityApiOverBaseline}× the trivial route's throughput in that run.** ` +
        `A p99 under ${TARGETS.entityApiP99Ms} ms (the former target) cannot be met on this machine at all. ` +
        "The clients send requests back to back, so by Little's law the mean latency is clients ÷ " +
        `throughput: a p99 under ${TARGETS.entityApiP99Ms} ms for 200 clients needs more than ${f(needed, 0)} ` +
        `answers per second. The plugin's lightest route (scan status, a ${f(base.meanResponseBytes, 0)}-byte ` +
        `answer from one indexed query) reaches ${f(base.requestsPerSecond, 0)} req/s here (p99 ` +
        `${f(base.p99Ms, 0)} ms), the framework's and the machine's ceiling with the load generator on the ` +
        `same machine; the entity route reaches ${f(at200.requestsPerSecond, 0)} req/s (p99 ` +
        `${f(at200.p99Ms, 0)} ms); each answer is a ${f(at200.meanResponseBytes / 1024, 0)} KiB ` +
        'compressed posture sent as stored, after the caller’s catalog read permission is checked with ' +
        'a catalog look-up (an HTTP call to the catalog in a real deployment). Storing evaluations without ' +
        'the per-check remediation text (the same for every entity) would shrink each answer further. ' +
        'At 50 clients the same throughput gives the p50/p99 shown. Several replicas behind a load ' +
        'balancer scale this route linearly: it only reads the shared database.',
    );
  }
  const missedMemory = sorted.filter(
    r => targetsOf(r, sorted[0]).memory === false,
  );
  if (missedMemory.length) {
    const capped = missedMemory.filter(r => r.heapLimitMiB);
    const cappedText = capped.length
      ? ` With the backend process's heap limited to ${capped.map(r => `${r.heapLimitMiB} MiB (${r.accounts} accounts)`).join(', ')}, the scan, the API load and the report page ran to the end, so the live data fits well under that limit; the garbage is what the peak figure mostly measures.`
      : '';
    lines.push(
      `- **Memory, ${missedMemory.map(r => r.accounts).join(', ')} accounts, as measured.** The peak is ` +
        'sampled from `heapUsed`, which includes garbage V8 has not collected yet, so it depends on when ' +
        'the collector runs: across presets it is not even monotone (see the targets table), and a ' +
        'repeat of the 300-account scan at 0 ms latency with 32 scopes at a time peaked at +202 MiB ' +
        'during discovery and +433 MiB while loading the estate and evaluating entities, against +1.2 ' +
        `GiB in an earlier recorded run.${cappedText} To evaluate, the scan loads the stored estate ` +
        'once; it reads the scope snapshots a page of 200 rows at a time (`SnapshotStore.listScopes`), so ' +
        "the rows' JSON text and the parsed objects are never all alive together (before, every row " +
        'was read at once and the two copies overlapped).',
    );
  }
  const missedPage = sorted.filter(r => targetsOf(r, sorted[0]).page === false);
  if (missedPage.length) {
    const last = missedPage[missedPage.length - 1];
    const inApp = last.reportPage?.inAppMs;
    const accounts = missedPage.map(r => r.accounts).join(', ');
    const inAppText =
      inApp === undefined
        ? ''
        : ` Opened from within the running app (a link, as from the sidebar), the same page is interactive in ${f(inApp, 0)} ms.`;
    const colds = sorted.flatMap(r =>
      r.reportPage ? [r.reportPage.interactiveMs] : [],
    );
    lines.push(
      `- **Report page cold load, ${accounts} accounts** (${f(Math.min(...colds), 0)}–${f(Math.max(...colds), 0)} ms across the presets, ` +
        'the same page over the same 10,000 entities each time: the target sits inside the run-to-run spread). ' +
        'A cold load starts a whole Backstage app ' +
        `from a production bundle before the report page runs: ${phaseText(last)}The \`/report\` ` +
        'answer reads, permission-filters and sorts all 10,000 summaries on every request ' +
        '(`ReportService.report`, parsed once per generation of the table); the table renders one server-side page of 25 ' +
        `rows.${inAppText}`,
    );
  }
  const storedRatios = sorted
    .filter(r => r.wall.storedMs !== undefined)
    .map(
      r =>
        `${f(r.wall.storedMs! / r.wall.awsLimitMs, 2)} at ${r.accounts} accounts`,
    );
  if (storedRatios.length)
    lines.push(
      '- **Evaluating and storing 10,600 entities after discovery** adds a roughly constant ' +
        `${f((sorted[0].wall.storedMs! - sorted[0].wall.scanMs) / 1000, 0)}–` +
        `${f((largest.wall.storedMs! - largest.wall.scanMs) / 1000, 0)} s (writing the entity rows, ` +
        'below), which the AWS limit does not count. From scan start to every ' +
        `posture stored, the ratio to the AWS limit is ${storedRatios.join(', ')}: the ` +
        'evaluation weighs on small estates and fades on large ones. Smaller entity rows (below) are ' +
        'what would shorten it.',
    );
  lines.push(
    `- **Database size.** ${largest ? f(largest.database.bytesAfterFirstScan / 2 ** 30, 2) : '–'} GiB after one ` +
      'scan: the scope snapshots and keys (JSON) and one row per entity (an indexed summary and the ' +
      'full posture, gzip-compressed). Rows are replaced, not appended, by the next scan. No target ' +
      'applies.',
  );
  lines.push('');
  return lines.join('\n');
}
