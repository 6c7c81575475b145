// Steps 2 and 3 of the packaging test: what the tarballs ship, and whether their declared
// dependencies cover what dist imports.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { PLUGINS, byDir, check, ts } from './support.mjs';

const walk = dir =>
  readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

/** Every entry point the packed package.json names exists; the backend ships its migrations and config schema. */
export function checkEntryPoints() {
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
}

/** The declared dependencies (and peers) cover every bare import in dist (built JS and .d.ts). */
export function checkDeclaredDependencies() {
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
}
