import {
  AzureKeyFact,
  parseKeyUri,
} from '@backup-posture/plugin-backup-posture-common';
import { AzureClientFactory } from './AzureClientFactory';
import { toKeyFact } from './mapFacts';
import { toAzureFactError } from './types';

/** Key vault hosts of the Azure public cloud; a key URI elsewhere is never called. */
const KEY_VAULT_HOST = /^[a-z0-9-]{3,24}\.vault\.azure\.net$/i;

/**
 * Reads the key behind a vault's key URI: the pinned version, or the current one for a versionless
 * URI (what auto-rotation follows, Z5), plus its rotation policy. Never throws: a failure is the
 * fact's `error`.
 */
export async function readKey(
  keyUri: string,
  clients: AzureClientFactory,
): Promise<AzureKeyFact> {
  const parts = parseKeyUri(keyUri);
  const host = parts ? new URL(keyUri).host : '';
  if (!parts || !KEY_VAULT_HOST.test(host)) {
    return {
      keyUri,
      keyVaultName: parts?.keyVaultName ?? '',
      keyName: parts?.keyName ?? '',
      error: {
        name: 'InvalidKeyUri',
        message: `'${keyUri}' is not a Key Vault key URI (https://<vault>.vault.azure.net/keys/<name>[/<version>]); it was not read`,
      },
    };
  }
  const client = clients.keys(`https://${host}`);
  try {
    const key = await client.getKey(
      parts.keyName,
      parts.version ? { version: parts.version } : {},
    );
    try {
      const policy = await client.getKeyRotationPolicy(parts.keyName);
      return toKeyFact(keyUri, parts, key, policy, true);
    } catch (e) {
      // A key without a policy answers 404; the key itself was read.
      const status = (e as { statusCode?: number }).statusCode;
      return toKeyFact(keyUri, parts, key, undefined, status === 404);
    }
  } catch (e) {
    return {
      keyUri,
      keyVaultName: parts.keyVaultName,
      keyName: parts.keyName,
      ...(parts.version ? { pinnedVersion: parts.version } : {}),
      error: toAzureFactError(e),
    };
  }
}
