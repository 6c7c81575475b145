import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { useSearchParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ReportQuery } from '@backup-posture/plugin-backup-posture-common';
import { backupPostureApiRef } from '../../api';
import { ErrorState, GradeBadge, SEVERITY_LABELS } from '../shared';
import { ExportButtons } from './ExportButtons';
import { ReportFilters } from './ReportFilters';
import { ReportTable } from './ReportTable';
import { ScanStatusBar } from './ScanStatusBar';
import { TrendChart } from './TrendChart';
import { queryFromSearchParams, searchParamsFromQuery } from './reportQuery';

/** Platform report: every entity, filtered and paged on the server, with export and trend. */
export function ReportPage() {
  const api = useApi(backupPostureApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const searchKey = searchParams.toString();
  const query = useMemo(
    () => queryFromSearchParams(new URLSearchParams(searchKey)),
    [searchKey],
  );
  const { loading, error, value } = useAsync(
    () => api.getReport(query),
    [api, query],
  );

  const update = (next: ReportQuery) =>
    setSearchParams(searchParamsFromQuery(next));

  return (
    <Page themeId="tool">
      <Header
        title="Backup posture"
        subtitle="Encryption posture of every entity's backups"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <ScanStatusBar />
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="Platform score">
              {value ? (
                <>
                  <GradeBadge
                    grade={value.score.grade}
                    score={value.score.score}
                    size="large"
                  />
                  <Box mt={1}>
                    <Typography variant="body2">
                      {value.totalCount} entities match the filters.
                    </Typography>
                  </Box>
                  <Box mt={1}>
                    <Typography variant="subtitle2">
                      Top failing checks
                    </Typography>
                    {value.topFailingChecks.slice(0, 5).map(c => (
                      <Typography key={c.checkId} variant="body2">
                        {c.title} ({SEVERITY_LABELS[c.severity]}): {c.entities}{' '}
                        {c.entities === 1 ? 'entity' : 'entities'}
                      </Typography>
                    ))}
                  </Box>
                </>
              ) : (
                <Progress />
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={8}>
            <InfoCard title="Trend over scans">
              <TrendChart />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Entities">
              <ReportFilters
                query={query}
                seenClouds={value?.items.flatMap(row => row.clouds) ?? []}
                onChange={filters =>
                  update({
                    sort: query.sort,
                    order: query.order,
                    limit: query.limit,
                    ...filters,
                    offset: 0,
                  })
                }
              />
              <Box my={2}>
                <ExportButtons query={query} />
              </Box>
              {error && <ErrorState error={error} what="load the report" />}
              {loading && !value && <Progress />}
              {value && (
                <ReportTable
                  rows={value.items}
                  totalCount={value.totalCount}
                  query={query}
                  onSort={(sort, order) =>
                    update({ ...query, sort, order, offset: 0 })
                  }
                  onPage={(offset, limit) =>
                    update({ ...query, offset, limit })
                  }
                />
              )}
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
