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
 * use it (at, above or below the key vault's scope), and what their roles allow on the data plane
 * (rule Z3). Role definitions are read once per scan. Never throws: a failure is the fact's
 * `roleAssignmentsError`, and the engine then reports the grant as unknown.
 */
export class RoleAssignmentReader {
  private readonly roles = new Map<string, Promise<RoleDataActions>>();

  constructor(private readonly clients: AzureClientFactory) {}

  async forKey(
    keyVault: AzureKeyVaultFact,
    principalIds: string[],
  ): Promise<Pick<AzureKeyFact, 'roleAssignments' | 'roleAssignmentsError'>> {
    const subscriptionId = keyVault.id
      ? parseResourceId(keyVault.id).subscriptionId
      : undefined;
    if (!keyVault.id || !subscriptionId) return {};
    const client = this.clients.authorization(subscriptionId);
    try {
      const found: AzureKeyRoleAssignment[] = [];
      for (const principalId of principalIds) {
        // The filter returns the principal's assignments at, above and below the scope.
        for await (const ra of client.roleAssignments.listForScope(
          withoutLeadingSlash(keyVault.id),
          { filter: `principalId eq '${principalId}'` },
        )) {
          if (!ra.roleDefinitionId || !ra.principalId || !ra.scope) continue;
          const role = await this.role(subscriptionId, ra.roleDefinitionId);
          found.push({
            principalId: ra.principalId,
            scope: ra.scope,
            roleDefinitionId: ra.roleDefinitionId,
            ...role,
            ...(ra.condition ? { condition: ra.condition } : {}),
          });
        }
      }
      return { roleAssignments: found };
    } catch (e) {
      return { roleAssignmentsError: toAzureFactError(e) };
    }
  }

  private role(
    subscriptionId: string,
    roleDefinitionId: string,
  ): Promise<RoleDataActions> {
    const cacheKey = roleDefinitionId.toLowerCase();
    let role = this.roles.get(cacheKey);
    if (!role) {
      role = this.clients
        .authorization(subscriptionId)
        .roleDefinitions.getById(withoutLeadingSlash(roleDefinitionId))
        .then(def => ({
          ...(def.roleName ? { roleName: def.roleName } : {}),
          dataActions: (def.permissions ?? []).flatMap(
            p => p.dataActions ?? [],
          ),
          notDataActions: (def.permissions ?? []).flatMap(
            p => p.notDataActions ?? [],
          ),
        }));
      // A failed read is retried by the next key that needs the role, not cached.
      role.catch(() => this.roles.delete(cacheKey));
      this.roles.set(cacheKey, role);
    }
    return role;
  }
}

/** The SDK's paths are `/{scope}/…` and `/{roleId}`: a resource id's own leading slash would double. */
function withoutLeadingSlash(id: string): string {
  return id.replace(/^\/+/, '');
}
