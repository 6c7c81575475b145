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
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAndPack } from './buildAndPack.mjs';
import {
  checkDeclaredDependencies,
  checkEntryPoints,
} from './checkTarballs.mjs';
import { checkConsumerRequire, setUpConsumer } from './consumer.mjs';
import { checkConsumerTypes } from './consumerTypes.mjs';
import { PLUGINS, bin, root, run, tally, timed } from './support.mjs';

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

  await buildAndPack({ stageRoot, tarballDir, consumer });

  // ---- 2. entry points ------------------------------------------------------------------------
  checkEntryPoints();

  // ---- 3. declared dependencies cover what dist imports ----------------------------------------
  checkDeclaredDependencies();

  // ---- 4. a consumer outside the workspace ------------------------------------------------------
  setUpConsumer(consumer);
  checkConsumerRequire(consumer);
  checkConsumerTypes(consumer);
} catch (e) {
  tally.failed += 1;
  console.log(`  FAIL  ${e.message}`);
  if (e.stdout) console.log(String(e.stdout).slice(-4000));
  if (e.stderr) console.log(String(e.stderr).slice(-4000));
} finally {
  rmSync(stageRoot, { recursive: true, force: true });
  if (process.env.KEEP_PACK_TEST) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`pack: ${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed > 0 ? 1 : 0;
