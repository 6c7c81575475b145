import {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { ResponseError } from '@backstage/errors';
import {
  listCheckDefinitions,
  ReportResponse,
} from '@backup-posture/plugin-backup-posture-common';
import {
  BACKUP_POSTURE_FACT_RETRIEVER_ID,
  backupPostureFactSchema,
  factsOf,
} from './facts';

/** The report's largest page. */
const PAGE = 500;

/**
 * Reads every entity's stored posture from the backup-posture backend (its report, a page at a
 * time, as this plugin's service principal) and publishes it as facts. Entities whose posture is
 * unknown get no facts, so a check on them has nothing to pass or fail on.
 *
 * @public
 */
export function createBackupPostureFactRetriever(): FactRetriever {
  return {
    id: BACKUP_POSTURE_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Backup posture',
    description:
      'Score, grade, failing checks and staleness of each entity’s backup posture (AWS Backup, Azure Backup)',
    schema: backupPostureFactSchema,
    async handler(ctx: FactRetrieverContext): Promise<TechInsightFact[]> {
      const baseUrl = await ctx.discovery.getBaseUrl('backup-posture');
      const { token } = await ctx.auth.getPluginRequestToken({
        onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
        targetPluginId: 'backup-posture',
      });
      const definitions = listCheckDefinitions();
      const facts: TechInsightFact[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const res = await fetch(
          `${baseUrl}/report?limit=${PAGE}&offset=${offset}`,
          {
            headers: { Authorization: `Bearer ${token}` },
          },
        );
        if (!res.ok) throw await ResponseError.fromResponse(res);
        const page = (await res.json()) as ReportResponse;
        for (const summary of page.items) {
          const fact = factsOf(summary, definitions);
          if (fact) facts.push(fact);
        }
        if (offset + page.items.length >= page.totalCount || !page.items.length)
          break;
      }
      ctx.logger.info(
        `Backup posture facts for ${facts.length} entities (entities without a known posture get none)`,
      );
      return facts;
    },
  };
}
