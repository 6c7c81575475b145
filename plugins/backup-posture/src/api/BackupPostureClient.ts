import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityPostureResponse,
  GroupScorecardResponse,
  ReportQuery,
  ReportResponse,
  ReportTrendResponse,
  ScanRefreshResponse,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureApi } from './BackupPostureApi';

/**
 * Talks to the backup-posture backend through the app's discovery and (authenticated) fetch APIs.
 *
 * @public
 */
export class BackupPostureClient implements BackupPostureApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityPosture(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPostureResponse> {
    const path = [
      'entities',
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.namespace,
      entityRef.name,
      'posture',
    ]
      .map(encodeURIComponent)
      .join('/');
    return this.request(path);
  }

  getGroupScorecard(groupRef: {
    namespace: string;
    name: string;
  }): Promise<GroupScorecardResponse> {
    const path = ['groups', groupRef.namespace, groupRef.name, 'scorecard']
      .map(encodeURIComponent)
      .join('/');
    return this.request(path);
  }

  getReport(query: ReportQuery): Promise<ReportResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    return this.request(search ? `report?${search}` : 'report');
  }

  getReportTrend(): Promise<ReportTrendResponse> {
    return this.request('report/trend');
  }

  getScanStatus(): Promise<ScanStatusResponse> {
    return this.request('scan/status');
  }

  refreshScan(): Promise<ScanRefreshResponse> {
    return this.request('scan/refresh', { method: 'POST' });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('backup-posture');
    const response = await this.fetchApi.fetch(`${baseUrl}/${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
