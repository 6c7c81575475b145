import { once } from 'node:events';
import { gunzipSync } from 'node:zlib';
import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  backupPostureScanReadPermission,
  backupPostureScanRefreshPermission,
  ScanProgress,
} from '@backup-posture/plugin-backup-posture-common';
import express from 'express';
import { createOpenApiRouter, spec } from '../schema/openapi/generated';
import { PostureService } from '../posture/PostureService';
import { ScanScheduler } from '../scan/scanScheduler';
import { PostureStore } from '../store/PostureStore';
import { CSV_HEADER, csvLine } from './findingsExport';
import { ReportService } from './ReportService';
import { checkRequestParameters } from './requestParameters';

export interface RouterOptions {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  posture: PostureService;
  reports: ReportService;
  store: PostureStore;
  scans: ScanScheduler;
  /** The ids of the registered checks (built-in and from modules). */
  checkIds: readonly string[];
}

/**
 * Thin HTTP layer: the spec validates, the handlers authenticate and delegate. The routes, their
 * parameters and their answers are the OpenAPI spec's (`createOpenApiRouter` types each handler
 * by it). Nothing here picks accounts, regions or endpoints.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auditor, httpAuth, permissions, posture, reports, store, scans } =
    options;
  // A Set, so that nothing inherited (`constructor`, `__proto__`) passes for a check id.
  const checkIds = new Set(options.checkIds);
  const router = await createOpenApiRouter({
    middleware: [
      express.json(),
      checkRequestParameters(spec, {
        check: id =>
          checkIds.has(id)
            ? undefined
            : 'is not the id of a posture check (see docs/checks.md)',
      }),
    ],
    validatorOptions: {
      // Credentials are the httpAuth service's (tokens, cookies, tests' mocks), not the header's.
      validateSecurity: false,
      // checkRequestParameters refuses unknown query parameters where an operation has any
      // (/report, /report/trend) and, as before, ignores them on the routes that take none.
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
    },
  });

  router.get('/entities/:kind/:namespace/:name/posture', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const answer = await posture.answerEntityPosture(
      `${kind}:${namespace}/${name}`,
      credentials,
    );
    if ('posture' in answer) {
      res.json(answer.posture);
      return;
    }
    // The one answer the spec does not type: the stored posture, compressed, sent as is (the
    // compression middleware leaves encoded bodies alone).
    res.vary('Accept-Encoding');
    res.type('application/json');
    if (req.acceptsEncodings('gzip')) {
      res.set('Content-Encoding', 'gzip');
      res.send(answer.gzipped as any);
    } else {
      res.send(gunzipSync(answer.gzipped) as any);
    }
  });

  router.get('/groups/:namespace/:name/scorecard', async (req, res) => {
    const { namespace, name } = req.params;
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await reports.groupScorecard(`group:${namespace}/${name}`, credentials),
    );
  });

  router.get('/report', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await reports.report(req.query, credentials));
  });

  router.get('/report/findings', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const format = req.query.format ?? 'csv';
    res.attachment(`backup-posture-findings.${format}`);
    res.type(format === 'csv' ? 'text/csv' : 'application/json');
    // Streamed a page of entities at a time, waiting for the client when it reads slowly.
    const write = async (chunk: string) => {
      if (!res.write(chunk)) await once(res, 'drain');
    };
    let first = true;
    const pages = reports.findings(req.query, credentials);
    try {
      await write(format === 'csv' ? CSV_HEADER : '[');
      for await (const rows of pages) {
        for (const row of rows) {
          if (format === 'csv') await write(csvLine(row));
          else {
            await write(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
            first = false;
          }
        }
      }
      if (format === 'json') await write(first ? ']' : '\n]');
      res.end();
    } catch (e) {
      // The status is sent already: cut the download so it is never taken for a whole one.
      res.destroy(e as Error);
    }
  });

  router.get('/report/trend', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await reports.trend(req.query.limit ?? 90, credentials));
  });

  router.get('/scan/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: backupPostureScanReadPermission }],
      { credentials },
    );
    const status = await store.scans.scanStatus();
    if (decision.result === AuthorizeResult.ALLOW) {
      res.json(status);
      return;
    }
    // Progress only: no account, subscription, principal or error message.
    const progressOnly = ({ error: _error, ...p }: ScanProgress) => ({
      ...p,
      errors: [],
      ...(p.keyErrors ? { keyErrors: [] } : {}),
    });
    res.json({
      ...(status.current ? { current: progressOnly(status.current) } : {}),
      ...(status.last ? { last: progressOnly(status.last) } : {}),
    });
  });

  router.post('/scan/refresh', async (req, res) => {
    // Audited with the caller (the auditor reads it from the request) and the outcome.
    const event = await auditor.createEvent({
      eventId: 'scan-refresh',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const [decision] = await permissions.authorize(
        [{ permission: backupPostureScanRefreshPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError('Not allowed to start a backup posture scan');
      }
      const principal = credentials.principal as {
        userEntityRef?: string;
        subject?: string;
      };
      const who = principal.userEntityRef ?? principal.subject ?? 'unknown';
      const result = await scans.refresh(who);
      await event.success({ meta: { ...result } });
      res.status(result.accepted ? 202 : 200).json(result);
    } catch (e) {
      await event.fail({ error: e as Error });
      throw e;
    }
  });

  return router;
}
