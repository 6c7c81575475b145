import { ScopeStatus } from '@backup-posture/plugin-backup-posture-common';

/**
 * The status of an account × region that holds evidence about an entity (e.g. a copy
 * destination) but is not among the scanned accounts and regions: its facts are missing, so the
 * checks that need them answer unknown with this reason.
 */
export function notScannedScope(account: string, region: string): ScopeStatus {
  return {
    cloud: 'aws',
    account,
    region,
    state: 'error',
    error: {
      name: 'NotScanned',
      message: `account ${account} in ${region} is not among the scanned accounts and regions (backupPosture.aws accounts and regions)`,
    },
  };
}
