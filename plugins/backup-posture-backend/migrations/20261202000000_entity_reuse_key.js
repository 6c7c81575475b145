// @ts-check

/**
 * The reuse key of each entity's stored evaluation: a hash of what the row was made from, and
 * until when its evaluation holds (the engine's `validUntil`). A scan whose entity has the same
 * key keeps the row, updating only its scan columns. Additive: rows stored before, and rows an
 * older replica writes, have none (so they are evaluated again).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.string('input_hash', 64).nullable();
    // Its parts: the entity's own (catalog fields, exceptions, checks, engine) and the index's.
    table.string('header_hash', 64).nullable();
    table.string('index_fingerprint', 64).nullable();
    table.string('valid_until', 32).nullable();
    // The scan time inside posture_gzip: a kept row's last_scan_at moves on, this does not.
    table.string('posture_last_scan_at', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.dropColumn('input_hash');
    table.dropColumn('header_hash');
    table.dropColumn('index_fingerprint');
    table.dropColumn('valid_until');
    table.dropColumn('posture_last_scan_at');
  });
};
