// @ts-check

/**
 * Scans (history for trends and progress), per-scope snapshots, KMS key facts, account-wide facts
 * and per-entity evaluated summaries. Timestamps are ISO 8601 strings (sortable, same on SQLite and
 * PostgreSQL); JSON is stored as text.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('backup_posture_scans', table => {
    table.string('id', 64).primary();
    table.string('trigger', 16).notNullable();
    table.string('state', 16).notNullable();
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.integer('scopes_total').notNullable().defaultTo(0);
    table.integer('scopes_done').notNullable().defaultTo(0);
    table.text('errors').notNullable().defaultTo('[]');
    table.float('score').nullable();
    table.string('grade', 2).nullable();
    table.integer('entities').nullable();
    table.text('counts').nullable();
    table.index(['started_at'], 'backup_posture_scans_started_idx');
    table.index(['state', 'finished_at'], 'backup_posture_scans_state_idx');
  });
  await knex.schema.createTable('backup_posture_scopes', table => {
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('state', 8).notNullable();
    table.text('snapshot').nullable();
    table.string('last_attempt_at', 32).nullable();
    table.string('last_success_at', 32).nullable();
    table.text('error').nullable();
    table.string('scan_id', 64).nullable();
    table.primary(['account_id', 'region']);
  });
  await knex.schema.createTable('backup_posture_keys', table => {
    table.string('key_arn', 512).primary();
    table.text('fact').notNullable();
    table.string('described_at', 32).notNullable();
    table.string('scan_id', 64).nullable();
  });
  await knex.schema.createTable('backup_posture_facts', table => {
    table.string('name', 64).primary();
    table.text('value').notNullable();
    table.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('backup_posture_entities', table => {
    table.string('entity_ref', 512).primary();
    table.string('kind', 64).notNullable();
    table.string('title', 512).nullable();
    table.string('owner', 512).nullable();
    table.string('system', 512).nullable();
    table.string('lifecycle', 64).nullable();
    table.string('state', 32).notNullable();
    table.float('score').nullable();
    table.string('grade', 2).nullable();
    table.boolean('stale').notNullable().defaultTo(false);
    table.string('clouds', 32).notNullable().defaultTo('');
    table.text('summary').notNullable();
    table.text('posture').notNullable();
    table.string('scan_id', 64).notNullable();
    table.string('updated_at', 32).notNullable();
    table.index(['owner'], 'backup_posture_entities_owner_idx');
    table.index(['system'], 'backup_posture_entities_system_idx');
    table.index(['score'], 'backup_posture_entities_score_idx');
    table.index(['kind'], 'backup_posture_entities_kind_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backup_posture_entities');
  await knex.schema.dropTable('backup_posture_facts');
  await knex.schema.dropTable('backup_posture_keys');
  await knex.schema.dropTable('backup_posture_scopes');
  await knex.schema.dropTable('backup_posture_scans');
};
