import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  BackupPostureApiPaths,
  EntityPostureResponse,
  FindingsQuery,
  GroupScorecardResponse,
  ReportQuery,
  ReportResponse,
  ReportTrendResponse,
  ScanRefreshResponse,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureApi } from './BackupPostureApi';

type Paths = BackupPostureApiPaths;
type Method = 'get' | 'post';
/**
 * The JSON body of an operation's successful answer, as the spec describes it; `unknown` (which
 * no typed method returns) when the spec has no such operation.
 */
type Answer<P extends keyof Paths, M extends Method> = Paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : unknown;

/**
 * Talks to the backup-posture backend through the app's discovery and (authenticated) fetch APIs.
 * Every call names a route of the OpenAPI spec, and is typed by it (`BackupPostureApiPaths`).
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

  async getEntityPosture(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPostureResponse> {
    // The spec leaves `inventory` and `evaluation` to the engine's types, which -common names.
    return (await this.call(
      'get',
      '/entities/{kind}/{namespace}/{name}/posture',
      {
        kind: entityRef.kind.toLocaleLowerCase('en-US'),
        namespace: entityRef.namespace,
        name: entityRef.name,
      },
    )) as EntityPostureResponse;
  }

  getGroupScorecard(groupRef: {
    namespace: string;
    name: string;
  }): Promise<GroupScorecardResponse> {
    return this.call('get', '/groups/{namespace}/{name}/scorecard', {
      namespace: groupRef.namespace,
      name: groupRef.name,
    });
  }

  getReport(query: ReportQuery): Promise<ReportResponse> {
    return this.call('get', '/report', {}, searchParams(query));
  }

  async getFindingsExport(query: FindingsQuery): Promise<string> {
    const response = await this.fetch(
      'get',
      '/report/findings',
      {},
      searchParams(query),
    );
    return response.text();
  }

  getReportTrend(): Promise<ReportTrendResponse> {
    return this.call('get', '/report/trend');
  }

  getScanStatus(): Promise<ScanStatusResponse> {
    return this.call('get', '/scan/status');
  }

  refreshScan(): Promise<ScanRefreshResponse> {
    return this.call('post', '/scan/refresh');
  }

  /** One operation of the spec, its JSON answer. */
  private async call<P extends keyof Paths, M extends Method>(
    method: M,
    template: P,
    pathParams: Record<string, string> = {},
    query?: URLSearchParams,
  ): Promise<Answer<P, M>> {
    const response = await this.fetch(method, template, pathParams, query);
    return (await response.json()) as Answer<P, M>;
  }

  /** One operation of the spec: its path template filled with the encoded path parameters. */
  private async fetch<P extends keyof Paths>(
    method: Method,
    template: P,
    pathParams: Record<string, string> = {},
    query?: URLSearchParams,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('backup-posture');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(pathParams[name]),
    );
    const search = query?.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      method === 'post' ? { method: 'POST' } : undefined,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/** The query string of `query`, without empty values. */
function searchParams(query: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  return params;
}
