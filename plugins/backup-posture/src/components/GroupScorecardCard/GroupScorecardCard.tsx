import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { backupPostureApiRef } from '../../api';
import { ErrorState, GradeBadge, SEVERITY_LABELS, formatAge } from '../shared';
import { GradeDistribution } from './GradeDistribution';

/** The team scorecard: grades of owned entities, distribution, top failing checks, drill-down. */
export function GroupScorecardCard() {
  const { entity } = useEntity();
  const api = useApi(backupPostureApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const { loading, error, value } = useAsync(
    () => api.getGroupScorecard({ namespace, name }),
    [api, namespace, name],
  );
  let body;
  if (loading) body = <Progress />;
  else if (error)
    body = <ErrorState error={error} what="load the team scorecard" />;
  else if (!value || value.entities.length === 0) {
    body = (
      <Typography variant="body2">
        This group owns no entities with backup posture. Annotate its components
        with backup-posture.io/aws-resource-arns or
        backup-posture.io/aws-resource-tags.
      </Typography>
    );
  } else {
    const worstFirst = [...value.entities].sort(
      (a, b) => (a.score.score ?? -1) - (b.score.score ?? -1),
    );
    body = (
      <>
        <Box display="flex" alignItems="center" justifyContent="space-between">
          <GradeBadge
            grade={value.score.grade}
            score={value.score.score}
            size="large"
            data-testid="backup-posture-grade"
          />
          <Typography variant="body2">
            {value.entities.length} entities
          </Typography>
        </Box>
        <Box mt={2}>
          <GradeDistribution distribution={value.gradeDistribution} />
        </Box>
        <Box mt={2}>
          <Typography variant="subtitle2">Top failing checks</Typography>
          {value.topFailingChecks.length === 0 ? (
            <Typography variant="body2">No failing checks.</Typography>
          ) : (
            <ul style={{ marginTop: 0 }}>
              {value.topFailingChecks.map(check => (
                <li key={check.checkId}>
                  <Typography variant="body2">
                    {check.title} ({SEVERITY_LABELS[check.severity]}): failing
                    on {check.entities}{' '}
                    {check.entities === 1 ? 'entity' : 'entities'}
                  </Typography>
                </li>
              ))}
            </ul>
          )}
        </Box>
        <Table size="small" aria-label="Owned entities">
          <TableHead>
            <TableRow>
              <TableCell>Entity</TableCell>
              <TableCell>Grade</TableCell>
              <TableCell>Failing</TableCell>
              <TableCell>Scanned</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {worstFirst.map(row => (
              <TableRow key={row.entityRef}>
                <TableCell>
                  <EntityRefLink entityRef={row.entityRef} title={row.title} />
                </TableCell>
                <TableCell>
                  <GradeBadge grade={row.score.grade} score={row.score.score} />
                </TableCell>
                <TableCell>{row.score.counts.fail}</TableCell>
                <TableCell>
                  {formatAge(row.lastScanAt)}
                  {row.stale ? ' (stale)' : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return (
    <InfoCard title="Backup posture scorecard">
      <div data-testid="backup-posture-group-card">{body}</div>
    </InfoCard>
  );
}
