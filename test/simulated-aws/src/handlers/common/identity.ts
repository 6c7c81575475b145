import { Estate } from '../../model/types';
import { DEFAULT_ROLE } from '../../model/builder';

export interface CallerIdentity {
  accountId: string;
  principalArn: string;
  userId: string;
  accessKeyId: string;
}

interface SessionClaims {
  a: string;
  r: string;
  s: string;
}

/** The session token the simulated AssumeRole hands out; it carries the role and session name. */
export function encodeSessionToken(claims: {
  accountId: string;
  roleName: string;
  sessionName: string;
}): string {
  const payload: SessionClaims = {
    a: claims.accountId,
    r: claims.roleName,
    s: claims.sessionName,
  };
  return `SIMSESSION${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
}

function decodeSessionToken(token: string | null): SessionClaims | undefined {
  if (!token?.startsWith('SIMSESSION')) return undefined;
  try {
    return JSON.parse(
      Buffer.from(token.slice(10), 'base64url').toString('utf8'),
    );
  } catch {
    return undefined;
  }
}

/**
 * Who is calling. Long-term keys `AKIASIM<account>` act as an IAM user of that account (the demo's
 * main key AKIASIM111111111111 is the management account); session keys `ASIASIM<account>…`
 * from the simulated AssumeRole act as the assumed role. Unknown keys are rejected, as AWS does.
 */
export function resolveCaller(
  estate: Estate,
  accessKeyId: string,
  sessionToken: string | null,
  extraKeys: ReadonlyMap<string, string>,
): CallerIdentity | undefined {
  const known = (id: string) => estate.accounts.some(a => a.id === id);
  const registered = extraKeys.get(accessKeyId);
  if (registered && known(registered)) {
    return {
      accountId: registered,
      principalArn: `arn:aws:iam::${registered}:user/backup-posture`,
      userId: `AIDASIM${registered}`,
      accessKeyId,
    };
  }
  const longTerm = /^AKIASIM(\d{12})/.exec(accessKeyId);
  if (longTerm && known(longTerm[1])) {
    return {
      accountId: longTerm[1],
      principalArn: `arn:aws:iam::${longTerm[1]}:user/backup-posture`,
      userId: `AIDASIM${longTerm[1]}`,
      accessKeyId,
    };
  }
  const session = /^ASIASIM(\d{12})/.exec(accessKeyId);
  if (session && known(session[1])) {
    const claims = decodeSessionToken(sessionToken);
    const role = claims && claims.a === session[1] ? claims.r : DEFAULT_ROLE;
    const name =
      claims && claims.a === session[1] ? claims.s : 'backup-posture';
    return {
      accountId: session[1],
      principalArn: `arn:aws:sts::${session[1]}:assumed-role/${role}/${name}`,
      userId: `AROASIM${session[1]}:${name}`,
      accessKeyId,
    };
  }
  return undefined;
}
