import { SIM_CREDENTIALS, SIM_ENDPOINT } from './constants';
import { DEFAULT_ROLE } from './model/builder';
import { DEMO_REGIONS } from './model/demo';

/**
 * The backup-posture app-config pointed at the simulated demo estate (as the dev app's
 * app-config.yaml is), for tests that start a backend: scans at once, then every 30 minutes.
 * `awsOverrides` are merged into `backupPosture.aws`.
 */
export function simulatedBackupPostureConfig(
  awsOverrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    aws: {
      mainAccount: { ...SIM_CREDENTIALS },
    },
    backupPosture: {
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 0 },
      },
      aws: {
        endpoint: SIM_ENDPOINT,
        roleName: DEFAULT_ROLE,
        organization: { enabled: true },
        managementAccountId: '111111111111',
        regions: [...DEMO_REGIONS],
        concurrency: { scopes: 8, callsPerSecondPerScope: 200, maxAttempts: 2 },
        ...awsOverrides,
      },
    },
  };
}
