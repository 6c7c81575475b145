import {
  BackupPlan,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
} from '@aws-sdk/client-backup';
import { AwsBackupPlanFact } from '@backup-posture/plugin-backup-posture-common';
import pLimit from 'p-limit';
import { planFact, selectionFact } from './backupFacts';
import { ScopeClients } from './clients';
import { Scope } from './types';

/** Every backup plan of the scope with its rules and selections. */
export async function readPlans(
  scope: Scope,
  { backup }: ScopeClients,
  limit: pLimit.Limit,
  pageSize: number,
): Promise<AwsBackupPlanFact[]> {
  const listed: Array<{ planId: string; planArn: string; versionId?: string }> =
    [];
  for await (const page of paginateListBackupPlans(
    { client: backup, pageSize },
    {},
  )) {
    for (const p of page.BackupPlansList ?? []) {
      if (p.BackupPlanId) {
        listed.push({
          planId: p.BackupPlanId,
          planArn: p.BackupPlanArn ?? '',
          versionId: p.VersionId,
        });
      }
    }
  }
  return Promise.all(
    listed.map(ids =>
      limit(async () => {
        const plan = await backup.send(
          new GetBackupPlanCommand({ BackupPlanId: ids.planId }),
        );
        const selectionIds: string[] = [];
        for await (const page of paginateListBackupSelections(
          { client: backup, pageSize },
          { BackupPlanId: ids.planId },
        )) {
          for (const s of page.BackupSelectionsList ?? []) {
            if (s.SelectionId) selectionIds.push(s.SelectionId);
          }
        }
        const selections = [];
        for (const SelectionId of selectionIds) {
          const s = await backup.send(
            new GetBackupSelectionCommand({
              BackupPlanId: ids.planId,
              SelectionId,
            }),
          );
          if (s.BackupSelection) {
            selections.push(selectionFact(SelectionId, s.BackupSelection));
          }
        }
        return planFact(
          scope,
          { ...ids, planArn: plan.BackupPlanArn ?? ids.planArn },
          plan.BackupPlan ?? ({} as BackupPlan),
          selections,
        );
      }),
    ),
  );
}
