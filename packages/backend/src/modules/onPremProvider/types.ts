/**
 * The example provider's own shapes: an on-premises backup appliance (one per site) that keeps
 * backup jobs, each writing encrypted or plain copies with a key from the site's key manager.
 */

/** One backup job as the appliance's API describes it. */
export interface OnPremJob {
  /** Unique on its site. */
  name: string;
  /** Whether the job's backup data is encrypted at rest. */
  encrypted: boolean;
  /** The key the appliance encrypts with (its key manager's id); absent when not encrypted. */
  keyId?: string;
  /** Where the job copies its backups (another site), if anywhere. */
  copyToSite?: string;
  lastSuccessAt?: string;
}

/** What the appliance of a site answers; the example's stand-in for a vendor SDK. */
export interface OnPremApplianceClient {
  /** The sites to scan (their appliances), e.g. from the module's configuration. */
  listSites(): Promise<string[]>;
  /** Every backup job of the site; rejects when the appliance cannot be read. */
  listJobs(site: string, signal: AbortSignal): Promise<OnPremJob[]>;
}

/** What a scan stores per site: the provider's snapshot. */
export interface OnPremSiteSnapshot {
  collectedAt: string;
  jobs: OnPremJob[];
}

/** An entity's annotation: the jobs that back it up, as `site/job`. */
export interface OnPremMapping {
  jobs: Array<{ site: string; name: string }>;
}

/**
 * The entity's part of the `onprem` cloud (`EntityInventory.clouds.onprem`): each mapped job,
 * found or not on its site's last good snapshot. What the module's checks read.
 */
export interface OnPremSlice {
  jobs: Array<{ site: string; name: string; job?: OnPremJob }>;
}

/** The cloud id the example provider registers (scopes, checks, report filter). */
export const ONPREM_CLOUD = 'onprem';

/** The entity annotation the example provider reads. */
export const ANNOTATION_ONPREM_JOBS = 'backup-posture.example.com/onprem-jobs';
