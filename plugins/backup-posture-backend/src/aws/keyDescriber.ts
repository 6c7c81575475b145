import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  paginateListAliases,
} from '@aws-sdk/client-kms';
import { AwsKmsKeyFact } from '@backup-posture/plugin-backup-posture-common';
import { ScopeClients } from './clients';
import { Scope, scopeKey, toFactError } from './types';

const KEY_ARN = /^arn:(aws[\w-]*):kms:([\w-]+):(\d{12}):key\/(.+)$/;

export function parseKeyArn(arn: string) {
  const m = KEY_ARN.exec(arn);
  return m ? { region: m[2], accountId: m[3], keyId: m[4] } : undefined;
}

/**
 * Describes each distinct KMS key once per scan (DescribeKey, ListAliases per account × region,
 * and for customer-managed keys GetKeyRotationStatus and GetKeyPolicy). Create one per scan.
 */
export class KeyDescriber {
  private readonly keys = new Map<string, Promise<AwsKmsKeyFact>>();
  private readonly aliases = new Map<string, Promise<Map<string, string[]>>>();

  constructor(
    private readonly clientsFor: (scope: Scope) => Promise<ScopeClients>,
    private readonly scannedAccounts: Set<string>,
  ) {}

  /** `via` is the scope that met the key: used when the key's own account is not scanned. */
  describe(keyArn: string, via: Scope): Promise<AwsKmsKeyFact> {
    let fact = this.keys.get(keyArn);
    if (!fact) {
      fact = this.read(keyArn, via);
      this.keys.set(keyArn, fact);
    }
    return fact;
  }

  /**
   * Describes a resource's own key and, for a multi-region key, its primary and replicas in every
   * region (so the engine can name an unused replica in a copy's destination region, rule A4).
   */
  async describeWithRelatives(
    keyArn: string,
    via: Scope,
  ): Promise<AwsKmsKeyFact[]> {
    const fact = await this.describe(keyArn, via);
    const relatives = [
      ...(fact.primaryKeyArn ? [fact.primaryKeyArn] : []),
      ...(fact.replicaKeyArns ?? []),
    ].filter(arn => arn && arn !== keyArn);
    const described = await Promise.all(
      [...new Set(relatives)].map(arn => this.describe(arn, via)),
    );
    return [fact, ...described];
  }

  /**
   * The key ARN an alias (name or ARN, e.g. an S3 bucket's `alias/aws/s3`) points at in one
   * account × region, from the scope's ListAliases; undefined when no key is behind it.
   */
  async keyArnOfAlias(
    alias: string,
    scope: Scope,
  ): Promise<string | undefined> {
    const name = alias.replace(/^arn:aws[\w-]*:kms:[\w-]+:\d{12}:/, '');
    for (const [keyId, names] of await this.aliasesOf(scope)) {
      if (names.includes(name))
        return `arn:aws:kms:${scope.region}:${scope.accountId}:key/${keyId}`;
    }
    return undefined;
  }

  get describedCount() {
    return this.keys.size;
  }

  private async read(keyArn: string, via: Scope): Promise<AwsKmsKeyFact> {
    const parsed = parseKeyArn(keyArn);
    const base: AwsKmsKeyFact = {
      arn: keyArn,
      keyId: parsed?.keyId ?? keyArn,
      accountId: parsed?.accountId ?? via.accountId,
      region: parsed?.region ?? via.region,
      aliases: [],
    };
    if (!parsed) {
      return {
        ...base,
        error: {
          name: 'InvalidKeyArn',
          message: `Not a KMS key ARN: ${keyArn}`,
        },
      };
    }
    const own = this.scannedAccounts.has(parsed.accountId);
    const scope = {
      accountId: own ? parsed.accountId : via.accountId,
      region: parsed.region,
    };
    try {
      const { kms } = await this.clientsFor(scope);
      const { KeyMetadata: m } = await kms.send(
        new DescribeKeyCommand({ KeyId: keyArn }),
      );
      const fact: AwsKmsKeyFact = {
        ...base,
        keyManager: m?.KeyManager as AwsKmsKeyFact['keyManager'],
        keyState: m?.KeyState,
        enabled: m?.Enabled,
        keySpec: m?.KeySpec,
        origin: m?.Origin,
        multiRegion: m?.MultiRegion,
        multiRegionKeyType: m?.MultiRegionConfiguration?.MultiRegionKeyType as
          'PRIMARY' | 'REPLICA' | undefined,
        primaryKeyArn: m?.MultiRegionConfiguration?.PrimaryKey?.Arn,
        replicaKeyArns: m?.MultiRegionConfiguration?.ReplicaKeys?.map(
          r => r.Arn ?? '',
        ),
      };
      if (own) {
        fact.aliases = (await this.aliasesOf(scope)).get(base.keyId) ?? [];
      }
      if (m?.KeyManager === 'CUSTOMER' && m.KeyState !== 'PendingDeletion') {
        const rotation = await kms.send(
          new GetKeyRotationStatusCommand({ KeyId: keyArn }),
        );
        fact.rotationEnabled = rotation.KeyRotationEnabled;
        const policy = await kms.send(
          new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }),
        );
        fact.policy = policy.Policy;
      }
      for (const k of Object.keys(fact) as Array<keyof AwsKmsKeyFact>) {
        if (fact[k] === undefined) delete fact[k];
      }
      return fact;
    } catch (e) {
      return { ...base, error: toFactError(e) };
    }
  }

  /** All alias names of one account × region, by target key id (one paginated call per scope). */
  private aliasesOf(scope: Scope) {
    const key = scopeKey(scope);
    let aliases = this.aliases.get(key);
    if (!aliases) {
      aliases = (async () => {
        const { kms } = await this.clientsFor(scope);
        const byKey = new Map<string, string[]>();
        for await (const page of paginateListAliases(
          { client: kms, pageSize: 100 },
          { Limit: 100 },
        )) {
          for (const a of page.Aliases ?? []) {
            if (!a.TargetKeyId || !a.AliasName) continue;
            byKey.set(a.TargetKeyId, [
              ...(byKey.get(a.TargetKeyId) ?? []),
              a.AliasName,
            ]);
          }
        }
        return byKey;
      })();
      this.aliases.set(key, aliases);
    }
    return aliases;
  }
}
