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
import { assertLive, fenceOf, notNewer, ScanFence } from './fence';
import { StoredReuseKey } from './types';

/**
 * Reusing stored evaluations (issue 18.3): the reuse keys a scan compares with, the cheap update
 * that makes a kept row the scan's, and the stored evaluations a roll-up needs.
 */

const gunzipAsync = promisify(gunzip);

/** Refs per update: under SQLite's bound-parameter limit (32,766 since 3.32) and PostgreSQL's. */
const MARK_BATCH = 2000;

/** The reuse keys of the stored rows that have one (and a score), by entity ref. */
export async function getReuseKeys(
  db: Knex,
): Promise<Map<string, StoredReuseKey>> {
  const rows: Array<{
    entity_ref: string;
    input_hash: string;
    header_hash: string | null;
    index_fingerprint: string | null;
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
      'header_hash',
      'index_fingerprint',
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
        ...(r.header_hash ? { headerHash: r.header_hash } : {}),
        ...(r.index_fingerprint
          ? { indexFingerprint: r.index_fingerprint }
          : {}),
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
 * scan columns change, fenced like a write. Returns how many rows it marked.
 */
export async function markReused(
  db: Knex,
  rows: Array<{ entityRef: string; inputHash: string }>,
  scan: ScanFence,
  at: string,
  lastScanAt: string,
  indexFingerprint?: string,
): Promise<number> {
  assertLive(scan);
  const fence = fenceOf(scan, at);
  let marked = 0;
  // The scan lock runs one scan at a time and the fence keeps a newer scan's rows: a row read
  // with this key is still the one it was (or a newer scan's, left alone).
  for (let i = 0; i < rows.length; i += MARK_BATCH) {
    assertLive(scan);
    const refs = rows.slice(i, i + MARK_BATCH).map(r => r.entityRef);
    marked += await db(ENTITIES)
      .whereIn('entity_ref', refs)
      .where(notNewer(ENTITIES, fence.startedAt))
      .update({
        scan_id: fence.id,
        scan_started_at: fence.startedAt,
        updated_at: at,
        last_scan_at: lastScanAt,
        // Kept because its inputs are those of this index: the next scan may skip slicing it.
        index_fingerprint: indexFingerprint ?? null,
      });
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
