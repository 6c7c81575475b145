import {
  AzureKeyFact,
  AzureKeyRoleAssignment,
  AzureKeyVaultFact,
} from '@backup-posture/plugin-backup-posture-common';
import { AzureClientFactory } from './AzureClientFactory';
import { parseResourceId } from './mapFacts';
import { toAzureFactError } from './types';

interface RoleDataActions {
  roleName?: string;
  dataActions: string[];
  notDataActions: string[];
}

/**
 * Reads, for a key in an Azure RBAC key vault, the role assignments of the vault identities that
 * use it (at, above or below the key vault's scope, including those made to groups the identity
 * belongs to), and what their roles allow on the data plane (rule Z3). Each (key vault,
 * identity) listing and each role definition is read once per scan, whatever the number of keys.
 * Never throws: a failure is the fact's `roleAssignmentsError`, and the engine then reports the
 * grant as unknown.
 */
export class RoleAssignmentReader {
  private readonly roles = new Map<string, Promise<RoleDataActions>>();
  private readonly listings = new Map<
    string,
    Promise<AzureKeyRoleAssignment[]>
  >();

  constructor(private readonly clients: AzureClientFactory) {}

  async forKey(
    keyVault: AzureKeyVaultFact,
    principalIds: string[],
  ): Promise<Pick<AzureKeyFact, 'roleAssignments' | 'roleAssignmentsError'>> {
    const subscriptionId = keyVault.id
      ? parseResourceId(keyVault.id).subscriptionId
      : undefined;
    if (!keyVault.id || !subscriptionId) return {};
    try {
      const lists = await Promise.all(
        principalIds.map(p =>
          this.cached(this.listings, `${keyVault.id}|${p}`.toLowerCase(), () =>
            this.list(subscriptionId, keyVault.id!, p),
          ),
        ),
      );
      return { roleAssignments: lists.flat() };
    } catch (e) {
      return { roleAssignmentsError: toAzureFactError(e) };
    }
  }

  private async list(
    subscriptionId: string,
    keyVaultId: string,
    principalId: string,
  ): Promise<AzureKeyRoleAssignment[]> {
    const found: AzureKeyRoleAssignment[] = [];
    // `assignedTo` also returns assignments made to groups the identity is a member of.
    for await (const ra of this.clients
      .authorization(subscriptionId)
      .roleAssignments.listForScope(withoutLeadingSlash(keyVaultId), {
        filter: `assignedTo('${principalId}')`,
      })) {
      if (!ra.roleDefinitionId || !ra.principalId || !ra.scope) continue;
      const role = await this.cached(
        this.roles,
        ra.roleDefinitionId.toLowerCase(),
        () => this.role(subscriptionId, ra.roleDefinitionId!),
      );
      found.push({
        // The grant counts for the identity, whether made to it or to one of its groups.
        principalId,
        ...(ra.principalId.toLowerCase() !== principalId.toLowerCase()
          ? { viaPrincipalId: ra.principalId }
          : {}),
        scope: ra.scope,
        roleDefinitionId: ra.roleDefinitionId,
        ...role,
        ...(ra.condition ? { condition: ra.condition } : {}),
      });
    }
    return found;
  }

  private async role(
    subscriptionId: string,
    roleDefinitionId: string,
  ): Promise<RoleDataActions> {
    const def = await this.clients
      .authorization(subscriptionId)
      .roleDefinitions.getById(withoutLeadingSlash(roleDefinitionId));
    // Built-in roles have one permission block; several are merged.
    const permissions = def.permissions ?? [];
    return {
      ...(def.roleName ? { roleName: def.roleName } : {}),
      dataActions: permissions.flatMap(p => p.dataActions ?? []),
      notDataActions: permissions.flatMap(p => p.notDataActions ?? []),
    };
  }

  /** One read per key; a failed read is retried by the next caller, not cached. */
  private cached<T>(
    cache: Map<string, Promise<T>>,
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    let value = cache.get(key);
    if (!value) {
      value = read();
      value.catch(() => cache.delete(key));
      cache.set(key, value);
    }
    return value;
  }
}

/** The SDK's paths are `/{scope}/…` and `/{roleId}`: a resource id's own leading slash would double. */
function withoutLeadingSlash(id: string): string {
  return id.replace(/^\/+/, '');
}
