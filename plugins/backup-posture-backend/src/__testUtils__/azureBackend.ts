import { Entity } from '@backstage/catalog-model';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNOTATION_AZURE_VAULT_IDS,
  ANNOTATION_AZURE_VAULT_TAGS,
  CheckResult,
  EntityPostureResponse,
} from '@backup-posture/plugin-backup-posture-common';
import {
  DEMO_AZURE_SUBSCRIPTIONS,
  SIM_AZURE_CREDENTIALS,
} from '@internal/simulated-aws';
import request from 'supertest';
import { startPlugin } from './backend';
import { useSimulatedEstate } from './simulatedEstate';
import { componentEntity, simulatedConfig } from './fixtures';

export const S = DEMO_AZURE_SUBSCRIPTIONS;
const vaultId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${name}`;

/** The dev app's Azure block: the service principal, every demo subscription, real Azure hosts. */
function azureConfig() {
  const config = simulatedConfig();
  (config.backupPosture as any).azure = {
    ...SIM_AZURE_CREDENTIALS,
    subscriptions: Object.values(S).map(subscriptionId => ({
      subscriptionId,
    })),
    concurrency: { maxRetries: 0 },
  };
  return config;
}

const component = (name: string, annotations: Record<string, string>) =>
  componentEntity(name, annotations, { owner: 'apps' });

/**
 * The demo estate behind msw and a SQLite database for the whole test file, and
 * `startAzureBackend`: a backend scanning the demo's Azure subscriptions for its Azure entities.
 */
export function useAzureBackend() {
  const sim = useSimulatedEstate();
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  function entities(): Entity[] {
    const byTag = (app: string) =>
      component(app, { [ANNOTATION_AZURE_VAULT_TAGS]: `app=${app}` });
    const payroll = sim.estate.azure!.recoveryVaults.find(
      v => v.name === 'rsv-payroll',
    )!;
    return [
      ...[
        'hr-portal',
        'crm',
        'erp',
        'intranet',
        'legacy-files',
        'data-lake',
      ].map(byTag),
      component('payroll', {
        [ANNOTATION_AZURE_VAULT_IDS]: vaultId(
          payroll.subscriptionId,
          payroll.resourceGroup,
          payroll.name,
        ),
      }),
      component('denied-vault', {
        [ANNOTATION_AZURE_VAULT_IDS]: vaultId(
          S.legacy,
          'rg-legacy',
          'rsv-legacy-files',
        ),
      }),
      component('malformed-azure', {
        [ANNOTATION_AZURE_VAULT_IDS]: '/subscriptions/not-a-guid/vaults/x',
      }),
    ];
  }

  async function startAzureBackend() {
    const knex = await databases.init('SQLITE_3');
    return startPlugin({
      config: azureConfig(),
      entities: entities(),
      extraFeatures: [mockServices.database.factory({ knex })],
    });
  }

  return { sim, startAzureBackend };
}

export const get = async (
  srv: any,
  name: string,
): Promise<EntityPostureResponse> =>
  (
    await request(srv).get(
      `/api/backup-posture/entities/component/default/${name}/posture`,
    )
  ).body;
export const check = (p: EntityPostureResponse, id: string): CheckResult =>
  p.evaluation!.checks.find(c => c.checkId === id)!;
export const findingOf = (
  p: EntityPostureResponse,
  id: string,
  vault: string,
) => check(p, id).findings.find(f => f.subject.endsWith(`/${vault}`))!;
