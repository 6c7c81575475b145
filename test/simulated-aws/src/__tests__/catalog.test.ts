import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SimResource } from '../model/types';
import { SHARED_PROD, demoScenario } from '../model/demo';
import { recoveryVaultId } from '../azure/model';

const CATALOG = resolve(__dirname, '../../../../examples/catalog');
const ARNS = 'backup-posture.io/aws-resource-arns';
const TAGS = 'backup-posture.io/aws-resource-tags';
const AZURE_TAGS = 'backup-posture.io/azure-vault-tags';
const AZURE_IDS = 'backup-posture.io/azure-vault-ids';
const ARN = /^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12})?:.+$/;

interface Entity {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Record<string, any>;
}

function load(file: string): Entity[] {
  return parseAllDocuments(readFileSync(resolve(CATALOG, file), 'utf8')).map(
    d => d.toJS() as Entity,
  );
}

const location = load('all.yaml')[0];
const entities = (location.spec!.targets as string[]).flatMap(t => load(t));
const components = entities.filter(e => e.kind === 'Component');
const estate = demoScenario({ now: '2026-11-23T00:00:00.000Z' });

/** Resolves an annotation the way discovery does: ARNs must exist; tags must all match. */
function resolveAnnotation(entity: Entity): SimResource[] {
  const a = entity.metadata.annotations ?? {};
  if (a[ARNS]) {
    return a[ARNS].split(',').map(arn => {
      const found = estate.resources.find(r => r.arn === arn.trim());
      if (!found)
        throw new Error(
          `${entity.metadata.name}: ${arn} is not in the demo estate`,
        );
      return found;
    });
  }
  const pairs = a[TAGS].split(',').map(p => p.trim().split('='));
  return estate.resources.filter(r => pairs.every(([k, v]) => r.tags[k] === v));
}

describe('the demo catalog', () => {
  it('has sixteen annotated AWS services (six in the shared account), one malformed annotation and the ones without AWS annotation', () => {
    const annotated = components.filter(
      c => c.metadata.annotations?.[ARNS] || c.metadata.annotations?.[TAGS],
    );
    expect(annotated.length).toBe(17);
    expect(
      components
        .filter(
          c =>
            !c.metadata.annotations?.[ARNS] && !c.metadata.annotations?.[TAGS],
        )
        .map(c => c.metadata.name),
    ).toEqual([
      'developer-portal',
      'hr-portal',
      'payroll',
      'crm',
      'erp',
      'intranet',
      'legacy-files',
    ]);
    const malformed = components.find(
      c => c.metadata.name === 'legacy-reporting',
    )!;
    expect(
      malformed.metadata
        .annotations![ARNS].split(',')
        .every(v => !ARN.test(v.trim())),
    ).toBe(true);
  });

  it('every Azure annotation resolves to Recovery Services vaults of the demo tenant', () => {
    const azure = components.filter(
      c =>
        c.metadata.annotations?.[AZURE_TAGS] ||
        c.metadata.annotations?.[AZURE_IDS],
    );
    expect(azure.map(c => c.metadata.name).sort()).toEqual([
      'crm',
      'data-lake',
      'erp',
      'hr-portal',
      'intranet',
      'legacy-files',
      'payroll',
    ]);
    for (const c of azure) {
      const a = c.metadata.annotations!;
      const vaults = estate.azure!.recoveryVaults.filter(v =>
        a[AZURE_IDS]
          ? a[AZURE_IDS].split(',').some(
              id =>
                id.trim().toLowerCase() === recoveryVaultId(v).toLowerCase(),
            )
          : a[AZURE_TAGS].split(',')
              .map(p => p.trim().split('='))
              .every(([k, val]) => v.tags[k] === val),
      );
      if (vaults.length === 0)
        throw new Error(`${c.metadata.name} resolves to no Azure vault`);
    }
  });

  it('every well-formed annotation resolves to resources of the demo scenario', () => {
    const services = components.filter(
      c =>
        (c.metadata.annotations?.[ARNS] || c.metadata.annotations?.[TAGS]) &&
        c.metadata.name !== 'legacy-reporting',
    );
    expect(services).toHaveLength(16);
    for (const service of services) {
      const resources = resolveAnnotation(service);
      if (resources.length === 0)
        throw new Error(`${service.metadata.name} resolves to no resource`);
    }
    expect(
      resolveAnnotation(services.find(s => s.metadata.name === 'data-lake')!),
    ).toHaveLength(2);
    expect(
      resolveAnnotation(
        services.find(s => s.metadata.name === 'payments-ledger')!,
      ),
    ).toHaveLength(2);
  });

  it('every owner, system and domain reference points at an entity of the catalog', () => {
    const names = (kind: string) =>
      new Set(entities.filter(e => e.kind === kind).map(e => e.metadata.name));
    const groups = names('Group');
    const systems = names('System');
    const dangling = entities.flatMap(e => [
      ...(e.spec?.owner && !groups.has(e.spec.owner)
        ? [`${e.metadata.name} owner ${e.spec.owner}`]
        : []),
      ...(e.spec?.system && !systems.has(e.spec.system)
        ? [`${e.metadata.name} system ${e.spec.system}`]
        : []),
      ...(e.spec?.domain && !names('Domain').has(e.spec.domain)
        ? [`${e.metadata.name} domain ${e.spec.domain}`]
        : []),
      ...(e.kind === 'User'
        ? (e.spec!.memberOf as string[]).filter(g => !groups.has(g))
        : []),
    ]);
    expect(dangling).toEqual([]);
    expect(
      components.filter(c => typeof c.spec?.lifecycle !== 'string'),
    ).toEqual([]);
  });

  it('has six components in the shared account, each resolving to its own service only', () => {
    const shared = components.filter(
      c =>
        (c.metadata.annotations?.[ARNS] || c.metadata.annotations?.[TAGS]) &&
        c.metadata.name !== 'legacy-reporting' &&
        resolveAnnotation(c).some(r => r.accountId === SHARED_PROD.accountId),
    );
    expect(shared.map(c => c.metadata.name).sort()).toEqual([
      'billing-history',
      'customer-profiles',
      'media-archive',
      'notifications',
      'orders-db',
      'search-indexer',
    ]);
    for (const c of shared) {
      const resources = resolveAnnotation(c);
      expect(
        resources.map(r => [c.metadata.name, r.region, r.tags.service]),
      ).toEqual(
        resources.map(() => [
          c.metadata.name,
          SHARED_PROD.region,
          c.metadata.name,
        ]),
      );
    }
    expect(new Set(shared.map(c => c.spec!.owner)).size).toBe(6);
    const byAnnotation = (key: string) =>
      shared.filter(c => c.metadata.annotations?.[key]).length;
    expect([byAnnotation(ARNS), byAnnotation(TAGS)]).toEqual([3, 3]);
  });
});
