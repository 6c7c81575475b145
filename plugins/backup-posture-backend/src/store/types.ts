import {
  EntityPostureResponse,
  EntityPostureSummary,
  FactError,
  ScanProgress,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { AzureSubscriptionSnapshot } from '../azure/types';
import { ScopeSnapshot } from '../discovery/types';

export interface StoredScope {
  status: ScopeStatus;
  snapshot?: ScopeSnapshot;
}

export interface StoredAzureSubscription {
  status: ScopeStatus;
  snapshot?: AzureSubscriptionSnapshot;
}

export interface EntityRow {
  summary: EntityPostureSummary;
  posture: EntityPostureResponse;
}

export interface ScanTotals {
  score: number | null;
  grade: string | null;
  entities: number;
  counts: Record<string, number>;
}

export type { ScanProgress, FactError };
