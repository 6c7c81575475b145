import { gunzipSync } from 'node:zlib';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  backupPostureScanReadPermission,
  backupPostureScanRefreshPermission,
  REPORT_SORT_KEYS,
  ScanProgress,
} from '@backup-posture/plugin-backup-posture-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PostureService } from '../posture/PostureService';
import { ScanScheduler } from '../scan/scanScheduler';
import { PostureStore } from '../store/PostureStore';
import { ReportService } from './ReportService';

/** Printable text: no control characters (NUL, CR, LF, …). */
const PRINTABLE = /^[^\p{Cc}]*$/u;
/** A catalog entity name or namespace (Backstage's rule: letters, digits, `-_.` between them). */
const NAME = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
/** A catalog entity kind. */
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
/** An entity ref as the report filters take it: `[kind:][namespace/]name`. */
const ENTITY_REF =
  /^(?:[A-Za-z][A-Za-z0-9]*:)?(?:[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*\/)?[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
/** A check id: lowercase words joined by `-`. */
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const shown = (v: unknown) => JSON.stringify(String(v)).slice(0, 80);

/** One query value, given once (never `x[]=…`, `x[a]=…` or repeated). */
const single = z.unknown().superRefine((v, ctx) => {
  if (typeof v !== 'string') {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: 'must be given once, as a single value',
    });
  }
});

const text = (max: number, what: string, pattern?: RegExp) =>
  single.pipe(
    z
      .string()
      .max(max, `must be at most ${max} characters`)
      .superRefine((v, ctx) => {
        if (!PRINTABLE.test(v)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: 'must not contain control characters (NUL, CR, LF, …)',
          });
        } else if (pattern && !pattern.test(v)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `must be ${what}, got ${shown(v)}`,
          });
        }
      }),
  );

/** A whole number in decimal digits only (no `0x10`, `1e3`, sign, blank or fraction). */
const wholeNumber = (min: number, max: number) =>
  single.pipe(
    z.string().transform((v, ctx) => {
      const n = /^\d{1,10}$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must be a whole number from ${min} to ${max}, got ${shown(v)}`,
        });
        return z.NEVER;
      }
      return n;
    }),
  );

const oneOf = <const T extends [string, ...string[]]>(values: T) =>
  single.pipe(
    z.enum(values, {
      errorMap: (_issue, ctx) => ({
        message: `must be one of ${values.join(', ')}, got ${shown(ctx.data)}`,
      }),
    }),
  );

/** Path parameters of `/entities/{kind}/{namespace}/{name}/posture` and the group scorecard. */
const pathParams = {
  kind: text(
    63,
    'a catalog entity kind (a letter, then letters or digits)',
    KIND,
  ),
  namespace: text(
    63,
    'a catalog namespace (letters, digits and -_. between them)',
    NAME,
  ),
  name: text(
    63,
    'a catalog entity name (letters, digits and -_. between them)',
    NAME,
  ),
};

/** The largest `offset` accepted. */
export const MAX_OFFSET = 1_000_000;

/** The `/report` query (exported so the OpenAPI contract test can compare the two). */
export const reportQuery = z
  .object({
    offset: wholeNumber(0, MAX_OFFSET)
      .optional()
      .default('0' as any),
    limit: wholeNumber(1, 500)
      .optional()
      .default('50' as any),
    owner: text(
      255,
      'an entity ref such as group:default/payments',
      ENTITY_REF,
    ).optional(),
    system: text(
      255,
      'an entity ref such as system:default/payments',
      ENTITY_REF,
    ).optional(),
    lifecycle: text(
      63,
      'a lifecycle such as production (letters, digits and -_. between them)',
      NAME,
    ).optional(),
    cloud: oneOf(['aws', 'azure']).optional(),
    // Whether it names a registered check is told by the route (the checks come from modules).
    check: text(
      100,
      'a check id such as backup-key-healthy',
      CHECK_ID,
    ).optional(),
    status: oneOf([
      'pass',
      'fail',
      'warn',
      'not-applicable',
      'unknown',
      'accepted',
    ]).optional(),
    q: text(200, 'printable text').optional(),
    sort: oneOf([...REPORT_SORT_KEYS]).optional(),
    order: oneOf(['asc', 'desc']).optional(),
  })
  .strict();

/** The `/report/trend` query. */
export const trendQuery = z
  .object({
    limit: wholeNumber(1, 1000)
      .optional()
      .default('90' as any),
  })
  .strict();

function parse<T>(schema: z.ZodType<T, any, any>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(i => {
          const where = i.path.join('.') || 'request';
          const message =
            i.code === 'unrecognized_keys'
              ? `unknown parameter ${i.keys.map(k => shown(k)).join(', ')}`
              : i.message;
          return `${where}: ${message}`;
        })
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
  /** The ids of the registered checks (built-in and from modules). */
  checkIds: readonly string[];
}

/** Thin HTTP layer: parse, authenticate, delegate. Nothing here picks accounts, regions or endpoints. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, posture, reports, store, scans } = options;
  // A Set, so that nothing inherited (`constructor`, `__proto__`) passes for a check id.
  const checkIds = new Set(options.checkIds);
  const router = Router();
  router.use(express.json());

  router.get('/entities/:kind/:namespace/:name/posture', async (req, res) => {
    const p = parse(z.object(pathParams), req.params);
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
    const p = parse(
      z.object({ namespace: pathParams.namespace, name: pathParams.name }),
      req.params,
    );
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
    if (query.check !== undefined && !checkIds.has(query.check)) {
      throw new InputError(
        'check: is not the id of a posture check (see docs/checks.md)',
      );
    }
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await reports.report(query, credentials));
  });

  router.get('/report/trend', async (req, res) => {
    const { limit } = parse(trendQuery, req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await reports.trend(limit ?? 90, credentials));
  });

  router.get('/scan/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: backupPostureScanReadPermission }],
      { credentials },
    );
    const status = await store.scanStatus();
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
