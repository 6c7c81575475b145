import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NAMES, PLUGINS, env, root } from './config.mjs';
import { run } from './processes.mjs';
import { tarballDir, tarballs } from './workDirs.mjs';

/** Builds each plugin and packs a copy of it (prepack/postpack rewrite its package.json). */
export async function packPlugins() {
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
