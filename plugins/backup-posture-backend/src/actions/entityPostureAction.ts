import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { EntityPostureResponse } from '@backup-posture/plugin-backup-posture-common';
import { gunzipSync } from 'node:zlib';
import { PostureService } from '../posture/PostureService';
import { checkSummaryOf } from './checkSummary';

/**
 * `get-entity-backup-posture`: an entity's score, grade and the checks that fail (or cannot be
 * decided) with why and how to fix. The entity must be readable with the caller's credentials,
 * as on the REST API.
 */
export function registerEntityPostureAction(
  registry: ActionsRegistryService,
  posture: PostureService,
) {
  registry.register({
    name: 'get-entity-backup-posture',
    title: 'Backup posture of a catalog entity',
    description:
      'Returns the backup posture of one catalog entity (AWS Backup, Azure Backup): score 0–100, grade A–F, whether the evidence is stale, and each failing, unknown or warning check with its findings (why) and remediation (how to fix). Unknown means the evidence could not be read: it is neither pass nor fail.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity ref, e.g. component:default/payments-api'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          state: z.string(),
          score: z.number().nullable(),
          grade: z.string().nullable(),
          stale: z.boolean(),
          problems: z.array(z.string()),
          checks: z.array(
            z.object({
              checkId: z.string(),
              title: z.string(),
              severity: z.string(),
              status: z.string(),
              summary: z.string(),
              findings: z.array(
                z.object({
                  subject: z.string(),
                  status: z.string(),
                  message: z.string(),
                  explanation: z.string().optional(),
                }),
              ),
              why: z.string(),
              fix: z.array(z.string()),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Posture of a service',
        input: { entityRef: 'component:default/payments-api' },
      },
    ],
    action: async ({ input, credentials }) => {
      const answer = await posture.answerEntityPosture(
        input.entityRef,
        credentials,
      );
      const p: EntityPostureResponse =
        'posture' in answer
          ? answer.posture
          : JSON.parse(gunzipSync(answer.gzipped).toString('utf8'));
      const evaluation = p.evaluation;
      return {
        output: {
          entityRef: p.entityRef,
          state: p.state,
          score: evaluation?.score.score ?? null,
          grade: evaluation?.score.grade ?? null,
          stale: p.freshness.stale,
          problems: p.problems.map(pr => pr.message),
          checks: (evaluation?.checks ?? [])
            .filter(c => ['fail', 'unknown', 'warn'].includes(c.status))
            .map(checkSummaryOf),
        },
      };
    },
  });
}
