import { describe, expect, it } from '@jest/globals';
import { RestError } from '@azure/core-rest-pipeline';
import { setupSimulator } from '../__testUtils__/demoSimulator';
import { azureClients, collect } from '../__testUtils__/azureClients';
import {
  DEMO_AZURE_PRINCIPALS as P,
  DEMO_AZURE_SUBSCRIPTIONS as S,
} from '../azure/demo';
import {
  SIM_AZURE_CREDENTIALS,
  SIM_AZURE_SCANNER_OBJECT_ID,
} from '../azure/constants';

const sim = setupSimulator();

describe('ARM through @azure/arm-recoveryservices and @azure/arm-keyvault', () => {
  it('signs in and lists the Recovery Services vaults of a subscription', async () => {
    const vaults = await collect(
      azureClients().recoveryServices(S.prod).vaults.listBySubscriptionId(),
    );
    expect(vaults.map(v => v.name).sort()).toEqual([
      'rsv-crm',
      'rsv-crm-dr',
      'rsv-data-lake-archive',
      'rsv-erp',
      'rsv-hr-prod',
      'rsv-intranet',
      'rsv-legacy-archive',
      'rsv-payroll',
    ]);
    const hr = vaults.find(v => v.name === 'rsv-hr-prod')!;
    expect(hr).toMatchObject({
      id: `/subscriptions/${S.prod}/resourceGroups/rg-hr/providers/Microsoft.RecoveryServices/vaults/rsv-hr-prod`,
      location: 'japaneast',
      tags: { app: 'hr-portal', env: 'prod' },
      identity: { type: 'SystemAssigned' },
      properties: {
        encryption: {
          keyVaultProperties: {
            keyUri: 'https://kv-hr-prod-jpe.vault.azure.net/keys/rsv-hr-cmk',
          },
          kekIdentity: { useSystemAssignedIdentity: true },
          infrastructureEncryption: 'Enabled',
        },
        securitySettings: {
          immutabilitySettings: { state: 'Locked' },
          softDeleteSettings: { softDeleteState: 'AlwaysON' },
          multiUserAuthorization: 'Enabled',
        },
        redundancySettings: {
          standardTierStorageRedundancy: 'GeoRedundant',
          crossRegionRestore: 'Enabled',
        },
        publicNetworkAccess: 'Enabled',
      },
    });
    const payroll = vaults.find(v => v.name === 'rsv-payroll')!;
    expect(payroll.properties?.encryption).toBeUndefined();
    const intranet = vaults.find(v => v.name === 'rsv-intranet')!;
    expect(intranet.identity?.type).toBe('UserAssigned');
    expect(
      Object.values(intranet.identity!.userAssignedIdentities!)[0].principalId,
    ).toMatch(/^c0ffee00-0006/);
    expect(intranet.properties?.encryption?.kekIdentity).toMatchObject({
      useSystemAssignedIdentity: false,
      userAssignedIdentity: expect.stringContaining('id-intranet-backup'),
    });
    expect(intranet.properties?.privateEndpointConnections).toHaveLength(1);
    expect(intranet.properties?.privateEndpointStateForBackup).toBe('Enabled');

    expect(sim.countCalls({ service: 'azure-ad', operation: 'Token' })).toBe(1);
    expect(
      sim.calls.find(
        c => c.operation === 'RecoveryServicesVaults_ListBySubscriptionId',
      ),
    ).toMatchObject({
      service: 'azure-arm',
      account: S.prod,
      region: 'global',
      status: 200,
    });
  });

  it('pages vaults 50 at a time through an absolute nextLink', async () => {
    const azure = sim.estate.azure!;
    const template = azure.recoveryVaults.find(v => v.name === 'rsv-payroll')!;
    const extra = Array.from({ length: 112 }, (_, i) => ({
      ...template,
      name: `rsv-bulk-${String(i).padStart(3, '0')}`,
    }));
    azure.recoveryVaults.push(...extra);
    try {
      const vaults = await collect(
        azureClients().recoveryServices(S.prod).vaults.listBySubscriptionId(),
      );
      expect(vaults).toHaveLength(120);
      expect(new Set(vaults.map(v => v.name)).size).toBe(120);
      expect(
        sim.countCalls({
          operation: 'RecoveryServicesVaults_ListBySubscriptionId',
          status: 200,
        }),
      ).toBe(3);
    } finally {
      azure.recoveryVaults.splice(-extra.length);
    }
  });

  it('lists key vaults with their recoverability, network and access settings', async () => {
    const kvs = await collect(
      azureClients().keyVaultManagement(S.security).vaults.listBySubscription(),
    );
    expect(kvs.map(k => k.name).sort()).toEqual(['kv-crm-jpe', 'kv-data-lake']);
    const prod = await collect(
      azureClients().keyVaultManagement(S.prod).vaults.listBySubscription(),
    );
    const erp = prod.find(k => k.name === 'kv-erp')!;
    expect(erp).toMatchObject({
      type: 'Microsoft.KeyVault/vaults',
      location: 'japaneast',
      properties: {
        tenantId: SIM_AZURE_CREDENTIALS.tenantId,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        enableRbacAuthorization: true,
        networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' },
        vaultUri: 'https://kv-erp.vault.azure.net/',
      },
    });
    // ARM leaves the property out until purge protection is turned on.
    expect(erp.properties.enablePurgeProtection).toBeUndefined();
    const hr = prod.find(k => k.name === 'kv-hr-prod-jpe')!;
    expect(hr.properties.enablePurgeProtection).toBe(true);
    expect(hr.properties.accessPolicies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          permissions: expect.objectContaining({
            keys: ['get', 'list', 'wrapKey', 'unwrapKey'],
          }),
        }),
      ]),
    );
    expect(sim.countCalls({ operation: 'KeyVaults_ListBySubscription' })).toBe(
      2,
    );
  });

  it('pages key vaults by $top', async () => {
    const kvs = await collect(
      azureClients()
        .keyVaultManagement(S.prod)
        .vaults.listBySubscription({ top: 1 }),
    );
    expect(kvs).toHaveLength(3);
    expect(sim.countCalls({ operation: 'KeyVaults_ListBySubscription' })).toBe(
      3,
    );
  });

  it('lists role assignments for a key vault scope by principal, and reads role definitions', async () => {
    const client = azureClients().authorization(S.security);
    const kvScope = `subscriptions/${S.security}/resourceGroups/rg-shared-keys/providers/Microsoft.KeyVault/vaults/kv-data-lake`;
    const all = await collect(client.roleAssignments.listForScope(kvScope));
    // The two on the key vault, and the scanner's Reader inherited from the subscription.
    expect(all).toHaveLength(3);
    const mine = await collect(
      client.roleAssignments.listForScope(kvScope, {
        filter: `principalId eq '${P.dataLakeVault}'`,
      }),
    );
    expect(mine).toEqual([
      expect.objectContaining({
        principalId: P.dataLakeVault,
        principalType: 'ServicePrincipal',
        scope: `/${kvScope}`,
        roleDefinitionId: `/subscriptions/${S.security}/providers/Microsoft.Authorization/roleDefinitions/21090545-7ca7-4776-b22c-e363652d74d2`,
      }),
    ]);
    // From the subscription: the assignments below it are listed too; atScope() only those at or
    // above it (the scanner's Reader on the subscription).
    const bySub = await collect(
      client.roleAssignments.listForScope(`subscriptions/${S.security}`),
    );
    expect(bySub).toHaveLength(3);
    const atSub = await collect(
      client.roleAssignments.listForScope(`subscriptions/${S.security}`, {
        filter: 'atScope()',
      }),
    );
    expect(atSub).toEqual([
      expect.objectContaining({
        principalId: SIM_AZURE_SCANNER_OBJECT_ID,
        scope: `/subscriptions/${S.security}`,
        roleDefinitionId: expect.stringMatching(
          /roleDefinitions\/acdd72a7-3385-48ef-bd42-f606fba81ae7$/,
        ),
      }),
    ]);
    const role = await client.roleDefinitions.getById(
      mine[0].roleDefinitionId!.slice(1),
    );
    expect(role).toMatchObject({
      roleName: 'Key Vault Reader',
      roleType: 'BuiltInRole',
      permissions: [
        expect.objectContaining({
          dataActions: expect.arrayContaining([
            'Microsoft.KeyVault/vaults/*/read',
          ]),
        }),
      ],
    });
    const denied = await azureClients()
      .authorization(S.legacy)
      .roleAssignments.listForScope(`subscriptions/${S.legacy}`)
      .next()
      .catch(e => e);
    expect(denied).toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
  });

  it('denies a subscription without Reader with AuthorizationFailed', async () => {
    const error = await collect(
      azureClients().recoveryServices(S.legacy).vaults.listBySubscriptionId(),
    ).catch(e => e);
    expect(error).toBeInstanceOf(RestError);
    expect(error).toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
    expect(error.message).toContain(
      `does not have authorization to perform action 'Microsoft.RecoveryServices/vaults/read' over scope '/subscriptions/${S.legacy}'`,
    );
    expect(sim.calls.at(-1)).toMatchObject({
      account: S.legacy,
      status: 403,
      errorCode: 'AuthorizationFailed',
    });
  });

  it('answers SubscriptionNotFound for an unknown subscription', async () => {
    const error = await collect(
      azureClients()
        .recoveryServices('00000000-0000-4000-8000-000000000000')
        .vaults.listBySubscriptionId(),
    ).catch(e => e);
    expect(error).toMatchObject({
      statusCode: 404,
      code: 'SubscriptionNotFound',
    });
  });

  it('rejects a wrong client secret at the token endpoint', async () => {
    const error = await collect(
      azureClients({ clientSecret: 'wrong' })
        .recoveryServices(S.prod)
        .vaults.listBySubscriptionId(),
    ).catch(e => e);
    // @azure/identity 4.13 wraps MSAL's server error: the AADSTS code is in the message.
    expect(error.name).toBe('AuthenticationRequiredError');
    expect(error.message).toContain('invalid_client');
    expect(error.message).toContain(
      'AADSTS7000215: Invalid client secret provided.',
    );
    expect(sim.countCalls({ service: 'azure-arm' })).toBe(0);
    expect(sim.calls[0]).toMatchObject({
      service: 'azure-ad',
      operation: 'Token',
      account: SIM_AZURE_CREDENTIALS.tenantId,
      status: 401,
      errorCode: 'invalid_client',
    });
  });

  it('rejects a forged token and a token for Key Vault', async () => {
    const url = `https://management.azure.com/subscriptions/${S.prod}/providers/Microsoft.RecoveryServices/vaults?api-version=2024-04-01`;
    const forged = await fetch(url, {
      headers: { authorization: 'Bearer a.b.c' },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('InvalidAuthenticationToken');
    const vaultToken = await azureClients().credential.getToken(
      'https://vault.azure.net/.default',
    );
    const wrongAudience = await fetch(url, {
      headers: { authorization: `Bearer ${vaultToken!.token}` },
    });
    expect(wrongAudience.status).toBe(401);
    expect((await wrongAudience.json()).error.code).toBe(
      'InvalidAuthenticationTokenAudience',
    );
  });

  it('requires a bearer token and an api-version', async () => {
    const base = `https://management.azure.com/subscriptions/${S.prod}/providers/Microsoft.RecoveryServices/vaults`;
    const anonymous = await fetch(`${base}?api-version=2024-04-01`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('AuthenticationFailed');
    const token = await azureClients().credential.getToken(
      'https://management.azure.com/.default',
    );
    const noVersion = await fetch(base, {
      headers: { authorization: `Bearer ${token!.token}` },
    });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).error.code).toBe(
      'MissingApiVersionParameter',
    );
  });
});
