import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { SimulatedAws } from './SimulatedAws';

export interface SimulatedAwsServer {
  url: string;
  port: number;
  sim: SimulatedAws;
  close(): Promise<void>;
}

async function toFetchRequest(
  req: IncomingMessage,
  signal: AbortSignal,
): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody =
    req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(
    `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`,
    {
      method: req.method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
      signal,
    },
  );
}

async function answer(
  sim: SimulatedAws,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const request = await toFetchRequest(req, controller.signal);
  const response = await getResponse(sim.handlers(), request);
  if (!response) {
    res.writeHead(400, {
      'content-type': 'application/json',
      'x-amzn-ErrorType': 'MissingAuthenticationTokenException',
    });
    res.end(
      JSON.stringify({
        message:
          'Missing Authentication Token: sign the request with SigV4 for a simulated service (backup, kms, sts, organizations, tagging, rds, ec2, elasticfilesystem, dynamodb, s3, redshift).',
      }),
    );
    return;
  }
  if (response.type === 'error') {
    // An injected timeout ends like a dropped connection.
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Serves the simulator's msw handlers over plain HTTP, LocalStack-style: one endpoint for every
 * service, account and region (routed by the SigV4 scope and the caller's credentials).
 */
export function startSimulatedAwsServer(
  sim: SimulatedAws,
  opts: { port?: number; host?: string } = {},
): Promise<SimulatedAwsServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    answer(sim, req, res).catch(error => {
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          message: `simulator error: ${(error as Error).message}`,
        }),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        port,
        sim,
        close: () =>
          new Promise<void>(done => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
