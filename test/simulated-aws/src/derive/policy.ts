import { PolicyDocument, PolicyStatement } from '../model/types';

/** Glob match with `*` and `?`, as IAM and AWS Backup selections use them. */
export function globMatch(pattern: string, value: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return regex.test(value);
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export interface PolicyCaller {
  accountId: string;
  /** The caller's principal ARN (role or user), when known. */
  principalArn?: string;
  organizationId?: string;
  /** Organization paths such as `o-x/r-y/ou-z/`. */
  organizationPaths?: string[];
}

function principalMatches(
  statement: PolicyStatement,
  caller: PolicyCaller,
): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (!principal) return false;
  return asList(principal.AWS).some(
    p =>
      p === '*' ||
      p === caller.accountId ||
      p === `arn:aws:iam::${caller.accountId}:root` ||
      (caller.principalArn !== undefined && globMatch(p, caller.principalArn)),
  );
}

function conditionsHold(
  statement: PolicyStatement,
  caller: PolicyCaller,
): boolean {
  for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      const values = asList(expected);
      let actual: string[] = [];
      if (key === 'aws:PrincipalOrgID')
        actual = caller.organizationId ? [caller.organizationId] : [];
      else if (key === 'aws:PrincipalOrgPaths')
        actual = caller.organizationPaths ?? [];
      else if (key === 'aws:PrincipalAccount' || key === 'kms:CallerAccount')
        actual = [caller.accountId];
      else if (key === 'kms:ViaService')
        return false; // direct calls never come through a service
      else return false;
      const like = operator.includes('Like');
      const ok = actual.some(a =>
        values.some(v => (like ? globMatch(v, a) : v === a)),
      );
      if (!ok) return false;
    }
  }
  return true;
}

/**
 * A small IAM policy evaluator: explicit Deny wins, then any Allow whose principal, action and
 * conditions match. Enough for key policies and vault access policies of the simulated estate.
 */
export function policyAllows(
  policy: PolicyDocument | undefined,
  action: string,
  caller: PolicyCaller,
): boolean {
  if (!policy) return false;
  const applies = (s: PolicyStatement) =>
    principalMatches(s, caller) &&
    asList(s.Action).some(a =>
      globMatch(a.toLowerCase(), action.toLowerCase()),
    ) &&
    conditionsHold(s, caller);
  if (policy.Statement.some(s => s.Effect === 'Deny' && applies(s)))
    return false;
  return policy.Statement.some(s => s.Effect === 'Allow' && applies(s));
}
