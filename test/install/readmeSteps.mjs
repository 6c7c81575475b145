import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { yarn } from './appTools.mjs';
import {
  APP_URL,
  BACKEND_PORT,
  BACKEND_URL,
  NAMES,
  SIM_PORT,
  root,
} from './config.mjs';
import { appDir, tarballs } from './workDirs.mjs';

function edit(file, fn) {
  const path = join(appDir, file);
  const before = readFileSync(path, 'utf8');
  const after = fn(before);
  if (after === before)
    throw new Error(`${file}: the README's edit did not apply`);
  writeFileSync(path, after);
}

/**
 * README "Install into an existing Backstage app", steps 1–3, with the tarballs; the frontend
 * README's "New frontend system": an app made by create-app discovers the plugin
 * (`app.packages: all`), so `yarn add` is the whole frontend step.
 */
export async function readmeSteps() {
  // Not a README step: the common and node packages are not on the registry, so the plugins'
  // dependencies on them resolve to their tarballs.
  const pkgPath = join(appDir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.resolutions = {
    ...pkg.resolutions,
    [NAMES.common]: `file:${tarballs.common}`,
    [NAMES.node]: `file:${tarballs.node}`,
  };
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

  // 1. Backend.
  await yarn(
    ['--cwd', 'packages/backend', 'add', tarballs.backend],
    'yarn-add-backend',
  );
  edit('packages/backend/src/index.ts', s =>
    s.replace(
      /\nbackend\.start\(\);/,
      `\nbackend.add(import('${NAMES.backend}'));\n\nbackend.start();`,
    ),
  );
  // 2. Frontend.
  await yarn(
    ['--cwd', 'packages/app', 'add', tarballs.frontend],
    'yarn-add-frontend',
  );
  // 3. Annotated entities: the demo catalog, whose annotations point into the simulated estate.
  cpSync(
    join(root, 'examples', 'catalog'),
    join(appDir, 'examples', 'backup-posture'),
    {
      recursive: true,
    },
  );
  // Configuration: the README's keys, pointed at the simulator; the test's ports.
  const devConfig = readFileSync(join(root, 'app-config.yaml'), 'utf8');
  const section = key => {
    const m = devConfig.match(
      new RegExp(`^${key}:\\n(?:(?:  .*|\\s*)\\n)*`, 'm'),
    );
    if (!m) throw new Error(`app-config.yaml has no ${key} section`);
    return m[0].replaceAll(
      'http://127.0.0.1:4566',
      `http://127.0.0.1:${SIM_PORT}`,
    );
  };
  writeFileSync(
    join(appDir, 'app-config.local.yaml'),
    [
      '# Written by test/install/run.mjs: ports beside the e2e suite, the demo catalog, the',
      '# backup-posture configuration pointed at the simulated estate.',
      'app:',
      `  baseUrl: ${APP_URL}`,
      'backend:',
      `  baseUrl: ${BACKEND_URL}`,
      '  listen:',
      `    port: ${BACKEND_PORT}`,
      '  cors:',
      `    origin: ${APP_URL}`,
      '    methods: [GET, HEAD, PATCH, POST, PUT, DELETE]',
      '    credentials: true',
      'catalog:',
      '  rules:',
      '    - allow: [Component, System, API, Resource, Location, Group, User, Domain, Template]',
      '  locations:',
      '    - type: file',
      '      target: ../../examples/backup-posture/all.yaml',
      section('aws'),
      section('backupPosture'),
    ].join('\n'),
  );
}
