import { describe, expect, it } from '@jest/globals';
import express, { ErrorRequestHandler } from 'express';
import request from 'supertest';
import { spec } from '../schema/openapi/generated';
import { checkRequestParameters } from './requestParameters';

/** The checks alone, before any handler: what each request is told. */
function app() {
  const a = express();
  a.use(
    checkRequestParameters(spec, {
      check: id => (id === 'known-check' ? undefined : 'is not known'),
    }),
  );
  a.use((_req, res) => {
    res.json({ ok: true });
  });
  const refused: ErrorRequestHandler = (error, _req, res, _next) => {
    res
      .status(error.name === 'InputError' ? 400 : 500)
      .json({ error: { name: error.name, message: error.message } });
  };
  a.use(refused);
  return a;
}

const answer = async (url: string, method: 'get' | 'post' = 'get') => {
  const res = await request(app())[method](url);
  return { status: res.status, message: res.body.error?.message };
};

describe('checkRequestParameters', () => {
  it("applies each rule of the spec's parameters, naming the parameter", async () => {
    expect(await answer('/report?limit=500&sort=grade&q=')).toEqual({
      status: 200,
    });
    expect(await answer('/report?limit=501')).toEqual({
      status: 400,
      message: 'limit: must be a whole number from 1 to 500, got "501"',
    });
    expect(await answer('/report?sort=nope')).toEqual({
      status: 400,
      message:
        'sort: must be one of entityRef, owner, system, lifecycle, grade, score, failing, scanned, got "nope"',
    });
    expect(await answer('/report?check=other-check&offset=5.0')).toEqual({
      status: 400,
      message:
        'offset: must be a whole number from 0 to 1000000, got "5.0"; check: is not known',
    });
    expect(await answer(`/report?q=${'x'.repeat(201)}`)).toEqual({
      status: 400,
      message: 'q: must be at most 200 characters',
    });
    expect(await answer('/report?a=1&b=2')).toEqual({
      status: 400,
      message: 'request: unknown parameter "a", "b"',
    });
    expect(await answer('/GROUPS/default/a%20b/scorecard')).toEqual({
      status: 400,
      message:
        'name: must be a catalog entity name (letters, digits and -_. between them), got "a b"',
    });
  });

  it('ignores a query on a route that takes none, and routes the spec does not list', async () => {
    expect(await answer('/scan/status?x=1')).toEqual({ status: 200 });
    expect(await answer('/scan/refresh?x=1', 'post')).toEqual({ status: 200 });
    expect(await answer('/elsewhere?x=1')).toEqual({ status: 200 });
  });
});
