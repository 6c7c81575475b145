// Starts the dev backend (packages/backend, the entry point `npm start` runs) as its own process group on
// PostgreSQL and a simulated estate, so a test can kill it the way a container runtime does.
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Writes the config the fault tests layer over app-config.yaml. */
export function writeFaultConfig(path, { port, simPort, databasePrefix }) {
  const yaml = `
backend:
  baseUrl: http://127.0.0.1:${port}
  listen:
    port: ${port}
    host: 127.0.0.1
  database:
    client: pg
    prefix: ${databasePrefix}
    connection:
      host: 127.0.0.1
      port: 5432
      user: postgres
backupPosture:
  # Durations merge with app-config.yaml's field by field: zero the fields it sets.
  schedule:
    frequency: { minutes: 0, seconds: 20 }
    timeout: { minutes: 15 }
    initialDelay: { seconds: 0 }
  heartbeat:
    interval: { seconds: 1 }
    staleAfter: { seconds: 5 }
  aws:
    endpoint: http://127.0.0.1:${simPort}
  azure:
    endpoint: http://127.0.0.1:${simPort}
`;
  writeFileSync(path, yaml);
}

/**
 * Starts one backend process. `kill()` sends SIGKILL to its whole process group (no shutdown
 * hook runs: what `kill -9` or an OOM kill leaves behind).
 */
export async function startBackend({ root, configPath, port, logDir, name }) {
  const log = createWriteStream(join(logDir, `${name}.log`));
  // The backend's own entry point with the CLI's TypeScript loader, as `backstage-cli package
  // start` runs it but without its file watcher (a source edit elsewhere must not restart it).
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      join(root, 'app-config.yaml'),
      '--config',
      configPath,
    ],
    {
      cwd: join(root, 'packages/backend'),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise(r => child.once('exit', r));
  const signal = sig => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const readiness = `http://127.0.0.1:${port}/.backstage/health/v1/readiness`;
  const deadline = Date.now() + 300_000;
  while (!(await answers(readiness))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      signal('SIGKILL');
      throw new Error(
        `backend ${name} did not become ready; see ${join(logDir, `${name}.log`)}`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    readyAt: Date.now(),
    async kill() {
      signal('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null) return;
      signal('SIGTERM');
      const t = setTimeout(() => signal('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Starts the simulated AWS + Azure estate on a port, with a latency on every answer. */
export async function startSimulator({ root, port, latencyMs, logDir }) {
  const log = createWriteStream(join(logDir, 'simulator.log'));
  const child = spawn(
    'npm',
    [
      'run',
      'serve',
      '-w',
      '@internal/simulated-aws',
      '--',
      '--scenario',
      'demo',
      '--port',
      String(port),
      '--latency-ms',
      String(latencyMs),
    ],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise(r => child.once('exit', r));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, {
        signal: AbortSignal.timeout(2000),
      });
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error('the simulator did not start; see simulator.log');
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }
  return {
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await exited;
    },
  };
}
