import { CmkOptions, customerManagedKeys } from './customerKeys';
import { PlanRuleSpec, PlanSelectionSpec, newBackupPlan } from './backupPlans';
import { awsManagedKeyPolicy } from './keyPolicies';
import { SeededRandom, daysBefore } from './random';
import { resourceArn } from './resourceTypes';
import {
  Estate,
  PolicyDocument,
  ResourceType,
  SimAccount,
  SimBackupPlan,
  SimKmsKey,
  SimResource,
  SimStartedCopyJobs,
  SimVault,
} from './types';

export type { CmkOptions };

export const DEFAULT_ROLE = 'BackupPostureReadOnly';
/** Stand-in for the AWS service account that holds AWS-owned keys (LAG vaults without a CMK). */
export const AWS_OWNED_KEY_ACCOUNT = '868404374520';
export const AWS_MANAGED_ALIASES = [
  'alias/aws/backup',
  'alias/aws/rds',
  'alias/aws/ebs',
] as const;

export interface VaultOptions {
  type?: SimVault['type'];
  /** A key ARN, or the AWS-managed `aws/backup` key, or an AWS-owned key (LAG vaults). */
  key?: string | 'aws/backup' | 'aws-owned';
  lock?: SimVault['lock'];
  accessPolicy?: PolicyDocument;
  createdDaysAgo?: number;
}

/**
 * Builds estates with consistent ARNs, ids and AWS-managed keys. Every id comes from the seeded
 * random source, in call order, so a scenario built twice from the same seed is identical.
 */
export class EstateBuilder {
  readonly rng: SeededRandom;
  readonly estate: Estate;
  private readonly managedKeyIndex = new Map<string, string>();
  private readonly vaultIndex = new Map<string, number>();

  constructor(opts: {
    name: string;
    seed: number;
    now: string;
    organizationId: string;
    managementAccountId: string;
    managementAccountEmail: string;
    regions: string[];
  }) {
    this.rng = new SeededRandom(opts.seed);
    this.estate = {
      name: opts.name,
      seed: opts.seed,
      now: opts.now,
      organization: {
        id: opts.organizationId,
        arn: `arn:aws:organizations::${opts.managementAccountId}:organization/${opts.organizationId}`,
        managementAccountId: opts.managementAccountId,
        managementAccountEmail: opts.managementAccountEmail,
        rootId: `r-${this.rng.hex(4)}`,
        organizationalUnits: [],
      },
      accounts: [],
      regions: opts.regions,
      keys: [],
      resources: [],
      vaults: [],
      plans: [],
      globalSettings: {
        isCrossAccountBackupEnabled: true,
        isMpaEnabled: false,
        lastUpdateTime: daysBefore(opts.now, 400),
      },
      manualRecoveryPoints: [],
    };
  }

  get now(): string {
    return this.estate.now;
  }

  ago(days: number): string {
    return daysBefore(this.estate.now, days);
  }

  account(
    id: string,
    name: string,
    opts: { inOrganization?: boolean; ou?: string } = {},
  ): SimAccount {
    const account: SimAccount = {
      id,
      name,
      email: `aws+${name}@example.com`,
      inOrganization: opts.inOrganization ?? true,
      status: 'ACTIVE',
      joinedAt: this.ago(900 - this.estate.accounts.length),
      assumableRoles: [DEFAULT_ROLE],
    };
    this.estate.accounts.push(account);
    if (opts.ou) {
      let ou = this.estate.organization.organizationalUnits.find(
        o => o.name === opts.ou,
      );
      if (!ou) {
        ou = {
          id: `ou-${this.estate.organization.rootId.slice(2)}-${this.rng.hex(8)}`,
          name: opts.ou,
          accountIds: [],
        };
        this.estate.organization.organizationalUnits.push(ou);
      }
      ou.accountIds.push(id);
    }
    for (const region of this.estate.regions) {
      this.managedKeys(id, region);
      this.vault(id, region, 'Default', {
        key: 'aws/backup',
        createdDaysAgo: 700,
      });
    }
    return account;
  }

  private managedKeys(accountId: string, region: string) {
    for (const alias of AWS_MANAGED_ALIASES) {
      const keyId = this.rng.uuid();
      this.estate.keys.push({
        keyId,
        arn: `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
        accountId,
        region,
        keyManager: 'AWS',
        description: `Default key that protects my ${alias.split('/')[2].toUpperCase()} data when no other key is defined`,
        aliases: [alias],
        keyState: 'Enabled',
        rotationEnabled: true,
        rotationPeriodInDays: 365,
        policy: awsManagedKeyPolicy(accountId, region, alias),
        creationDate: this.ago(800),
      });
      this.managedKeyIndex.set(
        `${accountId}|${region}|${alias}`,
        `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
      );
    }
  }

  managedKeyArn(accountId: string, region: string, alias: string): string {
    const arn = this.managedKeyIndex.get(`${accountId}|${region}|${alias}`);
    if (!arn) throw new Error(`no ${alias} key in ${accountId}/${region}`);
    return arn;
  }

  cmk(accountId: string, region: string, opts: CmkOptions): SimKmsKey {
    const keys = customerManagedKeys(
      this.rng,
      accountId,
      region,
      opts,
      this.ago(500),
    );
    this.estate.keys.push(...keys);
    return keys[0];
  }

  resource(
    type: ResourceType,
    accountId: string,
    region: string,
    name: string,
    opts: {
      tags?: Record<string, string>;
      keyArn?: string;
      unencryptedBefore?: string;
    } = {},
  ): SimResource {
    const resource: SimResource = {
      arn: resourceArn(type, accountId, region, name),
      type,
      accountId,
      region,
      name,
      tags: opts.tags ?? {},
      kmsKeyArn: opts.keyArn,
      unencryptedBefore: opts.unencryptedBefore,
    };
    this.estate.resources.push(resource);
    return resource;
  }

  vault(
    accountId: string,
    region: string,
    name: string,
    opts: VaultOptions = {},
  ): SimVault {
    const type = opts.type ?? 'BACKUP_VAULT';
    let encryptionKeyArn: string;
    let encryptionKeyType: SimVault['encryptionKeyType'] =
      'CUSTOMER_MANAGED_KMS_KEY';
    if (!opts.key || opts.key === 'aws/backup') {
      encryptionKeyArn = this.managedKeyArn(
        accountId,
        region,
        'alias/aws/backup',
      );
    } else if (opts.key === 'aws-owned') {
      encryptionKeyArn = `arn:aws:kms:${region}:${AWS_OWNED_KEY_ACCOUNT}:key/${this.rng.uuid()}`;
      encryptionKeyType = 'AWS_OWNED_KMS_KEY';
    } else {
      encryptionKeyArn = opts.key;
    }
    const vault: SimVault = {
      name,
      arn: `arn:aws:backup:${region}:${accountId}:backup-vault:${name}`,
      accountId,
      region,
      type,
      state: 'AVAILABLE',
      encryptionKeyArn,
      encryptionKeyType,
      creationDate: this.ago(opts.createdDaysAgo ?? 400),
      creatorRequestId: name === 'Default' ? undefined : this.rng.uuid(),
      lock:
        opts.lock ??
        (type === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
          ? { mode: 'compliance', minRetentionDays: 7, maxRetentionDays: 3650 }
          : undefined),
      accessPolicy: opts.accessPolicy,
    };
    // Re-declaring a vault (e.g. giving a Default vault a policy) replaces it in place.
    const existing = this.vaultIndex.get(vault.arn);
    if (existing !== undefined) this.estate.vaults[existing] = vault;
    else {
      this.vaultIndex.set(vault.arn, this.estate.vaults.length);
      this.estate.vaults.push(vault);
    }
    return vault;
  }

  /**
   * Copy jobs started outside plans (StartCopyJob) in the source vault's account, e.g. a central
   * account's automation forwarding what arrives in its vault (a plan cannot select them: plans
   * select resources of their own account only).
   */
  startCopyJobs(
    spec: Omit<SimStartedCopyJobs, 'iamRoleArn'> & { iamRoleArn?: string },
  ): SimStartedCopyJobs {
    const sourceAccount = spec.sourceBackupVaultArn.split(':')[4];
    const started: SimStartedCopyJobs = {
      iamRoleArn: `arn:aws:iam::${sourceAccount}:role/service-role/AWSBackupDefaultServiceRole`,
      ...spec,
    };
    (this.estate.startedCopyJobs ??= []).push(started);
    return started;
  }

  plan(
    accountId: string,
    region: string,
    name: string,
    rules: PlanRuleSpec[],
    selections: PlanSelectionSpec[],
  ): SimBackupPlan {
    const plan = newBackupPlan(
      this.rng,
      days => this.ago(days),
      accountId,
      region,
      name,
      rules,
      selections,
    );
    this.estate.plans.push(plan);
    return plan;
  }
}
