// Commands the install test runs: to completion, or as daemons in their own process groups that
// stopDaemons() ends; and waiting until a URL answers.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { env, logsDir, root } from './config.mjs';

/** Runs a command to completion, its output in logs/<log>.log; rejects with the log's tail. */
export function run(cmd, args, { cwd, log, env: runEnv = env }) {
  mkdirSync(logsDir, { recursive: true });
  const logPath = join(logsDir, `${log}.log`);
  const out = createWriteStream(logPath);
  out.write(`$ ${cmd} ${args.join(' ')}   (in ${cwd})\n`);
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, {
      cwd,
      env: runEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = chunk => {
      tail = (tail + chunk).slice(-6000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', rej);
    child.on('close', code => {
      out.end();
      if (code === 0) res(tail);
      else
        rej(
          new Error(
            `${cmd} ${args.join(' ')} exited ${code} (log: ${relative(root, logPath)})\n${tail
              .trim()
              .split('\n')
              .slice(-25)
              .join('\n')}`,
          ),
        );
    });
  });
}
const daemons = [];
/** Starts a long-running process in its own process group, its output in logs/<log>.log. */
export function daemon(cmd, args, { cwd, log, env: runEnv }) {
  mkdirSync(logsDir, { recursive: true });
  const out = createWriteStream(join(logsDir, `${log}.log`));
  const child = spawn(cmd, args, {
    cwd,
    env: runEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  daemons.push(child);
  return child;
}
export async function stopDaemons() {
  for (const child of daemons.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      continue;
    }
    const exited = await Promise.race([
      new Promise(r => child.once('exit', () => r(true))),
      new Promise(r => setTimeout(() => r(false), 15_000)),
    ]);
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
}
export async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}
export async function waitUntil(what, url, timeoutMs, child, log) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = readFileSync(join(logsDir, `${log}.log`), 'utf8')
        .trim()
        .split('\n')
        .slice(-25)
        .join('\n');
      throw new Error(
        `exited (code ${child.exitCode}) before ${what} answered:\n${tail}`,
      );
    }
    if (await answers(url)) return;
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(`${what} (${url}) did not answer in ${timeoutMs / 1000} s`);
}
