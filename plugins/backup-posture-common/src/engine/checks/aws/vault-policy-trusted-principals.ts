import {
  conditionValues,
  parsePolicy,
  principalAccount,
} from '../../aws/policy';
import { AwsCheck, alsoUnreadVaults, finding } from '../types';

/** B2/B8: vault access policies allow only principals inside the organization. */
export const vaultPolicyTrustedPrincipals: AwsCheck = alsoUnreadVaults({
  definition: {
    id: 'vault-policy-trusted-principals',
    title: 'Vault access policies trust only the organization',
    cloud: 'aws',
    severity: 'high',
    rules: ['B2', 'B8'],
    equivalentControls: {},
    description:
      'Every `Allow` statement of each vault access policy: named accounts must be organization members; `*` must be restricted by `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths` or `aws:PrincipalAccount`. Service principals are fine.',
    remediation: {
      why: 'An Allow to an account outside the organization (or to anyone) lets it copy into, or act on, your backups. Copies should only come from, and go to, accounts you control (B2, B8).',
      console: [
        'AWS Backup → Backup vaults → the vault → Access policy → Edit.',
        'Remove outside accounts; replace "*" principals with a Condition StringEquals aws:PrincipalOrgID = <your org id>.',
      ],
      cli: 'aws backup put-backup-vault-access-policy --backup-vault-name <vault> --policy file://org-only.json',
      terraform: [
        'Condition = {',
        '  StringEquals = { "aws:PrincipalOrgID" = var.org_id }',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    const org = ctx.aws.organization;
    return ctx.aws.vaults
      .filter(v => v.accessPolicy !== null)
      .map(vault => {
        if (vault.accessPolicy === undefined || vault.accessPolicy === null) {
          return finding(
            vault.arn,
            'unknown',
            ctx.scopeError(vault.accountId, vault.region) ??
              'access policy not read',
            {},
          );
        }
        const statements = parsePolicy(vault.accessPolicy);
        if (!statements)
          return finding(
            vault.arn,
            'unknown',
            'access policy is not valid JSON',
            { accessPolicy: vault.accessPolicy },
          );
        const outside: string[] = [];
        const unrestricted: string[] = [];
        const wrongOrg: string[] = [];
        const accountsToCheck: string[] = [];
        for (const s of statements.filter(x => x.effect === 'Allow')) {
          for (const p of s.principals) {
            const account = principalAccount(p);
            if (account) accountsToCheck.push(account);
            else if (p === '*' || p === 'arn:aws:iam::*:root') {
              const orgIds = conditionValues(s, 'aws:PrincipalOrgID');
              const restricted =
                orgIds.length > 0 ||
                conditionValues(s, 'aws:PrincipalOrgPaths').length > 0 ||
                conditionValues(s, 'aws:PrincipalAccount').length > 0;
              if (!restricted) unrestricted.push(p);
              else if (
                org?.organizationId &&
                orgIds.length &&
                !orgIds.includes(org.organizationId)
              )
                wrongOrg.push(...orgIds);
            }
          }
        }
        const evidence = {
          accessPolicy: vault.accessPolicy,
          organizationId: org?.organizationId,
        };
        if (unrestricted.length || wrongOrg.length) {
          return finding(
            vault.arn,
            'fail',
            unrestricted.length
              ? 'allows any principal ("*") without an organization condition'
              : `allows another organization: ${wrongOrg.join(', ')}`,
            evidence,
          );
        }
        if (accountsToCheck.length && (!org || org.error)) {
          return finding(
            vault.arn,
            'unknown',
            `organization members not known; cannot check ${[...new Set(accountsToCheck)].join(', ')}`,
            evidence,
          );
        }
        outside.push(
          ...new Set(
            accountsToCheck.filter(a => !org!.memberAccountIds.includes(a)),
          ),
        );
        if (outside.length) {
          return finding(
            vault.arn,
            'fail',
            `allows account(s) outside the organization: ${outside.join(', ')}`,
            { ...evidence, outsideAccounts: outside },
          );
        }
        return finding(
          vault.arn,
          'pass',
          'allows only principals inside the organization',
          evidence,
        );
      });
  },
});
