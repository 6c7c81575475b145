import { ConflictError, InputError } from '@backstage/errors';
import {
  BackupPostureInventoryProvidersExtensionPoint,
  InventoryProvider,
} from '@backup-posture/plugin-backup-posture-node';

const BUILT_IN_ORDER: readonly string[] = ['aws', 'azure'];

/**
 * The inventory providers the scan loop runs over: AWS and Azure (added by the plugin itself
 * through this same point) and any added by a module. One provider per cloud.
 */
export class ProviderRegistry implements BackupPostureInventoryProvidersExtensionPoint {
  private readonly byCloud = new Map<string, InventoryProvider>();

  addProviders(...providers: InventoryProvider[]): void {
    for (const provider of providers) {
      const cloud = provider?.cloud;
      if (typeof cloud !== 'string' || !/^[a-z][a-z0-9-]*$/.test(cloud)) {
        throw new InputError(
          `Invalid backup-posture inventory provider cloud ${JSON.stringify(cloud)}: use lowercase letters, digits and "-"`,
        );
      }
      for (const method of [
        'mappingOf',
        'keyIdOf',
        'scopeLabel',
        'startScan',
        'createIndex',
      ] as const) {
        if (typeof provider[method] !== 'function') {
          throw new InputError(
            `Backup-posture inventory provider ${cloud} has no ${method}()`,
          );
        }
      }
      if (this.byCloud.has(cloud)) {
        throw new ConflictError(
          `A backup-posture inventory provider for ${cloud} is registered twice: one provider per cloud`,
        );
      }
      this.byCloud.set(cloud, provider);
    }
  }

  /**
   * Every provider in a stable order whatever order modules started in: AWS, Azure, then the others
   * by cloud (the order of an entity's scopes and of a scan's key errors).
   */
  list(): InventoryProvider[] {
    const rank = (p: InventoryProvider) =>
      BUILT_IN_ORDER.indexOf(p.cloud) + 1 || BUILT_IN_ORDER.length + 1;
    return [...this.byCloud.values()].sort(
      (a, b) => rank(a) - rank(b) || a.cloud.localeCompare(b.cloud),
    );
  }
}
