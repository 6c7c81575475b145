import { build } from 'esbuild';
import { join } from 'node:path';

/** A production bundle (minified, NODE_ENV=production) of the report page app, in memory. */
export async function bundleReportPage(): Promise<{ js: string; css: string }> {
  const result = await build({
    // eslint-disable-next-line no-restricted-syntax -- run from source by the bench script, never built
    entryPoints: [join(__dirname, 'app.tsx')],
    bundle: true,
    write: false,
    outdir: '/out',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
    banner: { js: 'var process = { env: {} };' },
    loader: {
      '.svg': 'dataurl',
      '.png': 'dataurl',
      '.jpg': 'dataurl',
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
      '.ttf': 'dataurl',
      '.eot': 'dataurl',
    },
    logLevel: 'error',
  });
  const js = result.outputFiles.find(f => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find(f => f.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}
