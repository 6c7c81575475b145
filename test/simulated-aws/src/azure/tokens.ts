/**
 * Access tokens of the simulated Entra ID: JWT-shaped (so clients that peek into them work),
 * HMAC-signed with a per-simulator secret so that ARM and Key Vault can tell a token they issued
 * from a forged or altered one, and which audience and client it was issued for.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** Audience: `https://management.azure.com` or `https://vault.azure.net`. */
  aud: string;
  /** Tenant id. */
  tid: string;
  /** The client (application) id. */
  appid: string;
  /** The service principal's object id. */
  oid: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
}

const b64 = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenIssuer {
  private secret = randomBytes(32);

  /**
   * A new signing secret, as after the identity endpoint's restart (or a key rollover): every
   * token issued before is refused from now on (`InvalidAuthenticationToken`, Key Vault
   * `AKV10032`), and clients must fetch a new one.
   */
  rotate(): void {
    this.secret = randomBytes(32);
  }

  issue(claims: TokenClaims): string {
    const body = `${b64({ typ: 'JWT', alg: 'HS256', kid: 'sim' })}.${b64(claims)}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The claims of a token this issuer signed, or undefined when it is not one (forged, altered). */
  verify(token: string): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const actual = Buffer.from(parts[2]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
      return undefined;
    try {
      return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** `https://management.azure.com/` and `https://management.azure.com` name the same audience. */
export function sameAudience(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
