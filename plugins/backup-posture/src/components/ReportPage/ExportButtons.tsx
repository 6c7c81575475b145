import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useApi } from '@backstage/core-plugin-api';
import { ReportQuery } from '@backup-posture/plugin-backup-posture-common';
import { backupPostureApiRef } from '../../api';
import { fetchAllReportRows, toCsv, toJson } from './exportReport';

function download(content: string, type: string, filename: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/**
 * CSV / JSON export of every row matching the current filters (all pages, not just this one), and
 * of their findings (one row per failing, unknown or accepted finding).
 */
export function ExportButtons(props: { query: ReportQuery }) {
  const api = useApi(backupPostureApiRef);
  const [state, setState] = useState<string>();
  const run = async (format: 'csv' | 'json') => {
    setState(`Exporting ${format.toUpperCase()}…`);
    try {
      const rows = await fetchAllReportRows(api, props.query);
      if (format === 'csv') {
        download(toCsv(rows), 'text/csv', 'backup-posture-report.csv');
      } else {
        download(
          toJson(rows),
          'application/json',
          'backup-posture-report.json',
        );
      }
      setState(`Exported ${rows.length} rows as ${format.toUpperCase()}.`);
    } catch (e) {
      setState(`Export failed: ${(e as Error).message}`);
    }
  };
  // Findings: one row per failing, unknown or accepted finding, made (and streamed) by the backend.
  const runFindings = async (format: 'csv' | 'json') => {
    setState(`Exporting findings as ${format.toUpperCase()}…`);
    try {
      const { offset, limit, sort, order, ...filters } = props.query;
      const text = await api.getFindingsExport({ ...filters, format });
      download(
        text,
        format === 'csv' ? 'text/csv' : 'application/json',
        `backup-posture-findings.${format}`,
      );
      setState(`Exported the findings as ${format.toUpperCase()}.`);
    } catch (e) {
      setState(`Export failed: ${(e as Error).message}`);
    }
  };
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Button
        size="small"
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={() => run('csv')}
      >
        Export CSV
      </Button>
      <Button
        size="small"
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={() => run('json')}
      >
        Export JSON
      </Button>
      <Button
        size="small"
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={() => runFindings('csv')}
      >
        Findings CSV
      </Button>
      <Button
        size="small"
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={() => runFindings('json')}
      >
        Findings JSON
      </Button>
      {state && (
        <Typography variant="body2" role="status">
          {state}
        </Typography>
      )}
    </Box>
  );
}
