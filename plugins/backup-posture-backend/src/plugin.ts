import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  backupPosturePermissions,
  listCheckIds,
  parsePostureExceptions,
} from '@backup-posture/plugin-backup-posture-common';
import { registerPostureActions } from './actions';
import { AzureClientFactory } from './azure/AzureClientFactory';
import { AzureScanner } from './azure/AzureScanner';
import { readConfig } from './config';
import { AwsClientFactory } from './discovery/clients';
import { DefaultAccountCredentials } from './discovery/credentials';
import { RegressionNotifier } from './notifications/RegressionNotifier';
import { PostureService } from './posture/PostureService';
import { ScanRunner } from './scan/ScanRunner';
import { ScanScheduler } from './scan/scanScheduler';
import { createRouter } from './service/router';
import { ReportService } from './service/ReportService';
import { createPostureStore } from './store/PostureStore';

/**
 * The backup-posture backend plugin: scheduled AWS Backup and Azure Backup discovery, stored snapshots and the
 * REST API under /api/backup-posture.
 *
 * @public
 */
export const backupPosturePlugin = createBackendPlugin({
  pluginId: 'backup-posture',
  register(env) {
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
        const exceptions = parsePostureExceptions(
          config.exceptions,
          listCheckIds(),
        );
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
            }),
            store,
            scans,
          }),
        );
      },
    });
  },
});
