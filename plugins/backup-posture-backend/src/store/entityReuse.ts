import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { gzipJson } from './encoding';
import {
  EntityPostureResponse,
  EntityPostureState,
  PostureEvaluation,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { ENTITIES } from './entityQueries';
import { assertLive, BATCH, fenceOf, notNewer, ScanFence } from './fence';
import { StoredReuseKey } from './types';

/**
 * Reusing stored evaluations (issue 18.3): the reuse keys a scan compares with, the cheap update
 * that makes a kept row the scan's, and the stored evaluations a roll-up needs.
 */

const gunzipAsync = promisify(gunzip);

/** The reuse keys of the stored rows that have one (and a score), by entity ref. */
export async function getReuseKeys(
  db: Knex,
): Promise<Map<string, StoredReuseKey>> {
  const rows: Array<{
    entity_ref: string;
    input_hash: string;
    valid_until: string | null;
    state: EntityPostureState;
    kind: string;
    score_detail: string | null;
  }> = await db(ENTITIES)
    .whereNotNull('input_hash')
    .whereNotNull('score_detail')
    .select(
      'entity_ref',
      'input_hash',
      'valid_until',
      'state',
      'kind',
      'score_detail',
    );
  return new Map(
    rows.map(r => [
      r.entity_ref,
      {
        inputHash: r.input_hash,
        ...(r.valid_until ? { validUntil: r.valid_until } : {}),
        state: r.state,
        kind: r.kind,
        score: JSON.parse(r.score_detail!),
      },
    ]),
  );
}

/**
 * Marks stored rows as the scan's without rewriting them (their evaluation is reused): only the
 * scan columns change, fenced like a write. Returns the refs it marked.
 */
export async function markReused(
  db: Knex,
  rows: Array<{ entityRef: string; inputHash: string }>,
  scan: ScanFence,
  at: string,
  lastScanAt: string,
): Promise<string[]> {
  assertLive(scan);
  const fence = fenceOf(scan, at);
  const marked: string[] = [];
  // The scan lock runs one scan at a time and the fence keeps a newer scan's rows: a row read
  // with this key is still the one it was (or a newer scan's, left alone).
  for (let i = 0; i < rows.length; i += BATCH * 10) {
    assertLive(scan);
    const refs = rows.slice(i, i + BATCH * 10).map(r => r.entityRef);
    await db(ENTITIES)
      .whereIn('entity_ref', refs)
      .where(notNewer(ENTITIES, fence.startedAt))
      .update({
        scan_id: fence.id,
        scan_started_at: fence.startedAt,
        updated_at: at,
        last_scan_at: lastScanAt,
      });
    const now: Array<{ entity_ref: string }> = await db(ENTITIES)
      .whereIn('entity_ref', refs)
      .where({ scan_id: fence.id })
      .select('entity_ref');
    marked.push(...now.map(r => r.entity_ref));
  }
  return marked;
}

/** The stored evaluations of `entityRefs` (for roll-ups whose members were reused). */
export async function getEvaluations(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, PostureEvaluation>> {
  const out = new Map<string, PostureEvaluation>();
  for (let i = 0; i < entityRefs.length; i += 500) {
    const rows: Array<{ entity_ref: string; posture_gzip: Buffer }> = await db(
      ENTITIES,
    )
      .whereIn('entity_ref', entityRefs.slice(i, i + 500))
      .select('entity_ref', 'posture_gzip');
    for (const r of rows) {
      const posture: EntityPostureResponse = JSON.parse(
        (await gunzipAsync(r.posture_gzip)).toString('utf8'),
      );
      if (posture.evaluation) out.set(r.entity_ref, posture.evaluation);
    }
  }
  return out;
}

/**
 * A kept row's posture with the time of the scan that kept it (`freshness.lastScanAt`), written
 * back once (only over the same row: a scan's write meanwhile wins), so the next read sends it
 * as stored again.
 */
export async function withLastScanAt(
  db: Knex,
  entityRef: string,
  gzipped: Buffer,
  row: { last_scan_at: string; posture_last_scan_at: string },
): Promise<Buffer> {
  const posture: EntityPostureResponse = JSON.parse(
    (await gunzipAsync(gzipped)).toString('utf8'),
  );
  posture.freshness = { ...posture.freshness, lastScanAt: row.last_scan_at };
  const patched = await gzipJson(posture);
  await db(ENTITIES)
    .where({
      entity_ref: entityRef,
      last_scan_at: row.last_scan_at,
      posture_last_scan_at: row.posture_last_scan_at,
    })
    .update({ posture_gzip: patched, posture_last_scan_at: row.last_scan_at });
  return patched;
}
