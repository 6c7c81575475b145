import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { ResponseError } from '@backstage/errors';
import { BackupPostureClient } from './BackupPostureClient';

const BASE = 'http://backstage.test/api/backup-posture';
const server = setupServer();

describe('BackupPostureClient', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const fetchCalls: string[] = [];
  const client = new BackupPostureClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backstage.test/api/${id}`,
    },
    fetchApi: {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        fetchCalls.push(String(input));
        return fetch(input, init);
      },
    },
  });

  it('requests entity posture with a lower-cased kind and encoded path parts', async () => {
    server.use(
      http.get(
        `${BASE}/entities/:kind/:namespace/:name/posture`,
        ({ params }) =>
          HttpResponse.json({
            entityRef: `${params.kind}:${params.namespace}/${params.name}`,
            state: 'ok',
          }),
      ),
    );
    const result = await client.getEntityPosture({
      kind: 'Component',
      namespace: 'default',
      name: 'orders api',
    });
    expect(result.entityRef).toBe('component:default/orders api');
    expect(fetchCalls.pop()).toBe(
      `${BASE}/entities/component/default/orders%20api/posture`,
    );
  });

  it('sends report filters as query parameters and leaves out empty ones', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE}/report`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          offset: 50,
          limit: 25,
        });
      }),
    );
    await client.getReport({
      offset: 50,
      limit: 25,
      owner: 'group:default/team-a',
      status: 'fail',
      q: '',
    });
    expect(Object.fromEntries(seen!)).toEqual({
      offset: '50',
      limit: '25',
      owner: 'group:default/team-a',
      status: 'fail',
    });
  });

  it('reads the findings export as text with the filters and format, and throws on errors', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE}/report/findings`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return new HttpResponse('entityRef,owner\r\ncomponent:default/a,\r\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    expect(
      await client.getFindingsExport({
        owner: 'group:default/team-a',
        format: 'csv',
        q: '',
      }),
    ).toBe('entityRef,owner\r\ncomponent:default/a,\r\n');
    expect(Object.fromEntries(seen!)).toEqual({
      owner: 'group:default/team-a',
      format: 'csv',
    });
    server.use(
      http.get(`${BASE}/report/findings`, () =>
        HttpResponse.json(
          { error: { name: 'InputError', message: 'format: bad' } },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .getFindingsExport({ format: 'csv' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).response.status).toBe(400);
  });

  it('posts a refresh and throws a ResponseError with status 403 when not permitted', async () => {
    server.use(
      http.post(`${BASE}/scan/refresh`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Unauthorized' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.refreshScan().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.name).toBe('NotAllowedError');
  });

  it('reads the group scorecard, trend and scan status', async () => {
    server.use(
      http.get(`${BASE}/groups/default/team-a/scorecard`, () =>
        HttpResponse.json({ groupRef: 'group:default/team-a' }),
      ),
      http.get(`${BASE}/report/trend`, () => HttpResponse.json({ points: [] })),
      http.get(`${BASE}/scan/status`, () =>
        HttpResponse.json({ last: { scanId: 's1' } }),
      ),
    );
    expect(
      (await client.getGroupScorecard({ namespace: 'default', name: 'team-a' }))
        .groupRef,
    ).toBe('group:default/team-a');
    expect(await client.getReportTrend()).toEqual({ points: [] });
    expect((await client.getScanStatus()).last?.scanId).toBe('s1');
  });

  it('throws a ResponseError on server errors', async () => {
    server.use(
      http.get(
        `${BASE}/scan/status`,
        () => new HttpResponse('boom', { status: 500 }),
      ),
    );
    const error = await client.getScanStatus().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
  });
});
