import { azureVaultCheck } from './azureVaultCheck';

export const rsvIdentity = azureVaultCheck({
  definition: {
    id: 'rsv-identity',
    title: 'The vault identity can reach its key',
    cloud: 'azure',
    severity: 'medium',
    rules: ['Z3', 'Z6'],
    description:
      'For vaults with a CMK: the identity type (system- or user-assigned); a user-assigned identity with private endpoints or a network-restricted key vault fails (Z6).',
    remediation: {
      why: 'The vault reads its key with a managed identity (Z3). A user-assigned identity does not work with private endpoints for Backup or with a key vault that denies public network access (Z6): backups stop.',
      console: [
        'Vault → Identity → enable the system-assigned identity and grant it access to the key.',
        'Vault → Properties → Encryption settings → Update → use the system-assigned identity.',
      ],
      cli: 'az backup vault identity assign --system-assigned --resource-group <rg> --name <vault>',
      terraform: 'identity { type = "SystemAssigned" }',
    },
    equivalentControls: {},
  },
  judge: (vault, ctx) => {
    if (!vault.keyUri)
      return { status: 'not-applicable', message: 'no customer-managed key' };
    const kv = ctx.keyVault(vault.keyUri);
    const evidence = {
      identityType: vault.identityType,
      useSystemAssignedIdentity: vault.useSystemAssignedIdentity,
      userAssignedIdentity: vault.userAssignedIdentity,
      privateEndpointCount: vault.privateEndpointCount,
      keyVaultNetworkDefaultAction: kv?.networkDefaultAction,
    };
    if (
      vault.useSystemAssignedIdentity === undefined &&
      !vault.userAssignedIdentity
    ) {
      return {
        status: 'unknown',
        message: 'encryption identity not reported',
        evidence,
      };
    }
    if (vault.useSystemAssignedIdentity)
      return { status: 'pass', message: 'system-assigned identity', evidence };
    const problems: string[] = [];
    if ((vault.privateEndpointCount ?? 0) > 0)
      problems.push('vault uses private endpoints');
    if (kv?.networkDefaultAction === 'Deny')
      problems.push('key vault is network-restricted');
    return problems.length
      ? {
          status: 'fail',
          message: `user-assigned identity does not work here: ${problems.join(', ')}`,
          evidence,
        }
      : {
          status: 'pass',
          message:
            'user-assigned identity without private endpoints or network restriction',
          evidence,
        };
  },
});
