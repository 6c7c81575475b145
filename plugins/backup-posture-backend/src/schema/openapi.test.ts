import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { spec } from './openapi/generated';

describe('the code generated from the OpenAPI spec', () => {
  it('carries the spec as written (what `backstage-repo-tools repo schema openapi verify` checks)', () => {
    expect(spec).toEqual(
      parseYaml(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8')),
    );
  });

  it('is what `npm run schema:generate` writes today, in both packages', () => {
    const script = join(__dirname, '../../../../scripts/openapi-schema.mjs');
    const out = execFileSync(process.execPath, [script, '--check'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(out).toContain('match the spec');
  });
});
