// @ts-check

/**
 * When each check entered its current status for an entity (the findings export's "first
 * seen"). Additive: rows stored before, and rows an older replica writes, have none.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('backup_posture_entity_checks', table => {
    table.string('since', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('backup_posture_entity_checks', table => {
    table.dropColumn('since');
  });
};
