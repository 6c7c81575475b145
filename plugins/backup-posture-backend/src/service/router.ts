import { gunzipSync } from 'node:zlib';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { backupPostureScanRefreshPermission } from '@backup-posture/plugin-backup-posture-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PostureService } from '../posture/PostureService';
import { ScanScheduler } from '../scan/scanScheduler';
import { PostureStore } from '../store/PostureStore';
import { ReportService } from './ReportService';

const name = z.string().min(1).max(253);

/** The `/report` query (exported so the OpenAPI contract test can compare the two). */
export const reportQuery = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    owner: z.string().optional(),
    system: z.string().optional(),
    lifecycle: z.string().optional(),
    cloud: z.enum(['aws', 'azure']).optional(),
    check: z.string().optional(),
    status: z
      .enum(['pass', 'fail', 'warn', 'not-applicable', 'unknown', 'accepted'])
      .optional(),
    q: z.string().max(200).optional(),
    sort: z.enum(['score', 'entityRef', 'owner', 'grade']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  })
  .strict();

/** The `/report/trend` query. */
export const trendQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).default(90) })
  .strict();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(i => `${i.path.join('.') || 'request'}: ${i.message}`)
        .join('; '),
    );
  }
  return result.data;
}

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  posture: PostureService;
  reports: ReportService;
  store: PostureStore;
  scans: ScanScheduler;
}

/** Thin HTTP layer: parse, authenticate, delegate. Nothing here picks accounts, regions or endpoints. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, posture, reports, store, scans } = options;
  const router = Router();
  router.use(express.json());

  router.get('/entities/:kind/:namespace/:name/posture', async (req, res) => {
    const p = parse(
      z.object({ kind: name, namespace: name, name }),
      req.params,
    );
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const answer = await posture.answerEntityPosture(
      `${p.kind}:${p.namespace}/${p.name}`,
      credentials,
    );
    if ('posture' in answer) {
      res.json(answer.posture);
      return;
    }
    // Stored compressed: sent as is (the compression middleware leaves encoded bodies alone).
    res.vary('Accept-Encoding');
    res.type('application/json');
    if (req.acceptsEncodings('gzip')) {
      res.set('Content-Encoding', 'gzip');
      res.send(answer.gzipped);
    } else {
      res.send(gunzipSync(answer.gzipped));
    }
  });

  router.get('/groups/:namespace/:name/scorecard', async (req, res) => {
    const p = parse(z.object({ namespace: name, name }), req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await reports.groupScorecard(
        `group:${p.namespace}/${p.name}`,
        credentials,
      ),
    );
  });

  router.get('/report', async (req, res) => {
    const query = parse(reportQuery, req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await reports.report(query, credentials));
  });

  router.get('/report/trend', async (req, res) => {
    const { limit } = parse(trendQuery, req.query);
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await reports.trend(limit ?? 90));
  });

  router.get('/scan/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await store.scanStatus());
  });

  router.post('/scan/refresh', async (req, res) => {
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
    res.status(result.accepted ? 202 : 200).json(result);
  });

  return router;
}
