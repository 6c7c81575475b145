import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './config.mjs';
import { appDir } from './workDirs.mjs';

/** Versions the app resolved: Backstage's core packages as installed, beside the plugins' ranges. */
export function resolvedVersions() {
  const installed = name => {
    try {
      return JSON.parse(
        readFileSync(
          join(appDir, 'node_modules', name, 'package.json'),
          'utf8',
        ),
      ).version;
    } catch {
      return '?';
    }
  };
  const frontend = JSON.parse(
    readFileSync(
      join(root, 'plugins', 'backup-posture', 'package.json'),
      'utf8',
    ),
  );
  return [
    '@backstage/frontend-plugin-api',
    '@backstage/frontend-defaults',
    '@backstage/core-components',
    '@backstage/backend-defaults',
    '@backstage/backend-plugin-api',
    '@backstage/cli',
  ]
    .map(name => {
      const range =
        frontend.dependencies?.[name] ?? frontend.devDependencies?.[name];
      return `${name} ${installed(name)}${range ? ` (frontend plugin asks ${range})` : ''}`;
    })
    .join(', ');
}
