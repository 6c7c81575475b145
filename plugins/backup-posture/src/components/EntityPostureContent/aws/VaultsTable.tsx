import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { AwsInventory } from '@backup-posture/plugin-backup-posture-common';
import { KeyManagerChip, resolveAwsKey } from '../../shared';
import { lockWords } from './vaultLockWords';

const VAULT_TYPE_WORDS: Record<string, string> = {
  BACKUP_VAULT: 'Standard',
  LOGICALLY_AIR_GAPPED_BACKUP_VAULT: 'Logically air-gapped',
  RESTORE_ACCESS_BACKUP_VAULT: 'Restore access',
};

/** The backup vaults holding this entity's recovery points, with their keys. */
export function VaultsTable(props: { inventory?: AwsInventory }) {
  const vaults = props.inventory?.vaults ?? [];
  if (vaults.length === 0) {
    return <Typography variant="body2">No backup vaults found.</Typography>;
  }
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Backup vaults"
        data-testid="backup-posture-vaults"
      >
        <TableHead>
          <TableRow>
            <TableCell>Vault</TableCell>
            <TableCell>Account</TableCell>
            <TableCell>Region</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Key</TableCell>
            <TableCell>Lock</TableCell>
            <TableCell align="right">Recovery points</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {vaults.map(vault => {
            const key = resolveAwsKey(
              props.inventory,
              vault.encryptionKeyArn,
              vault.encryptionKeyType,
            );
            return (
              <TableRow key={vault.arn}>
                <TableCell title={vault.arn}>{vault.name}</TableCell>
                <TableCell>{vault.accountId}</TableCell>
                <TableCell>{vault.region}</TableCell>
                <TableCell>
                  {VAULT_TYPE_WORDS[vault.vaultType] ?? vault.vaultType}
                </TableCell>
                <TableCell>
                  <KeyManagerChip manager={key.manager} alias={key.alias} />
                </TableCell>
                <TableCell>{lockWords(vault)}</TableCell>
                <TableCell align="right">
                  {vault.numberOfRecoveryPoints ?? '–'}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
