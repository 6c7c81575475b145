/**
 * Renders docs/checks.md from the check definitions, the scoring constants, the default limits
 * and the known AWS messages (one source of truth; a test fails when the file is stale).
 */
import { BuiltInCloud, CheckDefinition, EquivalentControls } from '../posture';
import { listCheckDefinitions } from './checks';
import { KNOWN_AWS_MESSAGES } from './aws/explanations';
import { DEFAULT_POSTURE_LIMITS } from './options';
import { GRADE_BANDS, SEVERITY_WEIGHTS, STATUS_CREDIT } from './score';
import { STATUS_ORDER } from './status';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

type ControlFamily = keyof Omit<EquivalentControls, 'note'>;

/** The vendor families a check is compared with, by the cloud it runs on, with their names. */
const CONTROL_FAMILIES: Record<BuiltInCloud, [ControlFamily, string][]> = {
  aws: [
    ['securityHub', 'AWS Security Hub'],
    ['backupAuditManager', 'AWS Backup Audit Manager'],
  ],
  azure: [['azurePolicy', 'Azure Policy']],
};

/** The line of a check naming its equivalent vendor controls, `none` where there is none. */
export function renderEquivalentControls(def: CheckDefinition): string {
  const controls = def.equivalentControls;
  if (!controls) return '**Equivalent controls.** Not mapped yet.';
  const families = (CONTROL_FAMILIES[def.cloud as BuiltInCloud] ?? []).map(
    ([family, name]) => {
      const ids = controls[family] ?? [];
      return `${name}: ${ids.length ? ids.map(id => `\`${id}\``).join(', ') : 'none'}`;
    },
  );
  const note = controls.note ? ` ${controls.note}` : '';
  return `**Equivalent controls.** ${families.join('; ')}.${note}`;
}

function renderCheck(def: CheckDefinition): string {
  const r = def.remediation;
  const lines = [
    `### \`${def.id}\``,
    '',
    `**${def.title}** — ${def.cloud.toUpperCase()}, severity **${def.severity}**, rules ${def.rules.length ? def.rules.join(', ') : '—'}`,
    '',
    def.description,
    '',
    renderEquivalentControls(def),
    '',
    `**Why it matters.** ${r.why}`,
    '',
    '**Console**',
    '',
    ...r.console.map((step, i) => `${i + 1}. ${step}`),
  ];
  if (r.cli) lines.push('', '**CLI**', '', '```bash', r.cli, '```');
  if (r.terraform)
    lines.push('', '**Terraform**', '', '```hcl', r.terraform, '```');
  return lines.join('\n');
}

/** The full text of docs/checks.md. @public */
export function renderChecksMarkdown(): string {
  const defs = listCheckDefinitions();
  const credit = Object.entries(STATUS_CREDIT)
    .map(([status, c]) => `\`${status}\` ${c}`)
    .join(', ');
  const out = [
    '<!-- Generated from plugins/backup-posture-common/src/engine/checks by renderChecksMarkdown(). Do not edit by hand: run `CI=true UPDATE_CHECKS_DOC=1 npx backstage-cli package test --ci checksMarkdown` in plugins/backup-posture-common. -->',
    '',
    '# Backup posture checks',
    '',
    'Every check the posture engine evaluates, with the domain rules it enforces (see `domain.md`) and how to fix a finding. Check ids are stable.',
    '',
    '## Equivalent vendor controls',
    '',
    'Each check names the controls of other tools that test the same thing, or says `none`: AWS checks are compared with AWS Security Hub CSPM and AWS Backup Audit Manager, Azure checks with Azure Policy built-in definitions. A control that only tests something nearby is not listed; a note says where an equivalence is partial. Ids and names are written as the vendors write them, checked in November 2026 against:',
    '',
    '- **AWS Security Hub** control ids: [Security Hub CSPM controls for AWS Backup](https://docs.aws.amazon.com/securityhub/latest/userguide/backup-controls.html), and the pages of the same guide for AWS KMS (`kms-controls.html`), Amazon EC2, Amazon RDS, Amazon DynamoDB and Amazon EFS. Backup.2 to Backup.5 (tags) have no check here.',
    '- **AWS Backup Audit Manager** control names (the `ControlName` of `CreateFramework`): [Choosing your controls](https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-controls.html) and [Creating frameworks using the AWS Backup API](https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-frameworks-api.html). `BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK` (the retention of each recovery point) and `RESTORE_TIME_FOR_RESOURCES_MEET_TARGET` (restore testing, rule A7) have no check here.',
    '- **Azure Policy** display names: [Azure Policy built-in definitions for Azure Backup](https://learn.microsoft.com/azure/backup/policy-reference) and, for key vaults, [for Key Vault](https://learn.microsoft.com/azure/key-vault/policy-reference); their sources are in [Azure/azure-policy](https://github.com/Azure/azure-policy/tree/master/built-in-policies/policyDefinitions/Backup). The built-ins for public network access and private link of Recovery Services vaults, and those that audit or deploy Azure Backup on virtual machines, disks, file shares, blobs and AKS, have no check here.',
    '',
    '## Summary',
    '',
    '| id | cloud | severity | rules | title |',
    '|---|---|---|---|---|',
    ...defs.map(
      d =>
        `| [\`${d.id}\`](#${d.id}) | ${d.cloud} | ${d.severity} | ${d.rules.join(' ') || '—'} | ${cell(d.title)} |`,
    ),
    '',
    '## Statuses',
    '',
    'Each check produces one finding per subject (vault, recovery point, copy action, resource, key…). A finding is `pass`, `fail`, `warn`, `not-applicable`, `unknown` (data missing or access denied — never a silent pass) or `accepted` (covered by a valid exception).',
    `A check's status is its worst finding, in this order: ${STATUS_ORDER.map(s => `\`${s}\``).join(' > ')}. A check without findings is \`not-applicable\`.`,
    '',
    'When discovery reports a scope (account × region) in state `error`, or a KMS key / the global settings / the organization could not be read (`error` on the fact), the findings that depend on that data are `unknown` with the reason.',
    '',
    '## Score and grade',
    '',
    `Severity weights: ${Object.entries(SEVERITY_WEIGHTS)
      .map(([s, w]) => `${s} ${w}`)
      .join(', ')}.`,
    `Each check with status ${Object.keys(STATUS_CREDIT)
      .map(s => `\`${s}\``)
      .join(
        ', ',
      )} is evaluated and earns weight × credit (${credit}); \`not-applicable\` checks are left out. Unknown is never counted as pass.`,
    '',
    '```',
    'score = round(100 × Σ weight(check) × credit(status) / Σ weight(check), 1)   over evaluated checks',
    '```',
    '',
    `Grades: ${GRADE_BANDS.map(b => `${b.grade} ≥ ${b.min}`).join(', ')}. When nothing is evaluable the score and grade are \`null\`.`,
    'Group and platform roll-ups add the earned and possible points of their entities (`rollUpScores`), so an entity with many evaluated checks weighs more than one with few.',
    '',
    '## Limits',
    '',
    'Passed to `evaluatePosture(inventory, { limits })`; defaults:',
    '',
    '| limit | default |',
    '|---|---|',
    ...Object.entries(DEFAULT_POSTURE_LIMITS).map(
      ([k, v]) => `| \`${k}\` | ${v} |`,
    ),
    '',
    '## Exceptions as code',
    '',
    'A `fail` or `warn` finding can be accepted for one entity. The backend reads exceptions from config `backupPosture.exceptions` (and/or a YAML file) and validates them with `parsePostureExceptions`:',
    '',
    '```yaml',
    'backupPosture:',
    '  exceptions:',
    '    - checkId: vault-lock',
    '      entityRef: component:default/payments',
    '      subject: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:payments # optional: all subjects when absent',
    '      justification: Lock planned with the vault migration (JIRA-123)',
    '      approver: security@example.com',
    '      expiresAt: 2027-03-31',
    '```',
    '',
    'An accepted finding stays visible with status `accepted` and the exception attached. After `expiresAt` the finding resurfaces with its own status and carries the expired exception in `expiredException`. `unknown` findings cannot be accepted: fix the data access instead.',
    '',
    '## Known AWS messages',
    '',
    'Copy job status messages and MPA errors the engine explains in plain words:',
    '',
    '| id | rules | explanation |',
    '|---|---|---|',
    ...KNOWN_AWS_MESSAGES.map(
      m => `| \`${m.id}\` | ${m.rules.join(' ')} | ${cell(m.explanation)} |`,
    ),
    '',
    '## Checks',
    '',
    ...defs.flatMap(d => [renderCheck(d), '']),
  ];
  return out.join('\n');
}
