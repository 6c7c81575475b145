import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EntityPostureSummary,
  failingChecks,
  knownGrade,
  knownScore,
  ReportQuery,
  ReportSortKey,
} from '@backup-posture/plugin-backup-posture-common';
import { GradeBadge, formatAge, formatTimestamp } from '../shared';

const dash = '–';

const useStyles = makeStyles(theme => ({
  table: {
    // Backstage's theme lets table cells break inside words ("Paymen|ts", "3333|33"): here words
    // stay whole, and narrower side padding keeps the eleven columns within 1280 px.
    '& th, & td': {
      wordBreak: 'normal',
      paddingLeft: theme.spacing(0.75),
      paddingRight: theme.spacing(0.75),
    },
    '& th:first-child, & td:first-child': { paddingLeft: theme.spacing(2) },
    '& .MuiTableSortLabel-icon': { marginLeft: 2, marginRight: 0 },
  },
  // Backstage's table header: bold, on one line, between two rules.
  head: {
    fontWeight: theme.typography.fontWeightBold as number,
    whiteSpace: 'nowrap',
    borderTop: `1px solid ${theme.palette.grey.A100}`,
  },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** A GUID (an Azure subscription) shows its first block; the whole id is its title. */
function shortId(id: string): ReactNode {
  if (id.length <= 14) return id;
  return <abbr title={id}>{id.slice(0, 8)}…</abbr>;
}

/** Items of a list cell: the line breaks between items, never inside one. */
function ListCell(props: { items: string[] }) {
  if (props.items.length === 0) return <>{dash}</>;
  return (
    <>
      {props.items.map(item => (
        <div key={item} style={{ whiteSpace: 'nowrap' }}>
          {shortId(item)}
        </div>
      ))}
    </>
  );
}

interface Column {
  /** Short, so no header wraps at 1280 px. */
  title: string;
  /** What the header's tooltip explains, where the short title needs it. */
  description?: string;
  /** The server-side sort; absent for list-valued columns. */
  sort?: ReportSortKey;
  numeric?: boolean;
  nowrap?: boolean;
  render: (row: EntityPostureSummary) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    title: 'Entity',
    sort: 'entityRef',
    render: row => (
      <EntityRefLink
        entityRef={row.entityRef}
        title={row.title}
        defaultKind="component"
      />
    ),
  },
  {
    title: 'Owner',
    sort: 'owner',
    render: row =>
      row.owner ? (
        <EntityRefLink entityRef={row.owner} defaultKind="group" />
      ) : (
        dash
      ),
  },
  {
    title: 'System',
    sort: 'system',
    render: row =>
      row.system ? (
        <EntityRefLink entityRef={row.system} defaultKind="system" />
      ) : (
        dash
      ),
  },
  {
    title: 'Lifecycle',
    sort: 'lifecycle',
    render: row => row.lifecycle ?? dash,
  },
  {
    title: 'Grade',
    sort: 'grade',
    render: row => (
      <GradeBadge grade={knownGrade(row)} score={knownScore(row)} hideScore />
    ),
  },
  {
    title: 'Score',
    sort: 'score',
    numeric: true,
    render: row => knownScore(row) ?? dash,
  },
  {
    title: 'Failing',
    description: 'Failing checks',
    sort: 'failing',
    numeric: true,
    render: row => failingChecks(row) ?? dash,
  },
  { title: 'Accounts', render: row => <ListCell items={row.accounts} /> },
  { title: 'Regions', render: row => <ListCell items={row.regions} /> },
  {
    title: 'Keys',
    description: 'Keys: customer-managed / AWS-managed / AWS-owned',
    nowrap: true,
    render: row =>
      `${row.keyMix.customer} / ${row.keyMix.awsManaged} / ${row.keyMix.awsOwned}`,
  },
  {
    title: 'Scanned',
    sort: 'scanned',
    render: row => (
      <span
        title={row.lastScanAt ? formatTimestamp(row.lastScanAt) : undefined}
      >
        {formatAge(row.lastScanAt)}
        {row.stale ? ' (stale)' : ''}
        {row.state === 'pending' ? ' (not scanned yet)' : ''}
      </span>
    ),
  },
];

function HeaderCell(props: {
  column: Column;
  query: ReportQuery;
  onSort: (sort: ReportSortKey, order: 'asc' | 'desc') => void;
  className: string;
}) {
  const { column, query } = props;
  // The server sorts by entity when the URL names no sort: the header says so.
  const active = !!column.sort && (query.sort ?? 'entityRef') === column.sort;
  const order = active ? (query.order ?? 'asc') : 'asc';
  const title = column.description ? (
    <Tooltip title={column.description}>
      <span>{column.title}</span>
    </Tooltip>
  ) : (
    column.title
  );
  return (
    <TableCell
      className={props.className}
      align={column.numeric ? 'right' : 'left'}
      sortDirection={active ? order : false}
    >
      {column.sort ? (
        <TableSortLabel
          active={active}
          // Arrows only on the sorted column: eleven idle arrows would not fit 1280 px.
          hideSortIcon
          direction={order}
          onClick={() =>
            props.onSort(
              column.sort!,
              active && order === 'asc' ? 'desc' : 'asc',
            )
          }
        >
          {title}
        </TableSortLabel>
      ) : (
        title
      )}
    </TableCell>
  );
}

/**
 * One server-side page of the report; sorting and paging change the query, not the rows. The
 * server orders rows with `compareReportRows`, the same comparison the column headers promise.
 */
export function ReportTable(props: {
  rows: EntityPostureSummary[];
  totalCount: number;
  query: ReportQuery;
  onSort: (sort: ReportSortKey, order: 'asc' | 'desc') => void;
  onPage: (offset: number, limit: number) => void;
}) {
  const { rows, totalCount, query } = props;
  const classes = useStyles();
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table
        size="small"
        className={classes.table}
        aria-label="Backup posture by entity"
        data-testid="backup-posture-report-table"
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <HeaderCell
                key={column.title}
                column={column}
                query={query}
                onSort={props.onSort}
                className={classes.head}
              />
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>
                No entities match these filters.
              </TableCell>
            </TableRow>
          )}
          {rows.map(row => (
            <TableRow
              key={row.entityRef}
              data-testid="backup-posture-report-row"
            >
              {COLUMNS.map(column => (
                <TableCell
                  key={column.title}
                  align={column.numeric ? 'right' : 'left'}
                  className={column.nowrap ? classes.nowrap : undefined}
                >
                  {column.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={totalCount}
        page={Math.floor(offset / limit)}
        rowsPerPage={limit}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_e, page) => props.onPage(page * limit, limit)}
        onRowsPerPageChange={e => props.onPage(0, parseInt(e.target.value, 10))}
      />
    </div>
  );
}
