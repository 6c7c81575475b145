/**
 * Key Vault's key bundles (attributes, a stand-in public key) and rotation policies, as
 * `@azure/keyvault-keys` reads them.
 */
import { createHash } from 'node:crypto';
import { recoveryLevel } from '../model';
import { SimKeyVault, SimKeyVaultKey, SimKeyVersion } from '../types';

const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** A deterministic stand-in for the RSA modulus: the right length, never a real key. */
function fakeModulus(seed: string, bits: number): string {
  const out: Buffer[] = [];
  let h = seed;
  while (out.length * 32 < bits / 8) {
    h = createHash('sha256').update(h).digest('hex');
    out.push(Buffer.from(h, 'hex'));
  }
  const n = Buffer.concat(out).subarray(0, bits / 8);
  n[0] |= 0x80; // the top bit of a modulus is set
  return n.toString('base64url');
}

export function renderKeyBundle(
  kv: SimKeyVault,
  key: SimKeyVaultKey,
  v: SimKeyVersion,
) {
  const kid = `https://${kv.name}.vault.azure.net/keys/${key.name}/${v.version}`;
  const rsa = v.kty.startsWith('RSA');
  return {
    key: rsa
      ? {
          kid,
          kty: v.kty,
          key_ops: [
            'encrypt',
            'decrypt',
            'sign',
            'verify',
            'wrapKey',
            'unwrapKey',
          ],
          n: fakeModulus(kid, v.size ?? 2048),
          e: 'AQAB',
        }
      : {
          kid,
          kty: v.kty,
          key_ops: ['sign', 'verify'],
          crv: 'P-256',
          x: fakeModulus(`${kid}x`, 256),
          y: fakeModulus(`${kid}y`, 256),
        },
    attributes: {
      enabled: v.enabled,
      ...(v.notBefore ? { nbf: epoch(v.notBefore) } : {}),
      ...(v.expires ? { exp: epoch(v.expires) } : {}),
      created: epoch(v.created),
      updated: epoch(v.created),
      recoveryLevel: recoveryLevel(kv),
      ...(kv.enableSoftDelete
        ? { recoverableDays: kv.softDeleteRetentionInDays }
        : {}),
      exportable: false,
    },
    tags: {},
  };
}

export function renderRotationPolicy(kv: SimKeyVault, key: SimKeyVaultKey) {
  const id = `https://${kv.name}.vault.azure.net/keys/${key.name}/rotationpolicy`;
  const p = key.rotationPolicy;
  // A key whose policy was never set answers an empty policy (no actions, no attributes).
  if (!p) return { id, lifetimeActions: [], attributes: {} };
  const lifetimeActions: unknown[] = [];
  if (p.rotateAfterCreate)
    lifetimeActions.push({
      trigger: { timeAfterCreate: p.rotateAfterCreate },
      action: { type: 'Rotate' },
    });
  if (p.rotateBeforeExpiry)
    lifetimeActions.push({
      trigger: { timeBeforeExpiry: p.rotateBeforeExpiry },
      action: { type: 'Rotate' },
    });
  if (p.notifyBeforeExpiry)
    lifetimeActions.push({
      trigger: { timeBeforeExpiry: p.notifyBeforeExpiry },
      action: { type: 'Notify' },
    });
  return {
    id,
    lifetimeActions,
    attributes: {
      ...(p.expiryTime ? { expiryTime: p.expiryTime } : {}),
      created: epoch(p.created),
      updated: epoch(p.updated),
    },
  };
}
