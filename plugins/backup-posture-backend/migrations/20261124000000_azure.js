// @ts-check

/**
 * Azure: one snapshot row per subscription (its Recovery Services vaults and key vaults), and one
 * row per Key Vault key URI read, kept like the AWS scopes and KMS keys.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('backup_posture_azure_subscriptions', table => {
    table.string('subscription_id', 64).primary();
    table.string('state', 8).notNullable();
    table.text('snapshot').nullable();
    table.string('last_attempt_at', 32).nullable();
    table.string('last_success_at', 32).nullable();
    table.text('error').nullable();
    table.string('scan_id', 64).nullable();
  });
  await knex.schema.createTable('backup_posture_azure_keys', table => {
    table.string('key_uri', 512).primary();
    table.text('fact').notNullable();
    table.string('described_at', 32).notNullable();
    table.string('scan_id', 64).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backup_posture_azure_keys');
  await knex.schema.dropTable('backup_posture_azure_subscriptions');
};
