// The sections of the benchmark doc that do not depend on the results.

export const METHOD = `## How each figure is obtained

- **AWS calls** are counted by the simulator (every request it answers, errors included). The
  **minimum** is computed from the estate model and the simulator's derived recovery points and copy
  jobs (\`test/benchmark/src/minimumCalls.ts\`), never from the scanner: one AssumeRole per account;
  DescribeOrganization, ListAccounts pages (20 per page), DescribeGlobalSettings; per account ×
  region one ListBackupVaults page per 1,000 vaults, a GetBackupVaultAccessPolicy per vault,
  DescribeBackupVault per non-standard vault, ListRestoreAccessBackupVaults per air-gapped vault,
  ListRecoveryPointsByBackupVault pages per vault (empty lists still cost one call), ListBackupPlans
  pages, GetBackupPlan and ListBackupSelections per plan, GetBackupSelection per selection,
  ListCopyJobs and ListProtectedResources pages; the own key of each resource mapped to an entity,
  in its own account × region (\`test/benchmark/src/sourceKeyCalls.ts\`): DescribeDBClusters and
  DescribeDBInstances per 100 ARNs, DescribeVolumes per 200 volume or instance ids, one
  DescribeFileSystems, DescribeTable, GetBucketEncryption (buckets with primary recovery points
  there) or DescribeClusters per resource; per distinct KMS key met (vault, recovery point, copy
  destination and source resource keys, the latter with their multi-region relatives) one
  DescribeKey, plus GetKeyRotationStatus and GetKeyPolicy for customer-managed keys, and
  ListAliases pages once per account × region owning a met key. No tag selectors are in the
  catalog, so no Tagging calls are needed.
- **AWS limit** (lower bound on the scan's discovery time set by AWS, never by the scanner's own
  settings; \`test/benchmark/src/awsLimit.ts\`). AWS's request quotas are per account × region, so
  each scope is an independent budget and AWS sets no limit on how many run at once. With L the
  latency, N the minimum calls of the whole scan, B the process's in-flight budget
  (\`aws.concurrency.requestsInFlight\`), and for each scope s: d_s its longest chain of dependent
  calls (pages follow pages; list vaults → vault → its points; list plans → plan → selections →
  selection), and for each quota q a call counts against, n_{s,q} its calls, r_q AWS's rate and
  b_q = max(1, ⌊share·r_q⌋) the burst of the scanner's bucket at the configured share
  (\`aws.concurrency.quotaShare\`):

  \`T = L·(1 + P_org) + max( max_s t_s, N·L / B )\`,
  \`t_s = max( L·(d_s + 1), max_q ( max(0, n_{s,q} − b_q) / (share·r_q) + L ) )\`

  The quotas are those the simulated AWS enforces (\`test/simulated-aws/src/quotas.ts\`, answering
  ThrottlingException beyond them; the scanner keeps its own table in
  \`plugins/backup-posture-backend/src/aws/quotas.ts\`): AWS Backup all calls 50/s, DescribeBackupVault 5/s, each Get API 15/s, each List
  API 20/s; KMS DescribeKey 2,000/s, GetKeyPolicy and GetKeyRotationStatus 1,000/s, ListAliases
  500/s, each per account × region. P_org is the number of ListAccounts pages (after the management
  account's AssumeRole). Key descriptions and global settings are assumed to overlap perfectly, and
  evaluating entities and writing the database count as zero, so no scanner within these quotas
  and this budget can beat T. (Before issue 18 the bound used the scanner's own 8 scopes at a time
  and 10 calls/s per scope: a scanner at its own settings' limit looked optimal while it ran 40×
  slower than AWS allows.)
- **Scan wall time** is the scan's own \`startedAt\` → \`finishedAt\` (from \`/scan/status\`). The
  scan stamps \`finishedAt\` once discovery, key descriptions and global settings are done — it
  matches the simulator's last answer — and then evaluates and stores every entity's posture; the
  time until that is stored (seen by polling the status every 250 ms) is shown on its own row.
- **Memory**: the backend process's \`heapUsed\` sampled every 50 ms (and at each status poll)
  from just before the backend starts until the scan ends, minus the baseline after a forced GC;
  RSS likewise. "One estate copy" is the heap retained by parsing every stored scope snapshot and
  key once (what the scan loads to evaluate entities), measured with forced GCs after the scan.
  \`heapUsed\` includes garbage not collected yet and fixed costs (the catalog's entities, SDK
  clients, one batch of entity rows), so the target compares presets: the extra peak heap from the
  smallest preset to a larger one, divided by the extra size of one estate copy. Below 2, the scan
  does not hold the estate twice.
- **Database size**: the plugin's SQLite file after the first scan (schema included).
- **Entity posture API**: a separate process runs 50, then 200, clients over keep-alive
  connections, each sending \`GET /api/backup-posture/entities/component/default/<name>/posture\`
  (with the mock user's bearer token) back to back over the 10,000 components in a fixed random
  order; a warm-up round of 1,000 requests is discarded.
- **Report endpoint**: \`GET /api/backup-posture/report?offset=0&limit=25\` (what the report page
  asks for), 20 sequential requests after 2 warm-ups.
- **Report page**: the real \`BackupPostureReportPage\` in a minimal Backstage app (\`createApp\`,
  the plugin's own API client; \`test/benchmark/src/reportPage/app.tsx\`) bundled for production with
  esbuild and served on loopback, \`/api\` proxied to the benchmark backend. Each of the runs opens
  a fresh browser context and measures, in the page's own clock, from navigation start until the
  rows and the "10000 entities match the filters" total are rendered and one frame has gone idle;
  then clicks "next page" and times until the next rows show.`;

export const NOTES = `## Notes

- The simulator runs in its own process and answers from memory; the injected latency stands in for
  the network and AWS. Both processes share the machine's cores with the load generator and the
  browser, so absolute times on a larger machine would be lower; the ratios are what the targets
  judge.
- The report table is paged on the server (25 rows by default, 100 at most per page), so the page
  never renders 10,000 rows at once: the figure is the time to a usable report over 10,000
  entities.`;
