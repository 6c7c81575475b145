import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  AzureInventory,
  parseKeyUri,
} from '@backup-posture/plugin-backup-posture-common';
import { KeyManagerChip } from '../../shared';

function keyVaultWords(
  inventory: AzureInventory,
  keyUri: string | undefined,
): string {
  if (!keyUri) return '–';
  const name = parseKeyUri(keyUri)?.keyVaultName;
  const kv = inventory.keyVaults.find(
    k => k.name.toLowerCase() === name?.toLowerCase(),
  );
  if (!kv || kv.error)
    return `${name ?? 'unknown'}: ${kv?.error?.message ?? 'not read'}`;
  const protections = [
    kv.enableSoftDelete ? 'soft delete' : 'NO soft delete',
    kv.enablePurgeProtection ? 'purge protection' : 'NO purge protection',
  ].join(', ');
  return `${kv.name} (${kv.location ?? 'location unknown'}; ${protections})`;
}

function identityWords(vault: AzureInventory['vaults'][number]): string {
  if (!vault.keyUri) return vault.identityType ?? '–';
  if (vault.useSystemAssignedIdentity) return 'System-assigned';
  const ua = vault.userAssignedIdentity?.split('/').pop();
  const pe = vault.privateEndpointCount
    ? `, ${vault.privateEndpointCount} private endpoint(s)`
    : '';
  return ua ? `User-assigned ${ua}${pe}` : 'Not reported';
}

/** The entity's Azure Recovery Services vaults: key, key vault, identity and protections. */
export function AzureVaultsTable(props: { inventory: AzureInventory }) {
  const { inventory } = props;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Recovery Services vaults"
        data-testid="backup-posture-azure-vaults"
      >
        <TableHead>
          <TableRow>
            <TableCell>Vault</TableCell>
            <TableCell>Subscription</TableCell>
            <TableCell>Location</TableCell>
            <TableCell>Key</TableCell>
            <TableCell>Key vault</TableCell>
            <TableCell>Identity</TableCell>
            <TableCell>Immutability / soft delete / MUA</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {inventory.vaults.map(vault => {
            const parts = vault.keyUri ? parseKeyUri(vault.keyUri) : undefined;
            let version = '';
            if (parts)
              version = parts.version
                ? ` pinned ${parts.version.slice(0, 8)}…`
                : ' versionless';
            return (
              <TableRow key={vault.id}>
                <TableCell title={vault.id}>{vault.name}</TableCell>
                <TableCell>{vault.subscriptionId}</TableCell>
                <TableCell>{vault.location}</TableCell>
                <TableCell title={vault.keyUri}>
                  <KeyManagerChip
                    manager={vault.keyUri ? 'customer' : 'platform-managed'}
                    alias={parts ? `${parts.keyName}${version}` : undefined}
                  />
                </TableCell>
                <TableCell>{keyVaultWords(inventory, vault.keyUri)}</TableCell>
                <TableCell>{identityWords(vault)}</TableCell>
                <TableCell>
                  {[
                    vault.immutabilityState ?? '?',
                    vault.softDeleteState ?? '?',
                    vault.multiUserAuthorization ?? '?',
                  ].join(' / ')}
                </TableCell>
              </TableRow>
            );
          })}
          {(inventory.unresolvedVaultIds ?? []).map(id => (
            <TableRow key={id}>
              <TableCell colSpan={7} title={id}>
                {id.split('/').pop()}: not found in the scanned subscriptions
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
