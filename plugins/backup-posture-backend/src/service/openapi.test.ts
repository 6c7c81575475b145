import { describe, expect, it, jest } from '@jest/globals';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { startPlugin, waitForScan } from '../__testUtils__/backend';
import { demoEntities, simulatedConfig } from '../__testUtils__/fixtures';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';

jest.setTimeout(120_000);

const sim = useSimulatedEstate();
const spec = parseYaml(
  readFileSync(join(__dirname, '../schema/openapi.yaml'), 'utf8'),
);
const BASE = '/api/backup-posture';

/**
 * The spec with every object schema that lists its properties closed (`additionalProperties:
 * false`): a field the router sends but the spec does not name is drift too.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = closed(v);
  if (
    out.type === 'object' &&
    out.properties &&
    !('additionalProperties' in out)
  )
    out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...(closed(spec) as object), $id: 'openapi' });

const pointer = (...parts: string[]) =>
  parts.map(p => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The documented response for `status` (or `default`), checked against `body`. */
function expectDocumented(
  method: string,
  path: string,
  status: number,
  body: unknown,
) {
  const responses = spec.paths[path][method].responses;
  const key = responses[String(status)] ? String(status) : 'default';
  expect({ method, path, status, documented: !!responses[key] }).toEqual({
    method,
    path,
    status,
    documented: true,
  });
  let response = responses[key];
  let ref = `openapi#/${pointer('paths', path, method, 'responses', key)}`;
  if (response.$ref) {
    ref = `openapi${response.$ref}`;
    response = spec.components.responses[response.$ref.split('/').pop()];
  }
  const validate = ajv.getSchema(
    `${ref}/${pointer('content', 'application/json', 'schema')}`,
  )!;
  const valid = validate(body);
  expect({
    method,
    path,
    status,
    errors: valid ? [] : validate.errors,
  }).toEqual({ method, path, status, errors: [] });
}

/** A parameter of the spec, its `$ref` (to components.parameters) followed. */
const parameter = (p: any) =>
  p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p;

/** A value the parameter's schema accepts: its example, first enum value, minimum, or a word. */
function sampleOf(schema: any): string {
  if (schema.$ref) {
    return sampleOf(spec.components.schemas[schema.$ref.split('/').pop()]);
  }
  if (schema.example !== undefined) return String(schema.example);
  if (schema.enum) return String(schema.enum[0]);
  if (schema.type === 'integer') return String(schema.minimum ?? 0);
  return 'x';
}

describe('every answer matches the OpenAPI spec', () => {
  it('answers every documented operation with a body its schema accepts', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
    });
    try {
      await waitForScan(backend.server);
      const srv = backend.server;
      const checked = new Set<string>();
      const call = async (
        method: 'get' | 'post',
        path: string,
        url: string,
      ) => {
        const res = await request(srv)[method](`${BASE}${url}`);
        expectDocumented(method, path, res.status, res.body);
        checked.add(`${method.toUpperCase()} ${path}`);
        return res;
      };

      const entity = '/entities/{kind}/{namespace}/{name}/posture';
      expect(
        (
          await call(
            'get',
            entity,
            '/entities/component/default/payments-api/posture',
          )
        ).status,
      ).toBe(200);
      await call(
        'get',
        entity,
        '/entities/component/default/broken-annotation/posture',
      );
      expect(
        (
          await call(
            'get',
            entity,
            '/entities/component/default/nobody/posture',
          )
        ).status,
      ).toBe(404);

      const group = '/groups/{namespace}/{name}/scorecard';
      expect(
        (await call('get', group, '/groups/default/payments/scorecard')).status,
      ).toBe(200);

      // Every documented query parameter at once, with a value its schema allows.
      const all = new URLSearchParams(
        spec.paths['/report'].get.parameters
          .map(parameter)
          .filter((p: any) => p.in === 'query')
          .map((p: any) => [p.name, sampleOf(p.schema)]),
      );
      expect((await call('get', '/report', `/report?${all}`)).status).toBe(200);
      const report = await call('get', '/report', '/report?limit=500');
      expect(report.body.items.length).toBeGreaterThan(0);
      expect(
        (await call('get', '/report', '/report?undocumented=1')).status,
      ).toBe(400);

      // The findings export: its JSON form against the spec's FindingRow array.
      const findings = await call(
        'get',
        '/report/findings',
        '/report/findings?format=json',
      );
      expect(findings.status).toBe(200);
      expect(findings.body.length).toBeGreaterThan(0);

      expect(
        (await call('get', '/report/trend', '/report/trend?limit=5')).status,
      ).toBe(200);
      expect((await call('get', '/scan/status', '/scan/status')).status).toBe(
        200,
      );
      expect([200, 202]).toContain(
        (await call('post', '/scan/refresh', '/scan/refresh')).status,
      );
      await waitForScan(srv);
      // The scan status with a finished scan has `last` filled: checked against its schema too.
      await call('get', '/scan/status', '/scan/status');

      const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.keys(ops as object).map(m => `${m.toUpperCase()} ${path}`),
      );
      expect([...checked].sort()).toEqual(documented.sort());

      // The router serves its own spec (createOpenApiRouter), paths under the plugin's mount point.
      const served = await request(srv).get(`${BASE}/openapi.json`);
      expect(served.status).toBe(200);
      expect(Object.keys(served.body.paths)).toEqual(
        Object.keys(spec.paths).map(p => `${BASE}${p}`),
      );
    } finally {
      await backend.stop();
    }
  });
});
