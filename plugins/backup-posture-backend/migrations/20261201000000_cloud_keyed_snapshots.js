// @ts-check

/**
 * One table of scope snapshots keyed by (cloud, account or subscription, region) and one of key
 * descriptions keyed by (cloud, key id), instead of a pair of tables per cloud: the scan loop runs
 * over inventory providers, and a provider added by a module stores its scopes and keys here too.
 *
 * Additive: the per-cloud tables are copied, not dropped, so a replica still on the previous
 * version keeps reading and writing them during a rolling deploy (what it writes there after this
 * migration is not seen by upgraded replicas; the next scan of an upgraded one rewrites every row).
 * A later release drops them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('backup_posture_scope_snapshots', table => {
    table.string('cloud', 32).notNullable();
    table.string('account', 64).notNullable();
    table.string('region', 64).notNullable();
    table.string('state', 8).notNullable();
    table.text('snapshot').nullable();
    table.string('last_attempt_at', 32).nullable();
    table.string('last_success_at', 32).nullable();
    table.text('error').nullable();
    table.string('scan_id', 64).nullable();
    table.string('scan_started_at', 32).nullable();
    table.primary(['cloud', 'account', 'region']);
  });
  await knex.schema.createTable('backup_posture_key_facts', table => {
    table.string('cloud', 32).notNullable();
    table.string('key_id', 512).notNullable();
    table.text('fact').notNullable();
    table.string('described_at', 32).notNullable();
    table.string('scan_id', 64).nullable();
    table.string('scan_started_at', 32).nullable();
    table.primary(['cloud', 'key_id']);
  });
  const scopeColumns = [
    'state',
    'snapshot',
    'last_attempt_at',
    'last_success_at',
    'error',
    'scan_id',
    'scan_started_at',
  ];
  /** @type {Array<[string, string, string, string | null]>} */
  const scopeTables = [
    ['aws', 'backup_posture_scopes', 'account_id', 'region'],
    ['azure', 'backup_posture_azure_subscriptions', 'subscription_id', null],
  ];
  for (const [cloud, table, account, region] of scopeTables) {
    await knex
      .into(
        knex.raw('?? (??)', [
          'backup_posture_scope_snapshots',
          ['cloud', 'account', 'region', ...scopeColumns],
        ]),
      )
      .insert(
        knex(table).select(
          knex.raw('?', [cloud]),
          account,
          // An Azure subscription is one scope, region `global`.
          region ?? knex.raw("'global'"),
          ...scopeColumns,
        ),
      );
  }
  const keyColumns = ['fact', 'described_at', 'scan_id', 'scan_started_at'];
  for (const [cloud, table, id] of [
    ['aws', 'backup_posture_keys', 'key_arn'],
    ['azure', 'backup_posture_azure_keys', 'key_uri'],
  ]) {
    await knex
      .into(
        knex.raw('?? (??)', [
          'backup_posture_key_facts',
          ['cloud', 'key_id', ...keyColumns],
        ]),
      )
      .insert(knex(table).select(knex.raw('?', [cloud]), id, ...keyColumns));
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backup_posture_key_facts');
  await knex.schema.dropTable('backup_posture_scope_snapshots');
};
