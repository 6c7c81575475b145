// Step 4 of the packaging test, first half: a consumer outside the workspace whose node_modules
// holds the tarballs (each with only its declared dependencies), and Node loading them.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { OWN, PLUGINS, byDir, check, root, run } from './support.mjs';

/** Writes the consumer's package.json and links each tarball's declared dependencies, and the app's. */
export function setUpConsumer(consumer) {
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
}

/** 4a. Node loads the backend plugin and the common library from the tarballs. */
export function checkConsumerRequire(consumer) {
  const backend = byDir['backup-posture-backend'];
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
}
