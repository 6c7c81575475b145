import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CheckDefinition,
  explainAwsMessage,
} from '@backup-posture/plugin-backup-posture-common';

/**
 * `explain-backup-check`: what a posture check evaluates, why it matters and how to fix it, and
 * the plain-words meaning of an AWS error message the scan or a copy job met. Reads no entity.
 */
export function registerExplainAction(
  registry: ActionsRegistryService,
  /** The registered checks' definitions (built-in and from modules). */
  definitions: readonly CheckDefinition[],
) {
  registry.register({
    name: 'explain-backup-check',
    title: 'Explain a backup posture check or an AWS Backup error message',
    description:
      'Given a check id (as listed by get-entity-backup-posture), returns what the check evaluates, its severity and rules, why it matters and how to fix it (console, CLI, Terraform). Given an AWS error message (e.g. from a failed copy job), returns what it means in plain words. Give either or both.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          checkId: z.string().optional().describe('e.g. vault-lock'),
          message: z
            .string()
            .optional()
            .describe('An AWS error or status message, as AWS wrote it'),
        }),
      output: z =>
        z.object({
          check: z
            .object({
              id: z.string(),
              title: z.string(),
              cloud: z.string(),
              severity: z.string(),
              rules: z.array(z.string()),
              description: z.string(),
              why: z.string(),
              console: z.array(z.string()),
              cli: z.string().optional(),
              terraform: z.string().optional(),
            })
            .optional(),
          message: z
            .object({
              known: z.boolean(),
              rules: z.array(z.string()),
              explanation: z.string(),
            })
            .optional(),
        }),
    },
    examples: [
      { title: 'A check', input: { checkId: 'vault-lock' } },
      {
        title: 'An error AWS returned',
        input: { message: 'MPA is not opted-in for this account' },
      },
    ],
    action: async ({ input }) => {
      if (!input.checkId && !input.message) {
        throw new InputError('Give a checkId, a message, or both');
      }
      let check;
      if (input.checkId) {
        const d = definitions.find(c => c.id === input.checkId);
        if (!d) throw new NotFoundError(`No check ${input.checkId}`);
        check = {
          id: d.id,
          title: d.title,
          cloud: d.cloud,
          severity: d.severity,
          rules: d.rules,
          description: d.description,
          why: d.remediation.why,
          console: d.remediation.console,
          ...(d.remediation.cli ? { cli: d.remediation.cli } : {}),
          ...(d.remediation.terraform
            ? { terraform: d.remediation.terraform }
            : {}),
        };
      }
      let message;
      if (input.message) {
        const known = explainAwsMessage(input.message);
        message = known
          ? { known: true, rules: known.rules, explanation: known.explanation }
          : {
              known: false,
              rules: [],
              explanation:
                'Not a message this plugin knows. Look it up in the AWS Backup documentation (troubleshooting, error codes).',
            };
      }
      return {
        output: {
          ...(check ? { check } : {}),
          ...(message ? { message } : {}),
        },
      };
    },
  });
}
