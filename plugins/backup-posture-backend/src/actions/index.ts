import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CheckDefinition } from '@backup-posture/plugin-backup-posture-common';
import { PostureService } from '../posture/PostureService';
import { EntityPostureStore } from '../store/types';
import { registerEntityPostureAction } from './entityPostureAction';
import { registerExplainAction } from './explainAction';
import { registerOwnerFailingChecksAction } from './ownerFailingChecksAction';

/**
 * The actions AI assistants reach through Backstage's actions registry (over MCP with
 * `@backstage/plugin-mcp-actions-backend`): read-only, each as permission-filtered as the REST API.
 */
export function registerPostureActions(
  registry: ActionsRegistryService,
  deps: {
    posture: PostureService;
    catalog: CatalogService;
    entities: EntityPostureStore;
    /** The registered checks' definitions (built-in and from modules). */
    definitions: readonly CheckDefinition[];
  },
) {
  registerEntityPostureAction(registry, deps.posture);
  registerOwnerFailingChecksAction(registry, deps);
  registerExplainAction(registry, deps.definitions);
}
