/** Minimal IAM policy document reading for vault access policies and KMS key policies. */

export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  /** `*` for anyone; otherwise AWS principals (ARNs / account ids) and service principals. */
  principals: string[];
  hasConditions: boolean;
  conditions: Record<string, Record<string, unknown>>;
}

const list = (v: unknown): string[] => {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
};

/** Parses a policy JSON; undefined when it is not valid JSON. */
export function parsePolicy(json: string): PolicyStatement[] | undefined {
  let doc: any;
  try {
    doc = JSON.parse(json);
  } catch {
    return undefined;
  }
  const statements: any[] = doc?.Statement
    ? ([] as any[]).concat(doc.Statement)
    : [];
  return statements.map((s: any) => {
    const principal = s.Principal;
    let principals: string[] = [];
    // Stryker disable next-line ConditionalExpression: any other truthy principal (a string, a number) has no AWS or Service member, so it names nobody either way
    if (principal && typeof principal === 'object')
      principals = [...list(principal.AWS), ...list(principal.Service)];
    if (principal === '*') principals = ['*'];
    const conditions =
      s.Condition && typeof s.Condition === 'object' ? s.Condition : {};
    return {
      effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
      actions: list(s.Action),
      principals,
      hasConditions: Object.keys(conditions).length > 0,
      conditions,
    };
  });
}

const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );

/** Whether a statement's actions cover `action` (with IAM wildcards). */
export function coversAction(
  statement: PolicyStatement,
  action: string,
): boolean {
  return statement.actions.some(a => wildcard(a).test(action));
}

/** The account id a principal names (`123456789012`, `arn:aws:iam::123456789012:...`). */
export function principalAccount(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:aws[\w-]*:(iam|sts)::(\d{12}):/.exec(principal)?.[2];
}

/** Values of a condition key across operators (e.g. aws:PrincipalOrgID). */
export function conditionValues(
  statement: PolicyStatement,
  key: string,
): string[] {
  const out: string[] = [];
  for (const operator of Object.values(statement.conditions)) {
    for (const [k, v] of Object.entries(operator ?? {})) {
      if (k.toLowerCase() === key.toLowerCase()) out.push(...list(v));
    }
  }
  return out;
}

/**
 * Whether a statement grants an account: it names the account (root, a role in it) or anyone
 * (`*`) restricted to an organization the account belongs to (or not restricted at all).
 */
export function grantsAccount(
  statement: PolicyStatement,
  account: string,
  organizationId: string | undefined,
  accountInOrganization: boolean,
): boolean {
  if (statement.principals.some(p => principalAccount(p) === account))
    return true;
  if (
    statement.principals.includes('*') ||
    statement.principals.includes('arn:aws:iam::*:root')
  ) {
    const orgIds = conditionValues(statement, 'aws:PrincipalOrgID');
    const orgPaths = conditionValues(statement, 'aws:PrincipalOrgPaths');
    const accounts = conditionValues(statement, 'aws:PrincipalAccount');
    if (accounts.length) return accounts.includes(account);
    if (orgIds.length)
      return Boolean(
        organizationId &&
        orgIds.includes(organizationId) &&
        accountInOrganization,
      );
    if (orgPaths.length)
      return Boolean(
        organizationId &&
        accountInOrganization &&
        orgPaths.some(p => p.startsWith(organizationId)),
      );
    return !statement.hasConditions;
  }
  return false;
}
