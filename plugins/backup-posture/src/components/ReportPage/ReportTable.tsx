import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EntityPostureSummary,
  ReportQuery,
} from '@backup-posture/plugin-backup-posture-common';
import { GradeBadge, formatAge } from '../shared';

type SortKey = NonNullable<ReportQuery['sort']>;

function SortableHeader(props: {
  label: string;
  sortKey: SortKey;
  query: ReportQuery;
  onSort: (sort: SortKey, order: 'asc' | 'desc') => void;
}) {
  const active = props.query.sort === props.sortKey;
  const order = active ? (props.query.order ?? 'asc') : 'asc';
  return (
    <TableCell sortDirection={active ? order : false}>
      <TableSortLabel
        active={active}
        direction={order}
        onClick={() =>
          props.onSort(
            props.sortKey,
            active && order === 'asc' ? 'desc' : 'asc',
          )
        }
      >
        {props.label}
      </TableSortLabel>
    </TableCell>
  );
}

function failing(row: EntityPostureSummary): number {
  return Object.values(row.checkStatuses).filter(s => s === 'fail').length;
}

/** One server-side page of the report; sorting and paging change the query, not the rows. */
export function ReportTable(props: {
  rows: EntityPostureSummary[];
  totalCount: number;
  query: ReportQuery;
  onSort: (sort: SortKey, order: 'asc' | 'desc') => void;
  onPage: (offset: number, limit: number) => void;
}) {
  const { rows, totalCount, query } = props;
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Backup posture by entity"
        data-testid="backup-posture-report-table"
      >
        <TableHead>
          <TableRow>
            <SortableHeader
              label="Entity"
              sortKey="entityRef"
              query={query}
              onSort={props.onSort}
            />
            <SortableHeader
              label="Owner"
              sortKey="owner"
              query={query}
              onSort={props.onSort}
            />
            <TableCell>System</TableCell>
            <TableCell>Lifecycle</TableCell>
            <SortableHeader
              label="Grade"
              sortKey="grade"
              query={query}
              onSort={props.onSort}
            />
            <SortableHeader
              label="Score"
              sortKey="score"
              query={query}
              onSort={props.onSort}
            />
            <TableCell>Failing checks</TableCell>
            <TableCell>Accounts</TableCell>
            <TableCell>Regions</TableCell>
            <TableCell>Keys (customer / AWS-managed / AWS-owned)</TableCell>
            <TableCell>Scanned</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={11}>
                No entities match these filters.
              </TableCell>
            </TableRow>
          )}
          {rows.map(row => (
            <TableRow
              key={row.entityRef}
              data-testid="backup-posture-report-row"
            >
              <TableCell>
                <EntityRefLink entityRef={row.entityRef} title={row.title} />
              </TableCell>
              <TableCell>{row.owner ?? '–'}</TableCell>
              <TableCell>{row.system ?? '–'}</TableCell>
              <TableCell>{row.lifecycle ?? '–'}</TableCell>
              <TableCell>
                <GradeBadge
                  grade={row.score.grade}
                  score={row.score.score}
                  hideScore
                />
              </TableCell>
              <TableCell>{row.score.score ?? '–'}</TableCell>
              <TableCell>{failing(row)}</TableCell>
              <TableCell>{row.accounts.join(', ') || '–'}</TableCell>
              <TableCell>{row.regions.join(', ') || '–'}</TableCell>
              <TableCell>
                {row.keyMix.customer} / {row.keyMix.awsManaged} /{' '}
                {row.keyMix.awsOwned}
              </TableCell>
              <TableCell>
                {formatAge(row.lastScanAt)}
                {row.stale ? ' (stale)' : ''}
                {row.state === 'pending' ? ' (not scanned yet)' : ''}
              </TableCell>
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
