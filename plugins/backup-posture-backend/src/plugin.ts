import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  backupPosturePermissions,
  parsePostureExceptions,
} from '@backup-posture/plugin-backup-posture-common';
import {
  backupPostureChecksExtensionPoint,
  backupPostureInventoryProvidersExtensionPoint,
} from '@backup-posture/plugin-backup-posture-node';
import { registerPostureActions } from './actions';
import { AzureClientFactory } from './azure/AzureClientFactory';
import { AzureInventoryProvider } from './azure/AzureInventoryProvider';
import { AwsInventoryProvider } from './aws/AwsInventoryProvider';
import { CheckRegistry } from './checks/CheckRegistry';
import { readConfig } from './config';
import { AwsClientFactory } from './aws/clients';
import { DefaultAccountCredentials } from './aws/credentials';
import { RegressionNotifier } from './notifications/RegressionNotifier';
import { PostureService } from './posture/PostureService';
import { ProviderRegistry } from './providers/ProviderRegistry';
import { CatalogFollower } from './scan/CatalogFollower';
import { ScanRunner } from './scan/ScanRunner';
import { ScanScheduler } from './scan/scanScheduler';
import { createRouter } from './service/router';
import { ReportService } from './service/ReportService';
import { createPostureStore } from './store/PostureStore';

/**
 * The backup-posture backend plugin: scheduled AWS Backup and Azure Backup discovery, stored snapshots and the
 * REST API under /api/backup-posture. It evaluates the checks registered through
 * `backupPostureChecksExtensionPoint`: the package's default export adds the built-in ones
 * (`backupPostureModuleBuiltInChecks`); this plugin alone has none.
 *
 * @public
 */
export const backupPosturePlugin = createBackendPlugin({
  pluginId: 'backup-posture',
  register(env) {
    const registry = new CheckRegistry();
    env.registerExtensionPoint(backupPostureChecksExtensionPoint, registry);
    const providers = new ProviderRegistry();
    env.registerExtensionPoint(
      backupPostureInventoryProvidersExtensionPoint,
      providers,
    );
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        rootConfig: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        auditor: coreServices.auditor,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { logger, rootConfig, database, scheduler, httpRouter } = deps;
        const config = readConfig(rootConfig);
        // Modules have registered their checks by now (they start before the plugin).
        const checks = registry.list();
        if (checks.length === 0) {
          logger.warn(
            'No backup-posture checks are registered: install backupPostureModuleBuiltInChecks (the package default export does)',
          );
        }
        const checkIds = checks.map(c => c.definition.id);
        const exceptions = parsePostureExceptions(config.exceptions, checkIds);
        deps.permissionsRegistry.addPermissions(backupPosturePermissions);

        const store = await createPostureStore(database);
        const clients = new AwsClientFactory(
          config,
          DefaultAccountCredentials.fromConfig(rootConfig, config),
        );
        // The built-in clouds, through the same point a module's provider is added by (modules
        // added theirs before this init ran).
        providers.addProviders(
          new AwsInventoryProvider({ config: config.aws, clients, logger }),
          new AzureInventoryProvider({
            config: config.azure,
            clients: config.azure
              ? new AzureClientFactory(config.azure, config.timeouts.requestMs)
              : undefined,
          }),
        );
        registry.assertCloudsProvided(providers.list().map(p => p.cloud));
        const posture = new PostureService({
          store,
          catalog: deps.catalog,
          logger,
          exceptions,
          checks,
          providers: providers.list(),
        });
        const runner = new ScanRunner({
          notifier: config.notifications.enabled
            ? new RegressionNotifier({
                notifications: deps.notifications,
                logger,
                minSeverity: config.notifications.minSeverity,
              })
            : undefined,
          config,
          logger,
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          posture,
        });
        const scans = new ScanScheduler({
          config,
          scheduler,
          store,
          runner,
          logger,
          auditor: deps.auditor,
          follower: new CatalogFollower({
            store,
            posture,
            catalog: deps.catalog,
            auth: deps.auth,
            logger,
          }),
        });
        // On shutdown (a deploy, SIGTERM) the running scan stops and is closed as interrupted,
        // so the scheduler's lock is released at once instead of at schedule.timeout.
        deps.lifecycle.addShutdownHook(async () => {
          scans.stop();
          await runner.shutdown();
          await scans.idle();
        });
        await scans.schedule();

        registerPostureActions(deps.actionsRegistry, {
          posture,
          catalog: deps.catalog,
          entities: store.entities,
          definitions: checks.map(c => c.definition),
        });

        httpRouter.use(
          await createRouter({
            auditor: deps.auditor,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            posture,
            reports: new ReportService({
              store,
              catalog: deps.catalog,
              permissions: deps.permissions,
              definitions: checks.map(c => c.definition),
            }),
            store,
            scans,
            checkIds,
          }),
        );
      },
    });
  },
});
