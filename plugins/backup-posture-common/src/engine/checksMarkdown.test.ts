import { describe, expect, it } from '@jest/globals';
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import { listCheckDefinitions } from './checks';
import {
  renderChecksMarkdown,
  renderEquivalentControls,
} from './checksMarkdown';

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

  it('names the equivalent vendor controls of every check, or says none', () => {
    const sections = renderChecksMarkdown().split(/^### /m);
    for (const def of listCheckDefinitions()) {
      // Every built-in check has considered them (`{}` when no vendor control is equivalent), so a
      // new check cannot be added without its line.
      expect(def.equivalentControls).toBeDefined();
      const section = sections.find(s => s.startsWith(`\`${def.id}\``));
      expect(section).toContain(renderEquivalentControls(def));
      expect(section).not.toContain('Not mapped yet');
      const { securityHub, backupAuditManager, azurePolicy } =
        def.equivalentControls ?? {};
      // Ids as the vendors write them, and each family only on its own cloud.
      for (const id of securityHub ?? [])
        expect(id).toMatch(/^[A-Za-z0-9]+\.\d+$/);
      for (const id of backupAuditManager ?? [])
        expect(id).toMatch(/^[A-Z0-9_]+$/);
      const otherClouds =
        def.cloud === 'aws' ? [azurePolicy] : [securityHub, backupAuditManager];
      expect(otherClouds.filter(ids => ids !== undefined)).toEqual([]);
    }
  });

  it('renders one family per vendor of the check’s cloud, none when empty', () => {
    const defs = listCheckDefinitions();
    const aws = defs.find(d => d.id === 'recovery-point-encrypted')!;
    const azure = defs.find(d => d.id === 'rsv-soft-delete')!;
    expect(renderEquivalentControls(aws)).toBe(
      '**Equivalent controls.** AWS Security Hub: `Backup.1`; AWS Backup Audit Manager: `BACKUP_RECOVERY_POINT_ENCRYPTED`.',
    );
    expect(renderEquivalentControls({ ...aws, equivalentControls: {} })).toBe(
      '**Equivalent controls.** AWS Security Hub: none; AWS Backup Audit Manager: none.',
    );
    expect(
      renderEquivalentControls({
        ...azure,
        equivalentControls: { azurePolicy: ['A', 'B'], note: 'Partly.' },
      }),
    ).toBe('**Equivalent controls.** Azure Policy: `A`, `B`. Partly.');
    const { equivalentControls: _, ...unmapped } = aws;
    expect(renderEquivalentControls(unmapped)).toBe(
      '**Equivalent controls.** Not mapped yet.',
    );
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
