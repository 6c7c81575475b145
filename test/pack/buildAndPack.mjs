// Step 1 of the packaging test: build and `npm pack` each plugin, and unpack the tarballs into
// the consumer's node_modules.
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PLUGINS, bin, root, run, runAsync, timedAsync } from './support.mjs';

/**
 * Builds and packs every plugin from a copy under `stageRoot`, writes its tarball under
 * `tarballDir` and unpacks it into `consumer`'s node_modules; sets `tarball`, `installed` and
 * `pkg` (the packed package.json) on each entry of PLUGINS.
 */
export async function buildAndPack({ stageRoot, tarballDir, consumer }) {
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
}
