import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { startPlugin, waitForScan } from '../__testUtils__/backend';
import { demoEntities, simulatedConfig } from '../__testUtils__/fixtures';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';

jest.setTimeout(180_000);

const sim = useSimulatedEstate();
const spec = parseYaml(
  readFileSync(join(__dirname, '../schema/openapi.yaml'), 'utf8'),
);
const BASE = '/api/backup-posture';

/** The spec's schema of a `/report` query parameter. */
const reportParam = (name: string) =>
  spec.paths['/report'].get.parameters
    .map((p: any) =>
      p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p,
    )
    .find((p: any) => p.name === name).schema;

/** Whether the spec's string schema (pattern, maxLength) accepts the value. */
function specAccepts(schema: any, value: string): boolean {
  return (
    [...value].length <= (schema.maxLength ?? Infinity) &&
    new RegExp(schema.pattern ?? '', 'u').test(value)
  );
}

/** Strings a hostile caller tries: inherited names, traversal, control characters, emoji. */
const nasty = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '../',
    '..%2F..',
    '%2e%2e',
    '',
    ' ',
    '\u0000',
    '\r\n',
    'a\r\nSet-Cookie: x=1',
    '😀',
    'group:default/payments',
    'payments',
    '0x10',
    '1e3',
    '99999999999999999999',
    '-1',
    '5.5',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);

const matching = (m: string | RegExp) =>
  typeof m === 'string' ? m : expect.stringMatching(m);

/** What a response tells about the refusal: a 400 is an InputError naming a parameter. */
function refusal(res: request.Response, names: string[]) {
  return {
    status: res.status < 500 ? 'not 5xx' : res.status,
    input:
      res.status !== 400 ||
      (res.body.error?.name === 'InputError' &&
        new RegExp(`^(${names.join('|')}): `).test(res.body.error.message)),
  };
}

describe('bad input is a clear 4xx, never a 5xx (fuzzed)', () => {
  it('path and query parameters', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
    });
    try {
      await waitForScan(backend.server);
      const srv = backend.server;
      const get = (path: string) => request(srv).get(`${BASE}${path}`);

      // The cases of the issue, each with its message.
      const cases: Array<[string, number, string | RegExp]> = [
        [
          `/entities/${encodeURIComponent('../x')}/default/payments-api/posture`,
          400,
          'kind: must be a catalog entity kind (a letter, then letters or digits), got "../x"',
        ],
        [
          '/report?check=__proto__',
          400,
          'check: must be a check id such as backup-key-healthy, got "__proto__"',
        ],
        [
          '/report?check=constructor',
          400,
          'check: is not the id of a posture check (see docs/checks.md)',
        ],
        [
          '/report?offset=99999999999999999999',
          400,
          'offset: must be a whole number from 0 to 1000000, got "99999999999999999999"',
        ],
        [
          '/report?offset=0x10',
          400,
          'offset: must be a whole number from 0 to 1000000, got "0x10"',
        ],
        [
          '/report?offset=1e3',
          400,
          'offset: must be a whole number from 0 to 1000000, got "1e3"',
        ],
        [
          '/report?offset=',
          400,
          'offset: must be a whole number from 0 to 1000000, got ""',
        ],
        [
          '/report?limit[]=5',
          400,
          'limit: must be given once, as a single value',
        ],
        [
          '/report?limit=5&limit=6',
          400,
          'limit: must be given once, as a single value',
        ],
        [
          `/report?owner=${encodeURIComponent('😀')}`,
          400,
          'owner: must be an entity ref such as group:default/payments, got "😀"',
        ],
        [
          `/report?q=${encodeURIComponent('a\u0000b')}`,
          400,
          'q: must not contain control characters (NUL, CR, LF, …)',
        ],
        [
          `/report?lifecycle=${encodeURIComponent('prod\r\n')}`,
          400,
          'lifecycle: must not contain control characters (NUL, CR, LF, …)',
        ],
        ['/report?nope=1', 400, 'request: unknown parameter "nope"'],
        [
          '/report/trend?limit=0',
          400,
          /^limit: must be a whole number from 1 to 1000, got "0"$/,
        ],
      ];
      for (const [path, status, message] of cases) {
        const res = await get(path);
        expect({
          path,
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({
          path,
          status,
          message: matching(message),
        });
      }
      // A valid filter still works, and matches only entities that own the check's status.
      const valid = await get('/report?check=backup-key-healthy&limit=500');
      expect(valid.status).toBe(200);
      expect(valid.body.items.length).toBeGreaterThan(0);

      await fc.assert(
        fc.asyncProperty(
          fc.record({
            kind: nasty,
            namespace: nasty,
            name: nasty,
          }),
          async p => {
            const res = await get(
              `/entities/${encodeURIComponent(p.kind)}/${encodeURIComponent(p.namespace)}/${encodeURIComponent(p.name)}/posture`,
            );
            expect(refusal(res, ['kind', 'namespace', 'name'])).toEqual({
              status: 'not 5xx',
              input: true,
            });
          },
        ),
        { numRuns: 60, seed: 20261129 },
      );

      const params = [
        'offset',
        'limit',
        'owner',
        'system',
        'lifecycle',
        'check',
        'status',
        'q',
        'sort',
        'order',
        'cloud',
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...params), nasty, { maxKeys: 3 }),
          async query => {
            const qs = new URLSearchParams(
              Object.entries(query).map(([k, v]) => [k, String(v)]),
            ).toString();
            const res = await get(`/report?${qs}`);
            expect(refusal(res, params)).toEqual({
              status: 'not 5xx',
              input: true,
            });
            expect([200, 400]).toContain(res.status);
            // Nothing matches through an inherited property.
            const inherited = (res.body.items ?? []).filter(
              (item: any) =>
                query.check !== undefined &&
                !Object.hasOwn(item.checkStatuses, query.check),
            );
            expect(inherited).toEqual([]);
            // The router and the spec agree on the text filters.
            const disagreements = ['owner', 'system', 'lifecycle', 'q']
              .filter(n => n in query && Object.keys(query).length === 1)
              .filter(
                n =>
                  (res.status === 200) !==
                  specAccepts(reportParam(n), query[n]),
              )
              .map(n => ({ name: n, value: query[n], status: res.status }));
            expect(disagreements).toEqual([]);
          },
        ),
        { numRuns: 150, seed: 20261129 },
      );
    } finally {
      await backend.stop();
    }
  });
});
