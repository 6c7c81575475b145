import { DerivedBackups, Estate, SimVault } from '@internal/simulated-aws';
import { sourceKeyCalls } from './sourceKeyCalls';

/**
 * The fewest AWS calls that collect what the posture engine needs from an estate, computed from
 * the simulator's model and derived backups — never from the scanner or its call log — so the
 * benchmark can tell wasted calls from necessary ones.
 *
 * What must be collected (the scanner's contract, docs/architecture.md):
 * - the organization's ACTIVE accounts; the management account's global settings;
 * - per scanned account × region: every vault (list), its access policy, DescribeBackupVault for
 *   non-standard vaults (MPA / source-vault fields exist only there), the restore-access vaults
 *   of each logically air-gapped vault, every recovery point of every vault (the list's
 *   NumberOfRecoveryPoints is not trusted to prove a vault empty), every plan with its rules and
 *   selections, the copy jobs of the look-back window, the protected resources;
 * - the own key of each resource mapped to an entity, in the scope that owns it (RDS, EC2, EFS,
 *   DynamoDB, S3, Redshift describe calls; `sourceKeyCalls.ts`), and those keys with their
 *   multi-region relatives among the keys met; the same resources' tags (Tagging API
 *   GetResources with ResourceARNList), which plans' ListOfTags and Conditions select by;
 * - every distinct KMS key met (vault keys, recovery point keys, copy destination keys): one
 *   DescribeKey (not AWS-owned keys of vaults and points: those cannot be described); the aliases of each account × region that owns a met key (ListAliases once per
 *   scope); rotation status and key policy of customer-managed keys not pending deletion;
 * - credentials: one AssumeRole per scanned account.
 * Each list is read with the API's largest page size; an empty list still costs one call.
 */

export const PAGE = {
  backup: 1000,
  kmsAliases: 100,
  organizationsAccounts: 20,
} as const;

export const pages = (items: number, size: number) =>
  Math.max(1, Math.ceil(items / size));

/** The work of one account × region, for the call count and the AWS limit. */
export interface ScopeWork {
  accountId: string;
  region: string;
  /** Calls made within the scope (Backup APIs), by operation. */
  calls: Record<string, number>;
  /** Longest chain of calls that must follow one another (pages, list → get). */
  depth: number;
  /** KMS calls on keys that live in this scope (they share its rate limit). */
  keyCalls: number;
  /** The same KMS calls by operation (their quotas are per operation). */
  keyCallsByOperation: Record<string, number>;
}

export interface MinimumCalls {
  total: number;
  byOperation: Record<string, number>;
  scopes: ScopeWork[];
  /** Organizations chain before any scope can start: AssumeRole + ListAccounts pages. */
  preludeDepth: number;
  accounts: number;
  keysMet: number;
}

const add = (m: Record<string, number>, op: string, n: number) => {
  if (n > 0) m[op] = (m[op] ?? 0) + n;
};

const group = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
};

const KEY_ARN = /^arn:aws[\w-]*:kms:([\w-]+):(\d{12}):key\/.+$/;

/** AWS lists these aliases in every account × region even before their key exists. */
const PREDEFINED_ALIASES = [
  'alias/aws/dynamodb',
  'alias/aws/elasticfilesystem',
  'alias/aws/redshift',
  'alias/aws/s3',
];

export function minimumCalls(
  estate: Estate,
  derived: DerivedBackups,
  opts: {
    copyJobsSince: Date;
    /** The resources the catalog maps to entities (all of them when absent). */
    mappedArns?: ReadonlySet<string>;
  },
): MinimumCalls {
  const byOperation: Record<string, number> = {};
  const accounts = estate.accounts.filter(
    a => a.inOrganization && a.status === 'ACTIVE',
  );
  const scanned = new Set(accounts.map(a => a.id));

  // Organizations (management account) and global settings.
  const listAccountsPages = pages(
    estate.accounts.filter(a => a.inOrganization).length,
    PAGE.organizationsAccounts,
  );
  add(byOperation, 'organizations:DescribeOrganization', 1);
  add(byOperation, 'organizations:ListAccounts', listAccountsPages);
  add(byOperation, 'backup:DescribeGlobalSettings', 1);
  add(byOperation, 'sts:AssumeRole', accounts.length);

  const vaultsByScope = group(estate.vaults, v => `${v.accountId}|${v.region}`);
  const plansByScope = group(estate.plans, p => `${p.accountId}|${p.region}`);
  const pointsByVault = group(derived.recoveryPoints, p => p.backupVaultArn);
  const since = opts.copyJobsSince.toISOString();
  const jobsByScope = group(
    derived.copyJobs.filter(j => j.creationDate >= since),
    j => `${j.accountId}|${j.region}`,
  );
  const protectedByScope = group(
    derived.protectedResources,
    r => `${r.accountId}|${r.region}`,
  );
  const restoreAccessOf = group(
    estate.vaults.filter(v => v.sourceBackupVaultArn),
    v => v.sourceBackupVaultArn!,
  );

  const source = sourceKeyCalls(estate, derived, {
    scanned,
    mappedArns: opts.mappedArns,
  });
  const keysMet = new Set<string>(source.keys);
  const scopes: ScopeWork[] = [];
  for (const account of accounts) {
    for (const region of estate.regions) {
      const key = `${account.id}|${region}`;
      const calls: Record<string, number> = {};
      const vaults: SimVault[] = vaultsByScope.get(key) ?? [];
      const vaultPages = pages(vaults.length, PAGE.backup);
      add(calls, 'backup:ListBackupVaults', vaultPages);
      let vaultDepth = 0;
      for (const v of vaults) {
        // AWS-owned keys cannot be described (they live in AWS's accounts).
        if (v.encryptionKeyType !== 'AWS_OWNED_KMS_KEY')
          keysMet.add(v.encryptionKeyArn);
        add(calls, 'backup:GetBackupVaultAccessPolicy', 1);
        let chain = 1;
        if (v.type !== 'BACKUP_VAULT') {
          add(calls, 'backup:DescribeBackupVault', 1);
        }
        if (v.type === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT') {
          const n = pages(restoreAccessOf.get(v.arn)?.length ?? 0, PAGE.backup);
          add(calls, 'backup:ListRestoreAccessBackupVaults', n);
          chain = Math.max(chain, n);
        }
        const points = pointsByVault.get(v.arn) ?? [];
        for (const p of points)
          if (p.encryptionKeyArn && p.encryptionKeyType !== 'AWS_OWNED_KMS_KEY')
            keysMet.add(p.encryptionKeyArn);
        const pointPages = pages(points.length, PAGE.backup);
        add(calls, 'backup:ListRecoveryPointsByBackupVault', pointPages);
        chain = Math.max(chain, pointPages);
        vaultDepth = Math.max(vaultDepth, chain);
      }

      const plans = plansByScope.get(key) ?? [];
      const planPages = pages(plans.length, PAGE.backup);
      add(calls, 'backup:ListBackupPlans', planPages);
      let planDepth = 0;
      for (const p of plans) {
        add(calls, 'backup:GetBackupPlan', 1);
        const selectionPages = pages(p.selections.length, PAGE.backup);
        add(calls, 'backup:ListBackupSelections', selectionPages);
        add(calls, 'backup:GetBackupSelection', p.selections.length);
        planDepth = Math.max(
          planDepth,
          1,
          selectionPages + (p.selections.length > 0 ? 1 : 0),
        );
      }

      const jobs = jobsByScope.get(key) ?? [];
      for (const j of jobs)
        if (j.destinationEncryptionKeyArn)
          keysMet.add(j.destinationEncryptionKeyArn);
      const jobPages = pages(jobs.length, PAGE.backup);
      add(calls, 'backup:ListCopyJobs', jobPages);
      const protectedPages = pages(
        protectedByScope.get(key)?.length ?? 0,
        PAGE.backup,
      );
      add(calls, 'backup:ListProtectedResources', protectedPages);
      // A6: the Region's opt-in and management preferences, one call.
      add(calls, 'backup:DescribeRegionSettings', 1);
      const sourceCalls = source.callsByScope.get(key) ?? {};
      for (const [op, n] of Object.entries(sourceCalls)) add(calls, op, n);

      for (const [op, n] of Object.entries(calls)) add(byOperation, op, n);
      scopes.push({
        accountId: account.id,
        region,
        calls,
        depth: Math.max(
          vaultPages + vaultDepth,
          planPages + planDepth,
          jobPages,
          protectedPages,
          1,
          // Each filtered source read is one page; they run side by side.
          Object.keys(sourceCalls).length > 0 ? 1 : 0,
        ),
        keyCalls: 0,
        keyCallsByOperation: {},
      });
    }
  }

  // KMS: each distinct key once; aliases once per owning scope; rotation + policy for CMKs.
  const scopeIndex = new Map(
    scopes.map(s => [`${s.accountId}|${s.region}`, s]),
  );
  const keysByArn = new Map(estate.keys.map(k => [k.arn, k]));
  const aliasScopes = new Set<string>();
  for (const arn of keysMet) {
    const m = KEY_ARN.exec(arn);
    if (!m) continue;
    const [, region, accountId] = m;
    const own = scopeIndex.get(`${accountId}|${region}`);
    const ops: Record<string, number> = { 'kms:DescribeKey': 1 };
    const model = keysByArn.get(arn);
    if (
      model?.keyManager === 'CUSTOMER' &&
      model.keyState !== 'PendingDeletion'
    ) {
      ops['kms:GetKeyRotationStatus'] = 1;
      ops['kms:GetKeyPolicy'] = 1;
    }
    if (own && scanned.has(accountId)) {
      const scope = `${accountId}|${region}`;
      if (!aliasScopes.has(scope)) {
        aliasScopes.add(scope);
        const names = new Set(
          estate.keys
            .filter(k => k.accountId === accountId && k.region === region)
            .flatMap(k => k.aliases),
        );
        for (const a of PREDEFINED_ALIASES) names.add(a);
        ops['kms:ListAliases'] = pages(names.size, PAGE.kmsAliases);
      }
    }
    for (const [op, n] of Object.entries(ops)) {
      add(byOperation, op, n);
      if (own && scanned.has(accountId)) {
        own.keyCalls += n;
        add(own.keyCallsByOperation, op, n);
      }
    }
  }

  const total = Object.values(byOperation).reduce((a, b) => a + b, 0);
  return {
    total,
    byOperation,
    scopes,
    preludeDepth: 1 + listAccountsPages,
    accounts: accounts.length,
    keysMet: keysMet.size,
  };
}
