import { SeededRandom } from './random';
import { customerKeyPolicy } from './keyPolicies';
import { SimKmsKey } from './types';

export interface CmkOptions {
  alias: string;
  description?: string;
  /** Accounts whose roots the key policy lets use the key (rules B4, A3). */
  allowAccounts?: string[];
  rotationEnabled?: boolean;
  keyState?: SimKmsKey['keyState'];
  /** Makes the key a multi-region primary with `mrk-` replicas in these regions. */
  replicaRegions?: string[];
  /** Let AWS Backup use the key (default true); false reproduces a policy that forgets it (A3). */
  allowBackupService?: boolean;
}

/**
 * A customer managed key, and its `mrk-` replicas when it is multi-region: the primary first,
 * then one replica per region, in order. Ids come from `rng`.
 */
export function customerManagedKeys(
  rng: SeededRandom,
  accountId: string,
  region: string,
  opts: CmkOptions,
  creationDate: string,
): SimKmsKey[] {
  const multiRegion = (opts.replicaRegions ?? []).length > 0;
  const keyId = multiRegion ? `mrk-${rng.hex(32)}` : rng.uuid();
  const arnIn = (r: string) => `arn:aws:kms:${r}:${accountId}:key/${keyId}`;
  const policy = customerKeyPolicy(
    accountId,
    opts.allowAccounts ?? [],
    opts.allowBackupService ?? true,
  );
  const base = {
    keyId,
    accountId,
    keyManager: 'CUSTOMER' as const,
    description: opts.description ?? `${opts.alias.replace('alias/', '')} key`,
    keyState: opts.keyState ?? 'Enabled',
    rotationEnabled: opts.rotationEnabled ?? true,
    rotationPeriodInDays: 365,
    policy,
    creationDate,
  };
  const primary: SimKmsKey = {
    ...base,
    arn: arnIn(region),
    region,
    aliases: [opts.alias],
    multiRegion: multiRegion
      ? {
          type: 'PRIMARY',
          primaryArn: arnIn(region),
          replicaArns: opts.replicaRegions!.map(arnIn),
        }
      : undefined,
  };
  const keys = [primary];
  for (const replicaRegion of opts.replicaRegions ?? []) {
    keys.push({
      ...base,
      arn: arnIn(replicaRegion),
      region: replicaRegion,
      aliases: [`${opts.alias}-replica`],
      multiRegion: {
        type: 'REPLICA',
        primaryArn: primary.arn,
        replicaArns: opts.replicaRegions!.map(arnIn),
      },
    });
  }
  return keys;
}
