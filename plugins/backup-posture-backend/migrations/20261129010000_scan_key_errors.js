// @ts-check

/**
 * The key reads (KMS DescribeKey, Key Vault get key) that failed in a scan: each key keeps its
 * last good description, marked stale with the error, and the scan says how many failed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('backup_posture_scans', table => {
    table.text('key_errors').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('backup_posture_scans', table => {
    table.dropColumn('key_errors');
  });
};
