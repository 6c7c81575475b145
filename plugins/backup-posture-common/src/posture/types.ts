/**
 * The output of the posture engine: key lineage, check results and scores. Produced by the pure
 * engine in this package and served unchanged by the backend.
 */

/** Rule ids from docs (domain rules A1…Z8). @public */
export type RuleId = string;

/** @public */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * `unknown` means data was missing or access was denied: it is never counted as a pass.
 * `accepted` means a failing or warning result covered by a valid exception.
 *
 * @public
 */
export type CheckStatus =
  'pass' | 'fail' | 'warn' | 'not-applicable' | 'unknown' | 'accepted';

/**
 * A cloud the backend reads: `aws`, `azure`, or the cloud of an inventory provider a backend
 * module adds (lowercase letters, digits and `-`).
 *
 * @public
 */
export type CloudProvider = string;

/** The clouds this plugin ships providers and checks for. @public */
export type BuiltInCloud = 'aws' | 'azure';

/** How to fix a finding. @public */
export interface Remediation {
  /** Why it matters, in plain words. */
  why: string;
  /** Console steps, in order. */
  console: string[];
  /** AWS CLI / az CLI commands. */
  cli?: string;
  /** Terraform snippet. */
  terraform?: string;
}

/**
 * The controls of other tools that test the same thing as a check, with ids and names exactly as
 * their vendors write them (docs/checks.md says which documentation pages they come from). A
 * family left out has no equivalent control: a control that tests something nearby is not listed.
 *
 * @public
 */
export interface EquivalentControls {
  /** AWS Security Hub CSPM control ids, e.g. `Backup.1`, `KMS.3`. */
  securityHub?: string[];
  /**
   * AWS Backup Audit Manager control names (the `ControlName` of `CreateFramework`), e.g.
   * `BACKUP_RECOVERY_POINT_ENCRYPTED`.
   */
  backupAuditManager?: string[];
  /** Azure Policy built-in definitions, by display name, e.g. `[Preview]: Soft delete must be enabled for Recovery Services Vaults.` */
  azurePolicy?: string[];
  /** How far the equivalence goes, when it needs a word: a parameter value, a wider or narrower scope. */
  note?: string;
}

/** A check's static definition (one source of truth for code and docs/checks.md). @public */
export interface CheckDefinition {
  id: string;
  title: string;
  cloud: CloudProvider;
  severity: Severity;
  rules: RuleId[];
  /** What the check evaluates (API fields). */
  description: string;
  remediation: Remediation;
  /**
   * Equivalent controls of AWS Security Hub, AWS Backup Audit Manager and Azure Policy, rendered in
   * docs/checks.md. Every built-in check sets it (`{}` when no vendor control is equivalent), and a
   * test holds them to it; a check from a backend module may leave it out.
   */
  equivalentControls?: EquivalentControls;
}

/** Evidence values are plain data: ARNs, settings, dates. @public */
export type EvidenceValue = string | number | boolean | null | string[];

/** One subject's outcome within a check (a vault, a recovery point, a copy rule...). @public */
export interface Finding {
  /** ARN or id of what was evaluated. */
  subject: string;
  status: CheckStatus;
  message: string;
  evidence: Record<string, EvidenceValue>;
  /** Plain-words explanation of a known AWS/Azure error message, when one was met. */
  explanation?: string;
  exception?: AcceptedException;
  /** An exception that matched but has expired: the finding resurfaced with its own status. */
  expiredException?: AcceptedException;
}

/** @public */
export interface CheckResult {
  checkId: string;
  title: string;
  cloud: CloudProvider;
  severity: Severity;
  rules: RuleId[];
  /** The worst finding status (fail > unknown > warn > accepted > pass > not-applicable). */
  status: CheckStatus;
  summary: string;
  findings: Finding[];
  remediation: Remediation;
}

/** An accepted finding, declared as code. @public */
export interface PostureException {
  checkId: string;
  /** Entity ref the exception applies to. */
  entityRef: string;
  /** Optional subject (ARN) to narrow the exception; all subjects when absent. */
  subject?: string;
  justification: string;
  approver: string;
  /** ISO date; after it the finding resurfaces. */
  expiresAt: string;
}

/** @public */
export interface AcceptedException {
  justification: string;
  approver: string;
  expiresAt: string;
}

/** Who manages a key. @public */
export type KeyManagerKind =
  | 'customer'
  | 'aws-managed'
  | 'aws-owned'
  /** Azure platform-managed keys (PMK), the Azure Backup default. */
  | 'platform-managed'
  | 'unknown';

/** One key in a lineage chain. @public */
export interface LineageKey {
  /** Key ARN (or Azure key URI); absent when unknown. */
  keyArn?: string;
  alias?: string;
  manager: KeyManagerKind;
  keyState?: string;
  multiRegion?: boolean;
  /** True when the key was not read from the resource but inferred by rule A1 from its primary point. */
  inferred?: boolean;
  /** Azure: the key vault holding the key, and where it is (rule Z1: same region as the vault). */
  keyVault?: { name: string; location?: string };
  /** Azure: the key version the vault's key URI pins (rule Z5); absent for a versionless URI. */
  pinnedVersion?: string;
  /**
   * This scan's read of the key (KMS `DescribeKey`, Key Vault get key) failed, as
   * `Name: message`: with `lastReadAt`, what is shown of the key comes from that older good read;
   * without, the key was never read.
   */
  readError?: string;
  /** When `readError` is set: the last good read of the key, whose description is shown. */
  lastReadAt?: string;
}

/** @public */
export type LineageLinkKind = 'source' | 'primary' | 'copy';

/**
 * How data reached a lineage node from its parent: the backup rule that made the primary point, the
 * copy action of a rule, or a copy job AWS recorded (also one started outside any plan, e.g. a
 * second hop from a central account). @public
 */
export interface LineageEdge {
  kind: 'backup-rule' | 'copy-action' | 'copy-job';
  /** Plan and rule name (`plan / rule`), or the copy job id. */
  label: string;
  /** State of the newest copy job along this edge, when one was seen. */
  state?: string;
}

/**
 * A node of a lineage graph: where a copy of the data lives (the source resource, or a vault in an
 * account and region) and which key protects it. Nodes form a tree rooted at the source: every
 * node but the source names its parent. @public
 */
export interface LineageLink {
  /** Stable id of the node within its chain (`source`, or the vault ARN / id). */
  id: string;
  /** The node the data was copied from; absent for the source. */
  parentId?: string;
  /** How the data got here from the parent. */
  via?: LineageEdge;
  /** Copy hops from the source: 0 for the source, 1 for a primary vault, 2+ for copies. */
  depth: number;
  kind: LineageLinkKind;
  cloud: CloudProvider;
  account: string;
  region: string;
  /** Vault ARN / id (absent for the source resource). */
  vaultArn?: string;
  vaultName?: string;
  vaultType?: string;
  /** The key the configuration predicts (rules A1, A4, B4, B5). */
  expectedKey?: LineageKey;
  /** The key the newest recovery point shows. */
  observedKey?: LineageKey;
  /** Newest recovery point here, if any. */
  recoveryPointArn?: string;
  recoveryPointCreatedAt?: string;
  /** Where the observed source key was read from (e.g. `rds:DescribeDBClusters`). */
  keySource?: string;
  /** Why the observed key is not known (e.g. the describe call was denied). */
  keyUnknownReason?: string;
  /** B4: this copy cannot happen as configured (a source-dependent type on an AWS-managed key). */
  blocked?: boolean;
  /** Copy rule / job status that produced this link. */
  copyState?: 'configured' | 'completed' | 'failed' | 'missing';
  copyStatusMessage?: string;
  /** Problems on this link, e.g. `expected a customer-managed key, got aws/rds`. */
  issues: Array<{ rule: RuleId; message: string }>;
}

/**
 * The lineage graph of one protected resource: `links` are its nodes, in depth order (the source
 * first), each copy naming the node it was copied from. @public
 */
export interface LineageChain {
  resourceArn: string;
  resourceType: string;
  /** A1: independent (vault key) or source-dependent (source key). */
  encryptionModel: 'independent' | 'source-dependent' | 'unknown';
  /**
   * A6: why the model is what it is where a region setting decides it (DynamoDB follows
   * `ResourceTypeManagementPreference` of its account × region), or why it is unknown.
   */
  encryptionModelReason?: string;
  links: LineageLink[];
}

/** @public */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** @public */
export interface PostureScore {
  /** 0–100; `null` when nothing could be evaluated. */
  score: number | null;
  grade: Grade | null;
  counts: Record<CheckStatus, number>;
  /** Severity-weighted points earned (for exact roll-ups; see docs/checks.md). */
  earned?: number;
  /** Severity-weighted points possible among evaluated checks. */
  possible?: number;
}

/** @public */
export interface PostureEvaluation {
  entityRef: string;
  evaluatedAt: string;
  /**
   * Until when (exclusive) evaluating the same inventory with the same options gives the same
   * verdicts, reasons and evidence: the earliest instant at which a comparison with the clock
   * (a point's age, a copy job's window, a key's or an exception's expiry) turns. Absent: never.
   */
  validUntil?: string;
  lineage: LineageChain[];
  checks: CheckResult[];
  score: PostureScore;
}
