// The packaging test: builds and `npm pack`s each published plugin the way a release would
// (prepack / postpack rewrite package.json to the publishConfig and the built entry points), then
// checks what a user installs from the tarballs:
// - every entry point (main, module, types, exports, typesVersions, configSchema, files) exists;
// - the declared dependencies (and peers) cover every bare import in dist (built JS and .d.ts);
// - a consumer outside the workspace, whose node_modules holds the tarballs and, for each, only
//   its declared dependencies, can require() the backend, node, Tech Insights module and common
//   packages and type-check a file that uses the frontend's public API and its /alpha (new
//   frontend system) entry, and a check module written against the node package.
// The dependencies of the consumer are links into this repository's node_modules (offline and
// fast); nothing else from the workspace is visible to it.
//
// Packing runs on a copy of each plugin under node_modules/.cache (gitignored), so the working
// tree's package.json files are never rewritten. Needs dist-types/ from `npm run tsc` (run first in
// `npm test`; run here when missing). Prints 'N passed, N failed' and exits non-zero on a failure.
import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const ts = requireFromRoot('typescript');

const PLUGINS = [
  'backup-posture-common',
  'backup-posture-node',
  'backup-posture-backend',
  'backup-posture',
  'tech-insights-backend-module-backup-posture',
].map(dir => {
  const pluginDir = join(root, 'plugins', dir);
  const pkg = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8'));
  return { dir, pluginDir, name: pkg.name };
});
const OWN = new Set(PLUGINS.map(p => p.name));
const byDir = Object.fromEntries(PLUGINS.map(p => [p.dir, p]));

let passed = 0;
let failed = 0;
function check(name, problems) {
  const list = [problems].flat().filter(Boolean);
  if (list.length === 0) {
    passed += 1;
    console.log(`  ok  ${name}`);
  } else {
    failed += 1;
    console.log(`  FAIL  ${name}`);
    for (const p of list) console.log(`        - ${p}`);
  }
}
const bin = name => join(root, 'node_modules', '.bin', name);
function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
  });
}
const execFileAsync = promisify(execFile);
async function runAsync(cmd, args, opts = {}) {
  try {
    return await execFileAsync(cmd, args, {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      ...opts,
    });
  } catch (e) {
    e.message = `${cmd} ${args.join(' ')} (in ${opts.cwd}) failed: ${e.message}`;
    throw e;
  }
}
async function timedAsync(label, fn) {
  const start = Date.now();
  const result = await fn();
  console.log(`  (${label}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return result;
}
function timed(label, fn) {
  const start = Date.now();
  const result = fn();
  console.log(`  (${label}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return result;
}

// ---- 1. build and pack ------------------------------------------------------------------------
const cacheDir = join(root, 'node_modules', '.cache', 'backup-posture-pack');
mkdirSync(cacheDir, { recursive: true });
const stageRoot = mkdtempSync(join(cacheDir, 'stage-'));
const work = mkdtempSync(join(tmpdir(), 'backup-posture-pack-'));
const tarballDir = join(work, 'tarballs');
const consumer = join(work, 'consumer');
mkdirSync(tarballDir);
mkdirSync(join(consumer, 'node_modules'), { recursive: true });

try {
  console.log('Packaging test: build, npm pack, install into a consumer');
  if (
    !PLUGINS.every(p =>
      existsSync(
        join(root, 'dist-types', 'plugins', p.dir, 'src', 'index.d.ts'),
      ),
    )
  ) {
    timed('tsc', () => run(bin('tsc'), [], { cwd: root }));
  }

  // The plugins build and pack side by side (each step is mostly single-threaded).
  await Promise.all(
    PLUGINS.map(async p => {
      await timedAsync(`build ${p.dir}`, () =>
        runAsync(bin('backstage-cli'), ['package', 'build'], {
          cwd: p.pluginDir,
        }),
      );
      // A copy beside the repo's node_modules (so backstage-cli finds the repo root and the
      // feature detection resolves types), without the plugin's own node_modules.
      const stage = join(stageRoot, p.dir);
      cpSync(p.pluginDir, stage, {
        recursive: true,
        filter: src =>
          relative(p.pluginDir, src).split(sep)[0] !== 'node_modules',
      });
      const destination = join(tarballDir, p.dir);
      mkdirSync(destination);
      await timedAsync(`npm pack ${p.dir}`, () =>
        runAsync('npm', ['pack', '--pack-destination', destination], {
          cwd: stage,
          env: {
            ...process.env,
            PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}`,
          },
        }),
      );
      const tgz = readdirSync(destination).find(f => f.endsWith('.tgz'));
      if (!tgz) throw new Error(`npm pack wrote no tarball for ${p.name}`);
      p.tarball = join(destination, tgz);
      // Unpack where a consumer's install would put it.
      p.installed = join(consumer, 'node_modules', ...p.name.split('/'));
      mkdirSync(p.installed, { recursive: true });
      run('tar', ['xzf', p.tarball, '-C', p.installed, '--strip-components=1']);
      p.pkg = JSON.parse(
        readFileSync(join(p.installed, 'package.json'), 'utf8'),
      );
    }),
  );

  // ---- 2. entry points ------------------------------------------------------------------------
  const walk = dir =>
    readdirSync(dir, { withFileTypes: true }).flatMap(e =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  // Paths in exports / typesVersions (the `backstage` condition names a feature type, no file).
  const leaves = v =>
    typeof v === 'string'
      ? [v]
      : v && typeof v === 'object'
        ? Object.entries(v)
            .filter(([k]) => k !== 'backstage')
            .flatMap(([, x]) => leaves(x))
        : [];

  for (const p of PLUGINS) {
    const pkg = p.pkg;
    const problems = [];
    const targets = [];
    for (const key of ['main', 'module', 'types', 'configSchema']) {
      if (pkg[key]) targets.push([key, pkg[key]]);
    }
    if (!pkg.main) problems.push('no main');
    if (!pkg.types) problems.push('no types');
    for (const t of leaves(pkg.exports)) targets.push(['exports', t]);
    for (const t of leaves(pkg.typesVersions))
      targets.push(['typesVersions', t]);
    for (const t of pkg.files ?? []) targets.push(['files', t]);
    for (const [key, t] of targets) {
      if (!existsSync(join(p.installed, t))) {
        problems.push(`${key} → ${t} is not in the tarball`);
      } else if (/\.tsx?$/.test(t) && !t.endsWith('.d.ts')) {
        problems.push(`${key} → ${t} is TypeScript source`);
      }
    }
    if (pkg.scripts?.prepack !== 'backstage-cli package prepack') {
      problems.push('no prepack script (backstage-cli package prepack)');
    }
    for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
      if (/^(workspace|file|link):/.test(range)) {
        problems.push(`dependency ${dep}@${range} cannot be installed`);
      }
    }
    check(`${p.name}: entry points and exports exist in the tarball`, problems);
  }

  const backend = byDir['backup-posture-backend'];
  {
    const problems = [];
    const shipped = existsSync(join(backend.installed, 'migrations'))
      ? readdirSync(join(backend.installed, 'migrations')).sort()
      : [];
    const source = readdirSync(join(backend.pluginDir, 'migrations')).sort();
    if (shipped.join() !== source.join()) {
      problems.push(
        `migrations shipped [${shipped.join(', ')}], source has [${source.join(', ')}]`,
      );
    }
    const schema = backend.pkg.configSchema;
    if (!schema) problems.push('no configSchema');
    else if (schema.endsWith('.json')) {
      const json = JSON.parse(
        readFileSync(join(backend.installed, schema), 'utf8'),
      );
      if (!JSON.stringify(json).includes('backupPosture')) {
        problems.push(`${schema} does not describe backupPosture`);
      }
    }
    check(`${backend.name}: migrations and config schema shipped`, problems);
  }

  // ---- 3. declared dependencies cover what dist imports ----------------------------------------
  const builtins = new Set(builtinModules);
  const packageName = spec =>
    spec.startsWith('@')
      ? spec.split('/').slice(0, 2).join('/')
      : spec.split('/')[0];
  for (const p of PLUGINS) {
    const declared = new Set([
      ...Object.keys(p.pkg.dependencies ?? {}),
      ...Object.keys(p.pkg.peerDependencies ?? {}),
      ...Object.keys(p.pkg.optionalDependencies ?? {}),
    ]);
    const missing = new Map();
    const files = walk(p.installed).filter(f =>
      /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f),
    );
    for (const file of files) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const specs = [
        ...info.importedFiles,
        ...info.typeReferenceDirectives,
      ].map(r => r.fileName);
      for (const spec of specs) {
        if (/^[./]/.test(spec) || spec.startsWith('node:')) continue;
        const name = packageName(spec);
        if (builtins.has(name) || name === p.name || declared.has(name)) {
          continue;
        }
        if (!missing.has(name)) missing.set(name, relative(p.installed, file));
      }
    }
    check(
      `${p.name}: dependencies cover every import in dist (${files.length} files)`,
      [...missing].map(([n, f]) => `${n} (imported by ${f}) is not declared`),
    );
  }

  // ---- 4. a consumer outside the workspace ------------------------------------------------------
  // Where the workspace installed a dependency for a plugin (its own node_modules, else the root's).
  const locate = (fromDir, name) => {
    for (let d = fromDir; ; d = dirname(d)) {
      const candidate = join(d, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      if (d === root || d === dirname(d)) return undefined;
    }
  };
  const link = (target, at) => {
    if (existsSync(at) || isLink(at)) return;
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, 'dir');
  };
  const isLink = at => {
    try {
      return lstatSync(at).isSymbolicLink();
    } catch {
      return false;
    }
  };
  // Each tarball gets exactly its declared dependencies, nested under it.
  for (const p of PLUGINS) {
    for (const dep of Object.keys(p.pkg.dependencies ?? {})) {
      if (OWN.has(dep)) continue;
      const found = locate(p.pluginDir, dep);
      if (found)
        link(found, join(p.installed, 'node_modules', ...dep.split('/')));
    }
  }
  // What the app itself provides: the frontend's peers, and the types an app's tsconfig has.
  for (const dep of [
    ...Object.keys(byDir['backup-posture'].pkg.peerDependencies ?? {}),
    '@types/react',
    '@types/react-dom',
    '@types/node',
  ]) {
    const found = locate(root, dep);
    if (found) link(found, join(consumer, 'node_modules', ...dep.split('/')));
  }
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify(
      {
        name: 'backup-posture-consumer',
        private: true,
        dependencies: Object.fromEntries(
          PLUGINS.map(p => [p.name, `file:${relative(consumer, p.tarball)}`]),
        ),
      },
      null,
      2,
    ),
  );

  // 4a. Node loads the backend plugin and the common library from the tarballs.
  writeFileSync(
    join(consumer, 'load.cjs'),
    `const assert = require('node:assert');
const backendPath = require.resolve('${backend.name}');
assert.ok(backendPath.startsWith(__dirname), 'backend resolved outside the consumer: ' + backendPath);
const backend = require('${backend.name}');
assert.strictEqual(backend.default && backend.default.$$type, '@backstage/BackendFeature');
const common = require('${byDir['backup-posture-common'].name}');
assert.ok(Object.keys(common).length > 10, 'common exports: ' + Object.keys(common));
const node = require('${byDir['backup-posture-node'].name}');
assert.strictEqual(node.backupPostureChecksExtensionPoint.id, 'backup-posture.checks');
assert.strictEqual(typeof node.finding, 'function');
assert.strictEqual(backend.backupPostureModuleBuiltInChecks.$$type, '@backstage/BackendFeature');
const techInsights = require('${byDir['tech-insights-backend-module-backup-posture'].name}');
assert.strictEqual(techInsights.default && techInsights.default.$$type, '@backstage/BackendFeature');
console.log('loaded', backendPath);
`,
  );
  {
    let problem;
    try {
      const env = { ...process.env };
      delete env.NODE_PATH;
      delete env.NODE_OPTIONS;
      run(process.execPath, ['load.cjs'], { cwd: consumer, env });
    } catch (e) {
      problem = `${(e.stderr || e.message).trim().split('\n').slice(0, 12).join('\n          ')}`;
    }
    check(
      'consumer: require() the backend plugin, the node library, the Tech Insights module and the common library',
      problem,
    );
  }

  // 4b. tsc type-checks a file using the frontend's public API and /alpha, and a check module
  // written against the node package, from the tarballs alone.
  const frontend = byDir['backup-posture'];
  const nodeLibrary = byDir['backup-posture-node'];
  const appFile = join(consumer, 'src', 'App.tsx');
  mkdirSync(dirname(appFile), { recursive: true });
  writeFileSync(
    appFile,
    `import {
  backupPosturePlugin,
  backupPostureApiRef,
  backupPostureRootRouteRef,
  BackupPostureClient,
  BackupPostureReportPage,
  EntityBackupPostureCard,
  EntityBackupPostureContent,
  EntityGroupBackupPostureCard,
  isBackupPostureAvailable,
} from '${frontend.name}';
import type { BackupPostureApi } from '${frontend.name}';
import nfsPlugin, {
  backupPostureEntityCard,
  backupPostureReportPage,
} from '${frontend.name}/alpha';
import backendPlugin, {
  backupPostureModuleBuiltInChecks,
  backupPosturePlugin as backendOnly,
} from '${backend.name}';
import type { BackupPostureConfig } from '${backend.name}';
import {
  backupPostureChecksExtensionPoint,
  finding,
} from '${nodeLibrary.name}';
import type {
  AwsCheck,
  BackupPostureChecksExtensionPoint,
} from '${nodeLibrary.name}';

export const legacy = [
  backupPosturePlugin.getId(),
  backupPostureApiRef.id,
  backupPostureRootRouteRef,
  <BackupPostureReportPage />,
  <EntityBackupPostureCard />,
  <EntityBackupPostureContent />,
  <EntityGroupBackupPostureCard />,
];
export const available: boolean = isBackupPostureAvailable({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
});
export const client: BackupPostureApi = new BackupPostureClient({
  discoveryApi: { getBaseUrl: async () => 'http://localhost:7007/api/backup-posture' },
  fetchApi: { fetch },
});
export const pluginId: string = nfsPlugin.pluginId;
type CardKind = (typeof backupPostureEntityCard)['T']['kind'];
export const cardKind: CardKind = 'entity-card';
// @ts-expect-error the report page is a page (fails if the types degrade to any)
export const pageKind: (typeof backupPostureReportPage)['T']['kind'] = 'entity-card';
export const backendFeature: { $$type: '@backstage/BackendFeature' } = backendPlugin;
export const config: BackupPostureConfig | undefined = undefined;
export const features: Array<{ $$type: '@backstage/BackendFeature' }> = [
  backendOnly,
  backupPostureModuleBuiltInChecks,
];
export const orgCheck: AwsCheck = {
  definition: {
    id: 'org-resources-tagged',
    title: 'Resources are tagged',
    cloud: 'aws',
    severity: 'info',
    rules: [],
    description: 'Each resource has tags.',
    remediation: { why: 'Cost allocation.', console: ['Tag it.'] },
  },
  evaluate: ({ ctx }) =>
    ctx.aws.resources.map(r =>
      finding(r.arn, Object.keys(r.tags).length ? 'pass' : 'fail', 'tags', {
        tagKeys: Object.keys(r.tags),
      }),
    ),
};
export const checksPointId: string = backupPostureChecksExtensionPoint.id;
export const addOrgCheck = (point: BackupPostureChecksExtensionPoint) =>
  point.addChecks(orgCheck);
// @ts-expect-error a check's cloud and its input go together (fails if the types degrade)
export const wrongCloud: AwsCheck = { ...orgCheck, definition: { ...orgCheck.definition, cloud: 'azure' } };
`,
  );
  {
    const options = {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      esModuleInterop: true,
      resolveJsonModule: true,
      baseUrl: undefined,
    };
    const problems = timed('tsc consumer', () => {
      const host = ts.createCompilerHost(options);
      const program = ts.createProgram([appFile], options, host);
      // Check the consumer's file and every declaration file the tarballs ship (lazily: only
      // those files, not every library in the program).
      const ours = program
        .getSourceFiles()
        .filter(
          sf =>
            sf.fileName === appFile.split(sep).join('/') ||
            sf.fileName.includes('/consumer/node_modules/@backup-posture/'),
        );
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...ours.flatMap(sf => [
          ...program.getSyntacticDiagnostics(sf),
          ...program.getSemanticDiagnostics(sf),
        ]),
      ];
      const found = [];
      for (const entry of [
        `${frontend.name}`,
        `${frontend.name}/alpha`,
        `${backend.name}`,
        `${nodeLibrary.name}`,
      ]) {
        for (const moduleResolution of [
          ts.ModuleResolutionKind.Bundler,
          ts.ModuleResolutionKind.Node10,
        ]) {
          const r = ts.resolveModuleName(
            entry,
            appFile,
            { ...options, moduleResolution },
            host,
          ).resolvedModule;
          if (!r || !r.resolvedFileName.includes('/consumer/node_modules/')) {
            found.push(
              `${entry} (moduleResolution ${ts.ModuleResolutionKind[moduleResolution]}) resolves to ${r ? r.resolvedFileName : 'nothing'}`,
            );
          }
        }
      }
      return [
        ...found,
        ...diagnostics.map(d => {
          const where = d.file
            ? `${relative(consumer, d.file.fileName)}:${
                d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1
              }: `
            : '';
          return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
        }),
      ];
    });
    check(
      'consumer: tsc type-checks the frontend public API and /alpha, and a check module, from the tarballs',
      problems.slice(0, 20),
    );
  }
} catch (e) {
  failed += 1;
  console.log(`  FAIL  ${e.message}`);
  if (e.stdout) console.log(String(e.stdout).slice(-4000));
  if (e.stderr) console.log(String(e.stderr).slice(-4000));
} finally {
  rmSync(stageRoot, { recursive: true, force: true });
  if (process.env.KEEP_PACK_TEST) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`pack: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
