// The install test's settings: where it writes, the ports and versions it uses (from the
// environment, see run.mjs) and the plugins it packs.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const artifacts = join(here, 'artifacts');
export const logsDir = join(artifacts, 'logs');
export const shotsDir = join(artifacts, 'screenshots');
export const env = process.env;
export const CREATE_APP = env.INSTALL_TEST_CREATE_APP ?? 'latest';
export const NODE_MAJOR = env.INSTALL_TEST_NODE ?? '24';
export const APP_PORT = Number(env.INSTALL_TEST_APP_PORT ?? 3200);
export const BACKEND_PORT = Number(env.INSTALL_TEST_BACKEND_PORT ?? 7207);
export const SIM_PORT = Number(env.INSTALL_TEST_SIM_PORT ?? 4766);
export const APP_URL = `http://localhost:${APP_PORT}`;
// The app answers on its own ports and, on a cold first start, slowly.
export const appOptions = { baseUrl: APP_URL, timeoutMs: 180_000 };
export const reloadOptions = { timeoutMs: 240_000 };
export const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
export const KEEP = Boolean(env.INSTALL_TEST_KEEP || env.INSTALL_TEST_APP);

export const PLUGINS = {
  common: 'backup-posture-common',
  node: 'backup-posture-node',
  backend: 'backup-posture-backend',
  frontend: 'backup-posture',
};
export const NAMES = {
  common: '@backup-posture/plugin-backup-posture-common',
  node: '@backup-posture/plugin-backup-posture-node',
  backend: '@backup-posture/plugin-backup-posture-backend',
  frontend: '@backup-posture/plugin-backup-posture',
};
