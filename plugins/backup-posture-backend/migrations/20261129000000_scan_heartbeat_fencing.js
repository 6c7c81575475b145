// @ts-check

/**
 * Scans survive deploys and overruns: a running scan marks `heartbeat_at` so any replica can tell
 * that its owner is gone (and close it as `interrupted`); `error` is the scan's own failure (a
 * database error), never a scope's. Every row a scan writes carries the scan's start time
 * (`scan_started_at`), and a write only lands over a row of the same or an older scan, so a late
 * older scan never overwrites a newer one's results.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('backup_posture_scans', table => {
    table.string('heartbeat_at', 32).nullable();
    table.text('error').nullable();
  });
  for (const name of [
    'backup_posture_scopes',
    'backup_posture_azure_subscriptions',
    'backup_posture_keys',
    'backup_posture_azure_keys',
    'backup_posture_entities',
  ]) {
    await knex.schema.alterTable(name, table => {
      table.string('scan_started_at', 32).nullable();
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'backup_posture_scopes',
    'backup_posture_azure_subscriptions',
    'backup_posture_keys',
    'backup_posture_azure_keys',
    'backup_posture_entities',
  ]) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('scan_started_at');
    });
  }
  await knex.schema.alterTable('backup_posture_scans', table => {
    table.dropColumn('heartbeat_at');
    table.dropColumn('error');
  });
};
