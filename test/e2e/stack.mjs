// Starts and stops the dev stack exactly as README command 1 runs it (`npm start`: simulated AWS,
// backend, frontend dev server), so the browser tests exercise what a newcomer gets.
// `E2E_START=start:legacy` runs the specs against the legacy-frontend-system app instead.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://127.0.0.1:7007';
const READINESS = `${BACKEND_URL}/.backstage/health/v1/readiness`;

async function isUp(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function waitFor(what, check, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `the dev stack exited (code ${child.exitCode}) before ${what} was up`,
      );
    }
    if (await check()) return;
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(`${what} was not up after ${timeoutMs / 1000} s`);
}

export async function startStack({ root, artifacts }) {
  for (const url of [APP_URL, READINESS]) {
    if (await isUp(url)) {
      throw new Error(
        `${url} already answers: stop the running dev app before the e2e tests`,
      );
    }
  }
  mkdirSync(artifacts, { recursive: true });
  const logPath = join(artifacts, 'stack.log');
  const log = createWriteStream(logPath);
  const script = process.env.E2E_START ?? 'start';
  const child = spawn('npm', ['run', script], {
    cwd: root,
    detached: true, // its own process group, so stop() ends every child
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await new Promise(r => {
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        r();
      }, 10000);
      child.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  };
  try {
    const started = Date.now();
    await waitFor('the backend', () => isUp(READINESS), 300_000, child);
    await waitFor('the frontend', () => isUp(APP_URL), 600_000, child);
    console.log(
      `dev stack up in ${Math.round((Date.now() - started) / 1000)} s (log: ${logPath})`,
    );
  } catch (e) {
    await stop();
    throw new Error(`${e.message}; see ${logPath}`);
  }
  return { stop, logPath };
}
