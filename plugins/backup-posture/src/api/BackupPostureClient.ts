import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  BackupPostureGeneratedClient,
  BackupPostureTypedResponse,
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

/** The answer's body, or a `ResponseError` (status, the backend's error) when it is not ok. */
async function ok<T>(
  answer: Promise<BackupPostureTypedResponse<T>>,
): Promise<BackupPostureTypedResponse<T>> {
  const response = await answer;
  if (!response.ok) {
    throw await ResponseError.fromResponse(response as Response);
  }
  return response;
}

const json = async <T>(answer: Promise<BackupPostureTypedResponse<T>>) =>
  (await ok(answer)).json();

/**
 * Talks to the backup-posture backend through the app's discovery and (authenticated) fetch APIs,
 * with the client the OpenAPI spec generates (`BackupPostureGeneratedClient` of -common).
 *
 * @public
 */
export class BackupPostureClient implements BackupPostureApi {
  private readonly client: BackupPostureGeneratedClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new BackupPostureGeneratedClient(options);
  }

  async getEntityPosture(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPostureResponse> {
    // The spec leaves `inventory` and `evaluation` to the engine's types, which -common names.
    return (await json(
      this.client.getEntityPosture({
        path: {
          kind: entityRef.kind.toLocaleLowerCase('en-US'),
          namespace: entityRef.namespace,
          name: entityRef.name,
        },
      }),
    )) as EntityPostureResponse;
  }

  getGroupScorecard(groupRef: {
    namespace: string;
    name: string;
  }): Promise<GroupScorecardResponse> {
    return json(this.client.getGroupScorecard({ path: groupRef }));
  }

  getReport(query: ReportQuery): Promise<ReportResponse> {
    return json(this.client.getReport({ query }));
  }

  async getFindingsExport(query: FindingsQuery): Promise<string> {
    return (await ok(this.client.getReportFindings({ query }))).text();
  }

  getReportTrend(): Promise<ReportTrendResponse> {
    return json(this.client.getReportTrend({}));
  }

  getScanStatus(): Promise<ScanStatusResponse> {
    return json(this.client.getScanStatus());
  }

  refreshScan(): Promise<ScanRefreshResponse> {
    return json(this.client.refreshScan());
  }
}
