// The install test (issue 14 item 2): a fresh app as the user's proof. Packs the plugins,
// scaffolds an app with the current @backstage/create-app (a new-frontend-system app), installs
// the tarballs with the README's steps ("Install into an existing Backstage app" and the frontend
// README's "New frontend system"), starts the app (`yarn start`) against the simulated AWS + Azure
// estate and checks in headless Chromium that the entity card, the entity tab, the group card and
// the report page (reached from the sidebar) show data. See test/install/README.md.
//
// The only differences from the README's steps: `yarn add <tarball>` instead of the registry
// name, and `resolutions` entries for @backup-posture/plugin-backup-posture-common and -node (not
// on the registry; the plugins depend on them) so they come from their tarballs too. The app runs on Node
// 24 from the npm registry (create-app refuses Node 20), on ports 3200/7207 and the simulator on
// 4766 (not the e2e suite's 3000/7007/4566).
//
// Prints `ok`/`FAIL` lines and `install: N passed, N failed`; exits non-zero on a failure. Saves
// screenshots and logs under test/install/artifacts/ and writes the result to docs/install-test.md.
// Env: INSTALL_TEST_KEEP=1 keeps the scaffolded app (printed at the end); INSTALL_TEST_APP=<dir>
// reuses such an app (skips scaffold and install; for working on this script);
// INSTALL_TEST_CREATE_APP (default `latest`), INSTALL_TEST_NODE (default 24),
// INSTALL_TEST_APP_PORT / _BACKEND_PORT / _SIM_PORT (3200 / 7207 / 4766).
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, screenshot, waitWithReload } from '../e2e/browser.mjs';
import { launchChromium } from '../e2e/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const artifacts = join(here, 'artifacts');
const logsDir = join(artifacts, 'logs');
const shotsDir = join(artifacts, 'screenshots');
const env = process.env;
const CREATE_APP = env.INSTALL_TEST_CREATE_APP ?? 'latest';
const NODE_MAJOR = env.INSTALL_TEST_NODE ?? '24';
const APP_PORT = Number(env.INSTALL_TEST_APP_PORT ?? 3200);
const BACKEND_PORT = Number(env.INSTALL_TEST_BACKEND_PORT ?? 7207);
const SIM_PORT = Number(env.INSTALL_TEST_SIM_PORT ?? 4766);
const APP_URL = `http://localhost:${APP_PORT}`;
// The app answers on its own ports and, on a cold first start, slowly.
const appOptions = { baseUrl: APP_URL, timeoutMs: 180_000 };
const reloadOptions = { timeoutMs: 240_000 };
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const KEEP = Boolean(env.INSTALL_TEST_KEEP || env.INSTALL_TEST_APP);

const PLUGINS = {
  common: 'backup-posture-common',
  node: 'backup-posture-node',
  backend: 'backup-posture-backend',
  frontend: 'backup-posture',
};
const NAMES = {
  common: '@backup-posture/plugin-backup-posture-common',
  node: '@backup-posture/plugin-backup-posture-node',
  backend: '@backup-posture/plugin-backup-posture-backend',
  frontend: '@backup-posture/plugin-backup-posture',
};

// ---- reporting ----------------------------------------------------------------------------------
const started = Date.now();
const lines = [];
const times = [];
const versions = {};
let passed = 0;
let failed = 0;
function say(line) {
  lines.push(line);
  console.log(line);
}
function ok(name) {
  passed += 1;
  say(`  ok  ${name}`);
}
function fail(name, problem) {
  failed += 1;
  say(`  FAIL  ${name}`);
  // eslint-disable-next-line no-control-regex
  const plain = String(problem).replace(/\x1b\[[0-9;]*m/g, '');
  for (const l of plain.split('\n').slice(0, 30)) say(`        ${l}`);
}
const seconds = ms => `${(ms / 1000).toFixed(0)} s`;
/** Runs one step; a failure is a FAIL line and, unless `soft`, ends the test. */
async function step(name, fn, { soft = false } = {}) {
  const t0 = Date.now();
  try {
    const result = await fn();
    times.push([name, Date.now() - t0]);
    ok(`${name} (${seconds(Date.now() - t0)})`);
    return result;
  } catch (e) {
    times.push([name, Date.now() - t0]);
    fail(`${name} (${seconds(Date.now() - t0)})`, e.message);
    if (!soft) throw Object.assign(e, { reported: true });
    return undefined;
  }
}

// ---- processes ------------------------------------------------------------------------------------
let nodeDir;
let toolsBin;
/** The app's environment: Node 24 and a `yarn` first on PATH, the npm registry for yarn. */
function appEnv(extra = {}) {
  return {
    ...env,
    PATH: `${nodeDir}/bin:${toolsBin}:${env.PATH}`,
    npm_config_nodedir: nodeDir, // node-gyp (better-sqlite3) builds against Node 24's headers
    YARN_NPM_REGISTRY_SERVER: 'https://registry.npmjs.org',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: '0',
    // Yarn 4.13 on Node 24 crashes when it retries a registry request ("The `onCancel` handler was
    // attached after the promise settled", yarnpkg/berry#7245): no retries.
    YARN_HTTP_RETRY: '0',
    BROWSER: 'none',
    FORCE_COLOR: '0',
    ...extra,
  };
}
/** Runs a command to completion, its output in logs/<log>.log; rejects with the log's tail. */
function run(cmd, args, { cwd, log, env: runEnv = env }) {
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
function daemon(cmd, args, { cwd, log, env: runEnv }) {
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
async function stopDaemons() {
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
async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}
async function waitUntil(what, url, timeoutMs, child, log) {
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

// ---- the steps ------------------------------------------------------------------------------------
const work = env.INSTALL_TEST_APP
  ? resolve(env.INSTALL_TEST_APP, '..')
  : mkdtempSync(join(tmpdir(), 'backup-posture-install-'));
const appDir = env.INSTALL_TEST_APP
  ? resolve(env.INSTALL_TEST_APP)
  : join(work, 'app');
const tarballDir = join(work, 'tarballs');
const tarballs = {};

async function fetchNode() {
  nodeDir = join(
    root,
    'node_modules',
    '.cache',
    'backup-posture-install',
    'node',
  );
  await run(
    'bash',
    [join(root, 'scripts', 'fetch-node.sh'), NODE_MAJOR, nodeDir],
    {
      cwd: root,
      log: 'fetch-node',
    },
  );
  versions.node = execFileSync(join(nodeDir, 'bin', 'node'), ['--version'], {
    encoding: 'utf8',
  }).trim();
}

/** Builds each plugin and packs a copy of it (prepack/postpack rewrite its package.json). */
async function packPlugins() {
  mkdirSync(tarballDir, { recursive: true });
  if (
    !Object.values(PLUGINS).every(dir =>
      existsSync(join(root, 'dist-types', 'plugins', dir, 'src', 'index.d.ts')),
    )
  ) {
    await run(join(root, 'node_modules', '.bin', 'tsc'), [], {
      cwd: root,
      log: 'tsc',
    });
  }
  const stageRoot = mkdtempSync(
    join(root, 'node_modules', '.cache', 'backup-posture-install', 'stage-'),
  );
  try {
    await Promise.all(
      Object.entries(PLUGINS).map(async ([key, dir]) => {
        const pluginDir = join(root, 'plugins', dir);
        await run(
          join(root, 'node_modules', '.bin', 'backstage-cli'),
          ['package', 'build'],
          {
            cwd: pluginDir,
            log: `build-${dir}`,
          },
        );
        // A copy beside the repo's node_modules, so the working tree's package.json is untouched.
        const stage = join(stageRoot, dir);
        cpSync(pluginDir, stage, {
          recursive: true,
          filter: src =>
            relative(pluginDir, src).split(sep)[0] !== 'node_modules',
        });
        await run('npm', ['pack', '--pack-destination', tarballDir], {
          cwd: stage,
          log: `pack-${dir}`,
          env: {
            ...env,
            PATH: `${join(root, 'node_modules', '.bin')}:${env.PATH}`,
          },
        });
        const prefix = `${NAMES[key].replace('@', '').replace('/', '-')}-`;
        const tgz = readdirSync(tarballDir).find(
          f => f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)),
        );
        if (!tgz)
          throw new Error(`npm pack wrote no tarball for ${NAMES[key]}`);
        tarballs[key] = join(tarballDir, tgz);
      }),
    );
  } finally {
    rmSync(stageRoot, { recursive: true, force: true });
  }
}

/** npx @backstage/create-app, as a user does, with its name from BACKSTAGE_APP_NAME. */
async function scaffold() {
  // create-app checks `yarn -v` first; a user has Yarn installed. Here `yarn` is the Yarn release
  // that create-app bundles into the app (the app's .yarnrc.yml yarnPath uses it too).
  const caDir = join(work, 'create-app');
  mkdirSync(caDir, { recursive: true });
  const tgz = execFileSync(
    'npm',
    ['pack', '--silent', `@backstage/create-app@${CREATE_APP}`],
    { cwd: caDir, encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['xzf', tgz], { cwd: caDir });
  versions.createApp = JSON.parse(
    readFileSync(join(caDir, 'package', 'package.json'), 'utf8'),
  ).version;
  const releases = join(
    caDir,
    'package',
    'templates',
    'default-app',
    '.yarn',
    'releases',
  );
  const yarnCjs = join(
    releases,
    readdirSync(releases).find(f => f.endsWith('.cjs')),
  );
  writeFileSync(
    join(toolsBin, 'yarn'),
    `#!/bin/sh\nexec node "${yarnCjs}" "$@"\n`,
  );
  chmodSync(join(toolsBin, 'yarn'), 0o755);
  await run(
    'npm',
    [
      'exec',
      '--yes',
      '--package',
      join(caDir, tgz),
      '--',
      'backstage-create-app',
      '--path',
      appDir,
      '--skip-install',
    ],
    {
      cwd: work,
      log: 'create-app',
      env: appEnv({ BACKSTAGE_APP_NAME: 'backup-posture-install-test' }),
    },
  );
}

const yarn = (args, log) =>
  run('yarn', args, { cwd: appDir, log, env: appEnv() });

function edit(file, fn) {
  const path = join(appDir, file);
  const before = readFileSync(path, 'utf8');
  const after = fn(before);
  if (after === before)
    throw new Error(`${file}: the README's edit did not apply`);
  writeFileSync(path, after);
}

/**
 * What create-app's yarn.lock seed would do. create-app fetches the seed from GitHub (unreachable
 * here; it says "Failed to fetch the yarn.lock seed file"), so the template's caret ranges float to
 * the newest versions, and a newer Backstage release can mix in: with create-app 0.9.2 (release
 * 1.55), `@backstage/plugin-signals-backend` ^0.3.19 resolves to 0.3.21 (release 1.57), which calls
 * `httpRouter.addWebSocketHandler`, missing from the template's `@backstage/backend-defaults`
 * 0.18.0, and the backend does not start ("Plugin 'signals' startup failed"). Without the seed,
 * these packages are pinned to the version the template names.
 */
const SEED_STAND_IN = ['@backstage/plugin-signals-backend'];
function seedStandIn() {
  const log = readFileSync(join(logsDir, 'create-app.log'), 'utf8');
  if (!/Failed to fetch the yarn\.lock seed/.test(log)) return [];
  const backend = JSON.parse(
    readFileSync(join(appDir, 'packages', 'backend', 'package.json'), 'utf8'),
  );
  const pins = {};
  for (const name of SEED_STAND_IN) {
    const range = backend.dependencies?.[name];
    if (range) pins[name] = range.replace(/^[\^~]/, '');
  }
  const pkgPath = join(appDir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.resolutions = { ...pkg.resolutions, ...pins };
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  return Object.entries(pins).map(([n, v]) => `${n}@${v}`);
}

/**
 * README "Install into an existing Backstage app", steps 1–3, with the tarballs; the frontend
 * README's "New frontend system": an app made by create-app discovers the plugin
 * (`app.packages: all`), so `yarn add` is the whole frontend step.
 */
async function readmeSteps() {
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

/** The simulator, then `yarn start` (backend and frontend dev server), as create-app says. */
async function startStack() {
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

// ---- browser --------------------------------------------------------------------------------------
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function browserChecks() {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(e.message));
    const noErrors = () => {
      const errs = pageErrors.splice(0);
      expect(errs.length === 0, `page errors:\n${errs.join('\n')}`);
    };

    await step(
      'browser: entity card on payments-api shows a grade and the discovered account and region',
      async () => {
        await openApp(
          page,
          '/catalog/default/component/payments-api',
          appOptions,
        );
        const card = page.getByTestId('backup-posture-card');
        const grade = card.getByTestId('backup-posture-grade');
        await waitWithReload(page, grade, reloadOptions);
        const text = await card.innerText();
        expect(
          /\b[A-F]\b/.test(await grade.first().innerText()),
          `no grade: ${text}`,
        );
        for (const fact of ['222222222222', 'ap-northeast-1'])
          expect(text.includes(fact), `card lacks ${fact}:\n${text}`);
        await screenshot(page, 'entity-card', { tall: true, dir: shotsDir });
        noErrors();
      },
      { soft: true },
    );

    await step(
      'browser: entity tab (clicked) shows the key lineage with aws/rds and the checks',
      async () => {
        await openApp(
          page,
          '/catalog/default/component/payments-api',
          appOptions,
        );
        // The entity page's tab: a link to the tab's path (not the sidebar's report link).
        await page
          .locator(
            'a[href$="/catalog/default/component/payments-api/backup-posture"]',
          )
          .first()
          .click({ timeout: 60_000 });
        await page.waitForURL(/\/payments-api\/backup-posture$/);
        const lineage = page.getByTestId('backup-posture-lineage');
        await waitWithReload(page, lineage, reloadOptions);
        expect(
          (await lineage.innerText()).includes('aws/rds'),
          'lineage lacks aws/rds',
        );
        const rows = page
          .getByTestId('backup-posture-checks')
          .getByTestId('backup-posture-check-row');
        await rows.first().waitFor();
        expect((await rows.count()) > 0, 'no check rows');
        await screenshot(page, 'entity-tab', { tall: true, dir: shotsDir });
        noErrors();
      },
      { soft: true },
    );

    await step(
      'browser: group card on team-payments lists its services with a grade',
      async () => {
        await openApp(page, '/catalog/default/group/team-payments', appOptions);
        const card = page.getByTestId('backup-posture-group-card');
        await waitWithReload(
          page,
          card.getByTestId('backup-posture-grade'),
          reloadOptions,
        );
        const text = await card.innerText();
        expect(
          text.includes('Payments API'),
          `group card lacks Payments API:\n${text}`,
        );
        await screenshot(page, 'group-card', { tall: true, dir: shotsDir });
        noErrors();
      },
      { soft: true },
    );

    await step(
      'browser: report page reached from the sidebar lists ≥ 22 services',
      async () => {
        await openApp(page, '/', appOptions);
        const link = page
          .locator('nav[aria-label="sidebar nav"]')
          .getByRole('link', { name: /backup posture/i });
        await link.first().waitFor({ state: 'attached', timeout: 60_000 });
        await link.first().click();
        await page.waitForURL(/\/backup-posture/);
        const rows = page.getByTestId('backup-posture-report-row');
        await waitWithReload(page, rows, reloadOptions);
        const count = await rows.count();
        expect(count >= 22, `expected ≥ 22 rows, got ${count}`);
        await screenshot(page, 'report-from-sidebar', {
          tall: true,
          dir: shotsDir,
        });
        noErrors();
      },
      { soft: true },
    );
  } finally {
    await browser.close();
  }
}

// ---- main -----------------------------------------------------------------------------------------
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(logsDir, { recursive: true });
toolsBin = join(work, 'bin');
mkdirSync(toolsBin, { recursive: true });
let appVersions = '?';
say(`Install test: @backstage/create-app@${CREATE_APP} app in ${appDir}`);
try {
  await step(`fetch Node ${NODE_MAJOR} from the npm registry`, fetchNode);
  if (env.INSTALL_TEST_APP) {
    say(`  (reusing ${appDir}: no pack, scaffold, install or README steps)`);
  } else {
    await step('build and npm pack the three plugins', packPlugins);
    await step('scaffold the app with npx @backstage/create-app', scaffold);
    const pins = await step(
      "stand in for create-app's yarn.lock seed when it could not fetch it",
      seedStandIn,
    );
    say(
      `        pinned: ${pins.join(', ') || 'nothing (create-app fetched the seed)'}`,
    );
    await step('yarn install (what create-app runs)', () =>
      yarn(['install'], 'yarn-install'),
    );
    await step(
      'README steps: yarn add the tarballs, backend.add, config, annotated catalog',
      readmeSteps,
    );
  }
  versions.backstage = JSON.parse(
    readFileSync(join(appDir, 'backstage.json'), 'utf8'),
  ).version;
  await step(
    'yarn tsc (type-checks the app with the plugins, as create-app does)',
    () => yarn(['tsc'], 'yarn-tsc'),
    { soft: true },
  );
  await step(
    `start simulator (:${SIM_PORT}) and yarn start (backend :${BACKEND_PORT}, app :${APP_PORT})`,
    startStack,
  );
  await browserChecks();
} catch (e) {
  if (!e.reported) fail('install test', e.stack ?? e.message);
} finally {
  await stopDaemons();
  if (existsSync(join(appDir, 'node_modules')))
    appVersions = resolvedVersions();
  if (KEEP) say(`  (kept ${appDir})`);
  else {
    // In the background: deleting the app's ~2,700 packages took 7–9 minutes on a loaded machine
    // (rm -rf as much as fs.rmSync), longer than the test itself.
    spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
    say(`  (removing ${work} in the background)`);
  }
}
const total = Date.now() - started;
say(`install: ${passed} passed, ${failed} failed (${seconds(total)})`);

// ---- docs/install-test.md -------------------------------------------------------------------------
const doc = [
  '# Install test: last result',
  '',
  '`npm run test:install` (test/install/run.mjs; see [test/install/README.md](../test/install/README.md))',
  'scaffolds an app with the current `@backstage/create-app`, installs the packed plugins with the',
  "README's steps, starts it against the simulated estate and checks the pages in headless Chromium.",
  'This file is rewritten by every run.',
  '',
  `- date: ${new Date(started).toISOString()}`,
  `- result: **${failed === 0 ? 'PASS' : 'FAIL'}** (${passed} passed, ${failed} failed) in ${seconds(total)}`,
  `- @backstage/create-app ${versions.createApp ?? '?'}, Backstage release ${versions.backstage ?? '?'} (app's backstage.json), Node ${versions.node ?? '?'} for the app`,
  `- the app resolved: ${appVersions}`,
  '',
  '## Steps and times',
  '',
  '| step | time |',
  '| --- | --- |',
  ...times.map(
    ([name, ms]) => `| ${name.replaceAll('|', '\\|')} | ${seconds(ms)} |`,
  ),
  `| total | ${seconds(total)} |`,
  '',
  '## Output',
  '',
  '```text',
  ...lines,
  '```',
  '',
].join('\n');
writeFileSync(join(root, 'docs', 'install-test.md'), doc);
// As the repo's `prettier --check .` wants it (table columns aligned).
try {
  execFileSync(
    join(root, 'node_modules', '.bin', 'prettier'),
    ['--write', join(root, 'docs', 'install-test.md')],
    { stdio: 'ignore' },
  );
} catch {
  console.log('  (prettier could not format docs/install-test.md)');
}
process.exitCode = failed > 0 ? 1 : 0;

/** Versions the app resolved: Backstage's core packages as installed, beside the plugins' ranges. */
function resolvedVersions() {
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
