import { JsonObject } from '@backstage/types';
import { simulatedConfig } from './fixtures';

/** The demo's production account in Ireland: one scope the scan lifecycle tests hang or slow. */
export const IRELAND_PROD = { account: '222222222222', region: 'eu-west-1' };

/** The simulated configuration with more `backupPosture` keys. */
export function simulatedConfigWith(extra: JsonObject): JsonObject {
  const base = simulatedConfig();
  return {
    ...base,
    backupPosture: { ...(base.backupPosture as JsonObject), ...extra },
  };
}
