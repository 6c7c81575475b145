export { SimulatedAws } from './SimulatedAws';
export type { CallRecord } from './callLog';
export type {
  FaultKind,
  FaultSpec,
  ActiveFault,
  LatencyRule,
  CallScope,
} from './faults';
export * from './model/types';
export {
  demoScenario,
  startOfTodayUtc,
  DEMO_ACCOUNTS,
  DEMO_REGIONS,
  DEMO_ORGANIZATION_ID,
  MPA_NOT_OPTED_IN_MESSAGE,
} from './model/demo';
export { scaleScenario } from './model/scale';
export type { ScaleOptions } from './model/scale';
export {
  EstateBuilder,
  DEFAULT_ROLE,
  AWS_OWNED_KEY_ACCOUNT,
} from './model/builder';
export { deriveBackups } from './derive/deriveBackups';
export { EstateIndex } from './derive/estateIndex';
export type * from './derive/types';
export { COPY_STATUS } from './derive/statusMessages';
export { selectionAssigns } from './derive/selection';
export { startSimulatedAwsServer } from './server';
export type { SimulatedAwsServer } from './server';
export { SIM_CREDENTIALS, SIM_ENDPOINT } from './constants';
export { AWS_RATE_QUOTAS } from './quotas';
export type { RateQuota } from './quotas';
export * from './azure';
export { simulatedBackupPostureConfig } from './backstageConfig';
