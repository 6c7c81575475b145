import { describe, expect, it } from '@jest/globals';
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import { listCheckDefinitions } from './checks';
import { renderChecksMarkdown } from './checksMarkdown';

const DOC = path.resolve(__dirname, '../../../../docs/checks.md');

/** The generated document as committed: rendered, then formatted with the repo's prettier config. */
function generated(): string {
  // Prettier 3 loads its plugins with dynamic import, which jest cannot run: use its CLI.
  const cli = require.resolve('prettier/bin/prettier.cjs');
  return execFileSync(process.execPath, [cli, '--stdin-filepath', DOC], {
    input: renderChecksMarkdown(),
    encoding: 'utf8',
  });
}

describe('docs/checks.md', () => {
  it('documents every check with id, severity, rules and remediation', () => {
    const rendered = renderChecksMarkdown();
    for (const def of listCheckDefinitions()) {
      expect(rendered).toContain(`### \`${def.id}\``);
      expect(rendered).toContain(def.remediation.why);
      expect(rendered).toContain(def.remediation.cli ?? '');
    }
    expect(rendered).toContain('score = round(100');
  });

  it('is up to date with the check definitions (regenerate with UPDATE_CHECKS_DOC=1)', () => {
    const expected = generated();
    if (process.env.UPDATE_CHECKS_DOC === '1') {
      fs.writeFileSync(DOC, expected);
    }
    const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    if (current !== expected) {
      throw new Error(
        'docs/checks.md is stale. Regenerate it: cd plugins/backup-posture-common && CI=true UPDATE_CHECKS_DOC=1 npx backstage-cli package test --ci checksMarkdown',
      );
    }
    expect(current).toBe(expected);
  });
});
