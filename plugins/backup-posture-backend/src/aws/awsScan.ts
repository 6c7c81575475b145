import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AwsGlobalSettingsFact,
  AwsKmsKeyFact,
  AwsOrganizationFact,
} from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProviderScan,
  InventoryScanContext,
  InventoryScope,
  ScopeList,
} from '@backup-posture/plugin-backup-posture-node';
import { AwsConfig } from '../config';
import { EntityMapping } from '../mapping/annotations';
import { MappedResources } from '../mapping/mappedResources';
import { runWithSignal } from '../scan/callContext';
import { AwsClientFactory } from './clients';
import { KeyDescriber } from './keyDescriber';
import { discoverOrganization, readGlobalSettings } from './organization';
import { scanScope } from './scopeScanner';
import { resolveSourceKeyAliases } from './sourceKeys/resolveAliases';
import {
  Scope,
  ScopeSnapshot,
  TagSelector,
  tagSelectorKey,
  toFactError,
} from './types';

export const FACT_GLOBAL_SETTINGS = 'globalSettings';
export const FACT_ORGANIZATION = 'organization';

const toScope = (s: InventoryScope): Scope => ({
  accountId: s.account,
  region: s.region,
});

/**
 * One AWS scan: the accounts (configured, and the organization's ACTIVE members), each account ×
 * region read into a snapshot, each KMS key met described once (started while scopes are still
 * read), the AWS Backup global settings of the management account.
 */
export class AwsScan implements InventoryProviderScan<
  ScopeSnapshot,
  AwsKmsKeyFact
> {
  private readonly tagSelectors: TagSelector[];
  private readonly tagKeys: string[];
  private readonly mapped: MappedResources;
  private readonly copyJobsSince: Date;
  private keys = new KeyDescriber(
    s => this.deps.clients.forScope(s),
    new Set(),
  );
  private readonly keyFacts: Array<Promise<AwsKmsKeyFact | AwsKmsKeyFact[]>> =
    [];

  constructor(
    private readonly deps: {
      config: AwsConfig;
      clients: AwsClientFactory;
      logger: LoggerService;
    },
    private readonly context: InventoryScanContext<EntityMapping>,
  ) {
    const selectors = new Map<string, TagSelector>();
    for (const m of context.mappings) {
      if (m.tagSelector && !m.byDefaultConvention)
        selectors.set(JSON.stringify(m.tagSelector), m.tagSelector);
    }
    this.tagSelectors = [...selectors.values()];
    this.tagKeys = deps.config.defaultTagSelector
      ? [deps.config.defaultTagSelector.tagKey]
      : [];
    // Only resources mapped to entities get their own key read (source describe calls).
    this.mapped = new MappedResources(context.mappings);
    this.copyJobsSince = new Date(
      Date.now() - deps.config.copyJobsLookbackDays * 86400_000,
    );
  }

  get concurrency() {
    return this.deps.config.concurrency.scopes;
  }

  /** Configured accounts plus, when enabled, the organization's ACTIVE accounts. */
  async listScopes(): Promise<ScopeList> {
    const { config, clients, logger } = this.deps;
    const accounts = new Map<string, string[]>();
    for (const a of config.accounts)
      accounts.set(a.accountId, a.regions ?? config.regions);
    const addMembers = (ids: readonly string[]) => {
      for (const id of ids) {
        if (
          !config.organization.excludeAccountIds.includes(id) &&
          !accounts.has(id)
        )
          accounts.set(id, config.regions);
      }
    };
    const list: ScopeList = { scopes: [], errors: [] };
    if (config.organization.enabled) {
      try {
        const org = await discoverOrganization(await clients.organizations());
        addMembers(org.memberAccountIds);
        list.facts = { [FACT_ORGANIZATION]: org };
      } catch (e) {
        // Keep scanning the member accounts found last time.
        logger.warn(`Organizations discovery failed: ${e}`);
        const previous = this.context.facts[FACT_ORGANIZATION] as
          AwsOrganizationFact | undefined;
        addMembers(previous?.memberAccountIds ?? []);
        list.errors.push({
          scope: {
            cloud: 'aws',
            account: config.managementAccountId ?? 'main',
            region: 'global',
          },
          error: toFactError(e),
        });
      }
    }
    this.keys = new KeyDescriber(
      s => clients.forScope(s),
      new Set(accounts.keys()),
    );
    list.scopes = [...accounts].flatMap(([account, regions]) =>
      regions.map(region => ({ cloud: 'aws' as const, account, region })),
    );
    return list;
  }

  async scanScope(
    scope: InventoryScope,
    signal: AbortSignal,
  ): Promise<ScopeSnapshot> {
    const awsScope = toScope(scope);
    const snapshot = await runWithSignal(signal, async () => {
      const read = await scanScope(
        awsScope,
        await this.deps.clients.forScope(awsScope),
        {
          tagSelectors: this.tagSelectors,
          tagKeys: this.tagKeys,
          copyJobsSince: this.copyJobsSince,
          mapped: this.mapped,
        },
      );
      await resolveSourceKeyAliases(read, this.keys);
      read.searchedTagSelectors = this.tagSelectors.map(tagSelectorKey);
      return read;
    });
    this.describeKeysOf(snapshot, awsScope);
    return snapshot;
  }

  /** Starts describing the keys a snapshot names, while other scopes are still read. */
  private describeKeysOf(snapshot: ScopeSnapshot, scope: Scope) {
    const keyArns = new Set<string>();
    // AWS-owned keys live in AWS's accounts: DescribeKey on them is refused.
    for (const v of [...snapshot.vaults, ...snapshot.recoveryPoints]) {
      if (v.encryptionKeyArn && v.encryptionKeyType !== 'AWS_OWNED_KMS_KEY')
        keyArns.add(v.encryptionKeyArn);
    }
    for (const j of snapshot.copyJobs) {
      if (j.destinationEncryptionKeyArn)
        keyArns.add(j.destinationEncryptionKeyArn);
    }
    for (const arn of keyArns)
      this.keyFacts.push(this.keys.describe(arn, scope));
    // Source keys with their multi-region relatives (rule A4 names an unused replica).
    for (const r of snapshot.resources) {
      if (r.encryptionKeyArn)
        this.keyFacts.push(
          this.keys.describeWithRelatives(r.encryptionKeyArn, scope),
        );
    }
  }

  async describeKeys(
    _fresh: unknown,
    lastGood: readonly AwsKmsKeyFact[],
  ): Promise<AwsKmsKeyFact[]> {
    const described = (await Promise.all(this.keyFacts)).flat();
    // A key whose read failed names no relatives this time: read the multi-region relatives its
    // last good description named, so they are not left looking fresh unread.
    const seen = new Set(described.map(k => k.arn));
    const last = new Map(lastGood.map(k => [k.arn, k]));
    const relatives = described.flatMap(k => {
      const good = k.error ? last.get(k.arn) : undefined;
      return [good?.primaryKeyArn, ...(good?.replicaKeyArns ?? [])]
        .filter((arn): arn is string => !!arn && !seen.has(arn))
        .map(arn => {
          seen.add(arn);
          return this.keys.describe(arn, {
            accountId: k.accountId,
            region: k.region,
          });
        });
    });
    described.push(...(await Promise.all(relatives)));
    return [...new Map(described.map(k => [k.arn, k])).values()];
  }

  /** The management account's AWS Backup global settings; a failed read keeps the last good. */
  async readSharedFacts(): Promise<Record<string, unknown>> {
    const { config, clients } = this.deps;
    const mgmtAccount = config.managementAccountId;
    if (!mgmtAccount && !config.organization.enabled) return {};
    const region = config.regions[0] ?? 'us-east-1';
    const settings = await readGlobalSettings(
      await clients.managementBackup(region),
      mgmtAccount ?? 'main',
    );
    const previous = this.context.facts[FACT_GLOBAL_SETTINGS] as
      AwsGlobalSettingsFact | undefined;
    return {
      [FACT_GLOBAL_SETTINGS]:
        settings.error && previous && !previous.error ? previous : settings,
    };
  }
}
