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
import { AzureScanner } from './azure/AzureScanner';
import { CheckRegistry } from './checks/CheckRegistry';
import { readConfig } from './config';
import { AwsClientFactory } from './discovery/clients';
import { DefaultAccountCredentials } from './discovery/credentials';
import { RegressionNotifier } from './notifications/RegressionNotifier';
import { PostureService } from './posture/PostureService';
import { unsupportedProviders } from './providers/unsupportedProviders';
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
    env.registerExtensionPoint(
      backupPostureInventoryProvidersExtensionPoint,
      unsupportedProviders,
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
        const posture = new PostureService({
          store,
          catalog: deps.catalog,
          logger,
          exceptions,
          checks,
          defaultTagKey: config.aws.defaultTagSelector?.tagKey,
        });
        const azure = config.azure
          ? new AzureScanner({
              config: config.azure,
              clients: new AzureClientFactory(
                config.azure,
                config.timeouts.requestMs,
              ),
              store,
              logger,
              scopeTimeoutMs: config.timeouts.scopeMs,
            })
          : undefined;
        const runner = new ScanRunner({
          azure,
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
          clients,
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
        });
        // On shutdown (a deploy, SIGTERM) the running scan stops and is closed as interrupted,
        // so the scheduler's lock is released at once instead of at schedule.timeout.
        deps.lifecycle.addShutdownHook(async () => {
          scans.stop();
          await runner.shutdown();
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
