import { appEnv } from './appTools.mjs';
import { APP_URL, BACKEND_URL, SIM_PORT, env, root } from './config.mjs';
import { answers, daemon, waitUntil } from './processes.mjs';
import { appDir } from './workDirs.mjs';

/** The simulator, then `yarn start` (backend and frontend dev server), as create-app says. */
export async function startStack() {
  for (const url of [
    `${APP_URL}`,
    `${BACKEND_URL}/.backstage/health/v1/readiness`,
    `http://127.0.0.1:${SIM_PORT}`,
  ]) {
    if (await answers(url))
      throw new Error(
        `${url} already answers: something else uses the test's ports`,
      );
  }
  const sim = daemon(
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
      String(SIM_PORT),
    ],
    { cwd: root, log: 'simulator', env: { ...env, FORCE_COLOR: '0' } },
  );
  const app = daemon('yarn', ['start'], {
    cwd: appDir,
    log: 'yarn-start',
    env: appEnv(),
  });
  await waitUntil(
    'the backend',
    `${BACKEND_URL}/.backstage/health/v1/readiness`,
    600_000,
    app,
    'yarn-start',
  );
  await waitUntil(
    'the frontend dev server',
    APP_URL,
    900_000,
    app,
    'yarn-start',
  );
  if (sim.exitCode !== null) throw new Error('the simulator exited');
}
