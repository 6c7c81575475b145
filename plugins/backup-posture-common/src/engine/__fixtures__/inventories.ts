/**
 * Whole test inventories: the organization, an AWS inventory, an entity's inventory, a failed
 * scope.
 */
import { AwsInventory, EntityInventory, ScopeStatus } from '../../inventory';
import { CENTRAL, DEV, MGMT, NOW, ORG_ID, PROD, RECOVERY } from './ids';

export const organization = (
  members = [MGMT, PROD, DEV, CENTRAL, RECOVERY],
) => ({
  organizationId: ORG_ID,
  managementAccountId: MGMT,
  memberAccountIds: members,
});

export function awsInventory(parts: Partial<AwsInventory> = {}): AwsInventory {
  return {
    resources: [],
    vaults: [],
    plans: [],
    recoveryPoints: [],
    copyJobs: [],
    keys: [],
    globalSettings: {
      accountId: MGMT,
      isCrossAccountBackupEnabled: true,
      isMpaEnabled: true,
    },
    organization: organization(),
    ...parts,
  };
}

export function entity(
  aws: AwsInventory | undefined,
  scopes: ScopeStatus[] = [],
  extra: Partial<EntityInventory> = {},
): EntityInventory {
  return {
    entityRef: 'component:default/payments',
    collectedAt: NOW,
    aws,
    scopes,
    problems: [],
    ...extra,
  };
}

export const errorScope = (account: string, region: string): ScopeStatus => ({
  cloud: 'aws',
  account,
  region,
  state: 'error',
  lastAttemptAt: NOW,
  error: {
    name: 'AccessDeniedException',
    message: 'not authorized to perform backup:ListBackupVaults',
  },
});
