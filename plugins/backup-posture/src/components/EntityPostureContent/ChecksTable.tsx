import { Fragment, useMemo, useState } from 'react';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';
import { CheckResult } from '@backup-posture/plugin-backup-posture-common';
import { SeverityLabel, StatusLabel, compareChecks } from '../shared';
import { CheckDetails } from './CheckDetails';

function CheckRow(props: { check: CheckResult }) {
  const { check } = props;
  const [open, setOpen] = useState(false);
  const accepted = check.findings.filter(f => f.exception).length;
  return (
    <Fragment>
      <TableRow
        data-testid="backup-posture-check-row"
        data-check-id={check.checkId}
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} why and how to fix: ${check.title}`}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <StatusLabel status={check.status} />
        </TableCell>
        <TableCell>
          <SeverityLabel severity={check.severity} />
        </TableCell>
        <TableCell>
          {check.title}
          <div>
            <code>{check.checkId}</code> · rules {check.rules.join(', ') || '–'}
          </div>
        </TableCell>
        <TableCell>
          {check.summary}
          {accepted > 0 && check.status !== 'accepted' && (
            <div>{accepted} finding(s) accepted as exceptions</div>
          )}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell style={{ paddingTop: 0, paddingBottom: 0 }} colSpan={5}>
          <Collapse in={open} unmountOnExit>
            <CheckDetails check={check} />
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** Every check, failures first, then by severity; each row expands to why and how to fix. */
export function ChecksTable(props: { checks: CheckResult[] }) {
  const sorted = useMemo(
    () => [...props.checks].sort(compareChecks),
    [props.checks],
  );
  return (
    <Table
      size="small"
      data-testid="backup-posture-checks"
      aria-label="Posture checks"
    >
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell>Status</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>Check</TableCell>
          <TableCell>Result</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.map(check => (
          <CheckRow key={check.checkId} check={check} />
        ))}
      </TableBody>
    </Table>
  );
}
