import { NotFoundError } from '@backstage/errors';
import { KeyDescriber } from '../keyDescriber';
import { ScopeSnapshot, toFactError } from '../types';
import { isKeyAlias } from './sourceRef';

/**
 * Replaces a resource key given as an alias (S3 accepts one, and SSE-KMS without a key id means
 * `alias/aws/s3`) with the key ARN behind it, from the scope's ListAliases; an alias with no key
 * behind it, or aliases that cannot be listed, become the resource's `encryptionKeyError`.
 */
export async function resolveSourceKeyAliases(
  snapshot: ScopeSnapshot,
  keys: KeyDescriber,
): Promise<void> {
  const scope = { accountId: snapshot.accountId, region: snapshot.region };
  for (const r of snapshot.resources) {
    const alias = r.encryptionKeyArn;
    if (!alias || !isKeyAlias(alias)) continue;
    delete r.encryptionKeyArn;
    try {
      const arn = await keys.keyArnOfAlias(alias, scope);
      if (arn) r.encryptionKeyArn = arn;
      else
        r.encryptionKeyError = toFactError(
          new NotFoundError(
            `${alias} points at no key in ${scope.accountId}/${scope.region}`,
          ),
        );
    } catch (e) {
      r.encryptionKeyError = toFactError(e);
    }
  }
}
