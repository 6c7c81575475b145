// The browser tests: installs Debian chromium when missing, starts the dev stack (npm start),
// runs the specs with node's test runner in headless Chromium, and stops the stack.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_URL, BACKEND_URL, startStack } from './stack.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const artifacts = join(here, 'artifacts');

execFileSync('bash', [join(root, 'scripts/ensure-chromium.sh')], {
  stdio: 'inherit',
});

const stack = await startStack({ root, artifacts });
let status = 1;
try {
  // `npm run test:e2e -- report` runs the spec files whose names contain an argument.
  const only = process.argv.slice(2);
  const specs = readdirSync(join(here, 'specs'))
    .filter(f => f.endsWith('.test.mjs'))
    .filter(f => only.length === 0 || only.some(o => f.includes(o)))
    .map(f => join(here, 'specs', f));
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_APP_URL: APP_URL,
        E2E_BACKEND_URL: BACKEND_URL,
        E2E_ARTIFACTS: artifacts,
      },
    },
  );
  status = result.status ?? 1;
} finally {
  await stack.stop();
}
if (status !== 0)
  console.error(`browser tests failed; dev stack log: ${stack.logPath}`);
process.exit(status);
