import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { emptyKeyMix } from '@backup-posture/plugin-backup-posture-common';
import {
  FreshnessNote,
  GradeBadge,
  NoBackupsState,
  PostureStateGate,
  hasNoBackups,
  useEntityPosture,
  worstChecks,
} from '../shared';
import { KeyMixSummary } from './KeyMixSummary';
import { WorstChecksList } from './WorstChecksList';

const NO_COVERAGE = { accounts: [], subscriptions: [], regions: [] };

/** Entity overview card: "is my data safe, and what do I do next?" at a glance. */
export function EntityPostureCard() {
  const { available, loading, error, value } = useEntityPosture();
  return (
    <InfoCard title="Backup encryption posture">
      <div data-testid="backup-posture-card">
        <PostureStateGate
          available={available}
          loading={loading}
          error={error}
          value={value}
        >
          {posture => {
            const score = posture.evaluation?.score;
            const coverage = posture.derived?.coverage ?? NO_COVERAGE;
            return (
              <>
                <Box
                  display="flex"
                  alignItems="center"
                  justifyContent="space-between"
                >
                  <GradeBadge
                    grade={score?.grade ?? null}
                    score={score?.score ?? null}
                    size="large"
                    data-testid="backup-posture-grade"
                  />
                  <Box textAlign="right">
                    {(coverage.accounts.length > 0 ||
                      coverage.subscriptions.length === 0) && (
                      <Typography variant="body2">
                        {coverage.accounts.length} account
                        {coverage.accounts.length === 1 ? '' : 's'}:{' '}
                        {coverage.accounts.join(', ') || 'none'}
                      </Typography>
                    )}
                    {coverage.subscriptions.length > 0 && (
                      <Typography variant="body2">
                        {coverage.subscriptions.length} Azure subscription
                        {coverage.subscriptions.length === 1 ? '' : 's'}:{' '}
                        {coverage.subscriptions.join(', ')}
                      </Typography>
                    )}
                    <Typography variant="body2">
                      {coverage.regions.length} region
                      {coverage.regions.length === 1 ? '' : 's'}:{' '}
                      {coverage.regions.join(', ') || 'none'}
                    </Typography>
                  </Box>
                </Box>
                {hasNoBackups(posture) ? (
                  <NoBackupsState />
                ) : (
                  <Box mt={2}>
                    <KeyMixSummary
                      mix={
                        posture.derived?.recoveryPointsByKeyManager ??
                        emptyKeyMix()
                      }
                    />
                  </Box>
                )}
                <Box my={2}>
                  <Divider />
                </Box>
                <Typography variant="subtitle2">Needs attention</Typography>
                <WorstChecksList
                  checks={worstChecks(posture.evaluation?.checks ?? [])}
                />
                <Box mt={2}>
                  <FreshnessNote freshness={posture.freshness} />
                </Box>
              </>
            );
          }}
        </PostureStateGate>
      </div>
    </InfoCard>
  );
}
