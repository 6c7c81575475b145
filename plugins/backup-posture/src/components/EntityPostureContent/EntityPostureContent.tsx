import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import {
  FreshnessNote,
  GradeBadge,
  NoBackupsState,
  PostureStateGate,
  RefreshScanButton,
  hasNoBackups,
  useEntityPosture,
} from '../shared';
import { AzureVaultsTable } from './azure/AzureVaultsTable';
import { ChecksTable } from './ChecksTable';
import { LineageDiagram } from './lineage/LineageDiagram';
import { RecoveryPointsTable } from './aws/RecoveryPointsTable';
import { KeyReadErrors } from './KeyReadErrors';
import { ScopeErrors } from './ScopeErrors';
import { VaultsTable } from './aws/VaultsTable';

/** The entity tab: lineage, checks, vaults, recovery points and scan problems. */
export function EntityPostureContent() {
  const { available, loading, error, value } = useEntityPosture();
  return (
    <div data-testid="backup-posture-content">
      <PostureStateGate
        available={available}
        loading={loading}
        error={error}
        value={value}
      >
        {posture => (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <Box
                display="flex"
                alignItems="center"
                justifyContent="space-between"
                flexWrap="wrap"
              >
                <GradeBadge
                  grade={posture.evaluation?.score.grade ?? null}
                  score={posture.evaluation?.score.score ?? null}
                  size="large"
                  data-testid="backup-posture-grade"
                />
                <FreshnessNote freshness={posture.freshness} />
                <RefreshScanButton />
              </Box>
            </Grid>
            <Grid item xs={12}>
              <ScopeErrors scopes={posture.freshness.scopes} />
              <KeyReadErrors
                keys={posture.freshness.keys}
                inventory={posture.inventory}
              />
            </Grid>
            {hasNoBackups(posture) && (
              <Grid item xs={12}>
                <NoBackupsState />
              </Grid>
            )}
            <Grid item xs={12}>
              <InfoCard title="Key lineage">
                <LineageDiagram chains={posture.evaluation?.lineage ?? []} />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Checks">
                <ChecksTable checks={posture.evaluation?.checks ?? []} />
              </InfoCard>
            </Grid>
            {(posture.inventory?.aws || !posture.inventory?.azure) && (
              <>
                <Grid item xs={12}>
                  <InfoCard title="Backup vaults">
                    <VaultsTable inventory={posture.inventory?.aws} />
                  </InfoCard>
                </Grid>
                <Grid item xs={12}>
                  <InfoCard title="Recovery points">
                    <RecoveryPointsTable inventory={posture.inventory?.aws} />
                  </InfoCard>
                </Grid>
              </>
            )}
            {posture.inventory?.azure && (
              <Grid item xs={12}>
                <InfoCard title="Azure Recovery Services vaults">
                  <AzureVaultsTable inventory={posture.inventory.azure} />
                </InfoCard>
              </Grid>
            )}
          </Grid>
        )}
      </PostureStateGate>
    </div>
  );
}
