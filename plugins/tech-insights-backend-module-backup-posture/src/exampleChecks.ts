import { BACKUP_POSTURE_FACT_RETRIEVER_ID } from './facts';

/**
 * Example checks for the JSON rules engine fact checker
 * (`@backstage-community/plugin-tech-insights-backend-module-jsonfc`), the same as the YAML in
 * this package's README and the dev app's app-config.yaml: pass them to its
 * `createFactChecker({ checks })` or copy the YAML into `techInsights.factChecker.checks`. An entity whose posture is unknown has no facts, so these
 * checks do not pass for it.
 *
 * @public
 */
export const exampleBackupPostureChecks = [
  {
    id: 'backupPostureGradeAtLeastB',
    type: 'json-rules-engine',
    name: 'Backup posture grade A or B',
    description:
      "The entity's backup posture is graded A or B (Backup posture tab for why and how to fix).",
    factIds: [BACKUP_POSTURE_FACT_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [
          { fact: 'backupPostureGrade', operator: 'in', value: ['A', 'B'] },
        ],
      },
    },
  },
  {
    id: 'backupPostureNoCriticalFailing',
    type: 'json-rules-engine',
    name: 'No critical backup posture check failing',
    description: 'No posture check of severity critical fails for the entity.',
    factIds: [BACKUP_POSTURE_FACT_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [
          {
            fact: 'backupPostureFailingCritical',
            operator: 'equal',
            value: 0,
          },
        ],
      },
    },
  },
];
