import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CheckStatus,
  Severity,
} from '@backup-posture/plugin-backup-posture-common';
import { EntityRow } from '../store/types';
import { EntityRegression, postureTabLink, regressionOf } from './regressions';

type NotificationSeverity = 'critical' | 'high' | 'normal' | 'low';

const SEVERITY: Record<Severity, NotificationSeverity> = {
  critical: 'critical',
  high: 'high',
  medium: 'normal',
  low: 'low',
  info: 'low',
};

const BECAUSE: Record<string, string> = {
  accepted: 'its exception expired',
  unknown: 'was unknown',
  pass: 'passed',
  warn: 'warned',
  'not-applicable': 'did not apply',
};

/**
 * Tells an entity's owners what newly fails on it: one notification per entity per scan (its
 * recipients are the entity, which the notifications backend resolves to its owners).
 */
export class RegressionNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      logger: LoggerService;
      minSeverity: Severity;
    },
  ) {}

  /** The regressions among `rows`, given their check results at the previous scan. */
  regressionsIn(
    rows: EntityRow[],
    previous: Map<string, Record<string, CheckStatus>>,
  ): EntityRegression[] {
    return rows.flatMap(row => {
      const r = regressionOf(
        row,
        previous.get(row.summary.entityRef),
        this.deps.minSeverity,
      );
      return r ? [r] : [];
    });
  }

  async notify(regressions: EntityRegression[]): Promise<void> {
    for (const r of regressions) {
      const worst = r.checks[0];
      const name = r.title ?? r.entityRef;
      try {
        await this.deps.notifications.send({
          recipients: { type: 'entity', entityRef: r.entityRef },
          payload: {
            title:
              r.checks.length === 1
                ? `Backup posture of ${name}: ${worst.title} now fails`
                : `Backup posture of ${name}: ${r.checks.length} checks now fail`,
            description: r.checks
              .map(
                c =>
                  `${c.title} (${c.severity}; ${BECAUSE[c.previous] ?? c.previous} at the previous scan): ${c.why}`,
              )
              .join('\n'),
            link: postureTabLink(r.entityRef),
            severity: SEVERITY[worst.severity],
            topic: 'backup-posture',
            scope: `backup-posture:${r.entityRef}`,
            metadata: {
              entityRef: r.entityRef,
              checkIds: r.checks.map(c => c.checkId),
            },
          },
        });
      } catch (e) {
        // A notification that cannot be sent never fails the scan.
        this.deps.logger.warn(
          `Backup posture regression notification for ${r.entityRef} failed: ${e}`,
        );
      }
    }
  }
}
