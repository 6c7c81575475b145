// @ts-check

/**
 * Entity postures are stored gzip-compressed (a posture is tens of KiB of JSON; 10,000 entities
 * made a 1 GiB database) and served as stored, with `Content-Encoding: gzip`. Rows are rebuilt by
 * the next scan; until then the API evaluates on demand.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('backup_posture_entities').delete();
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.dropColumn('posture');
  });
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.binary('posture_gzip').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('backup_posture_entities').delete();
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.dropColumn('posture_gzip');
  });
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.text('posture').notNullable().defaultTo('{}');
  });
};
