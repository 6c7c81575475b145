import { useState } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { AwsInventory } from '@backup-posture/plugin-backup-posture-common';
import {
  KeyManagerChip,
  formatTimestamp,
  resolveAwsKey,
  shortArn,
} from '../../shared';

/** Recovery points, newest first, paged on the client (an entity holds at most a few thousand). */
export function RecoveryPointsTable(props: { inventory?: AwsInventory }) {
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(10);
  const points = [...(props.inventory?.recoveryPoints ?? [])].sort((a, b) =>
    b.creationDate.localeCompare(a.creationDate),
  );
  if (points.length === 0) {
    return <Typography variant="body2">No recovery points found.</Typography>;
  }
  const visible = points.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Recovery points"
        data-testid="backup-posture-recovery-points"
      >
        <TableHead>
          <TableRow>
            <TableCell>Created</TableCell>
            <TableCell>Resource</TableCell>
            <TableCell>Vault</TableCell>
            <TableCell>Account / region</TableCell>
            <TableCell>Encryption</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Deleted at</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {visible.map(point => {
            const key = resolveAwsKey(
              props.inventory,
              point.encryptionKeyArn,
              point.encryptionKeyType,
            );
            return (
              <TableRow key={point.recoveryPointArn}>
                <TableCell>{formatTimestamp(point.creationDate)}</TableCell>
                <TableCell title={point.resourceArn}>
                  {point.resourceType} {shortArn(point.resourceArn)}
                </TableCell>
                <TableCell>
                  {point.backupVaultName}
                  {point.sourceBackupVaultArn
                    ? ` (copy from ${shortArn(point.sourceBackupVaultArn)})`
                    : ''}
                </TableCell>
                <TableCell>
                  {point.accountId} / {point.region}
                </TableCell>
                <TableCell>
                  {point.isEncrypted ? (
                    <KeyManagerChip manager={key.manager} alias={key.alias} />
                  ) : (
                    'Not encrypted'
                  )}
                </TableCell>
                <TableCell>
                  {point.status}
                  {point.statusMessage ? `: ${point.statusMessage}` : ''}
                </TableCell>
                <TableCell>
                  {formatTimestamp(point.calculatedLifecycle?.deleteAt) ===
                  'never'
                    ? 'Kept'
                    : formatTimestamp(point.calculatedLifecycle?.deleteAt)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={points.length}
        page={page}
        rowsPerPage={rowsPerPage}
        rowsPerPageOptions={[10, 25, 100]}
        onPageChange={(_e, p) => setPage(p)}
        onRowsPerPageChange={e => {
          setRowsPerPage(parseInt(e.target.value, 10));
          setPage(0);
        }}
      />
    </div>
  );
}
