// @ts-check

/**
 * The report filters, sorts and pages in SQL-backed light rows instead of parsing every stored
 * summary: each entity row gets the columns the report reads (its score, last scan and lower-cased
 * title), and each check result of an entity becomes a row of `backup_posture_entity_checks`, so
 * "entities where check X is failing" is an indexed query.
 *
 * Additive only: a replica of the previous version keeps reading and writing the old columns
 * during a rolling deploy. Rows it writes meanwhile have the new columns empty (the report then
 * reads the row's summary instead) until the next scan of an upgraded replica.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.text('score_detail').nullable();
    table.string('last_scan_at', 32).nullable();
    table.string('search_title', 512).nullable();
    table.index(['lifecycle'], 'backup_posture_entities_lifecycle_idx');
  });
  await knex.schema.createTable('backup_posture_entity_checks', table => {
    table.string('entity_ref', 512).notNullable();
    table.string('check_id', 128).notNullable();
    table.string('status', 32).notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(
      ['check_id', 'status'],
      'backup_posture_entity_checks_check_idx',
    );
    table.index(['status'], 'backup_posture_entity_checks_status_idx');
  });

  // The rows already stored get their columns from their summary, a page at a time.
  let after = '';
  for (;;) {
    const rows = await knex('backup_posture_entities')
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(200)
      .select('entity_ref', 'summary');
    if (!rows.length) return;
    for (const { entity_ref: entityRef, summary: text } of rows) {
      const summary = JSON.parse(text);
      await knex('backup_posture_entities')
        .where({ entity_ref: entityRef })
        .update({
          score_detail: JSON.stringify(summary.score),
          last_scan_at: summary.lastScanAt ?? null,
          search_title: summary.title
            ? String(summary.title).toLocaleLowerCase('en-US')
            : null,
        });
      const checks = Object.entries(summary.checkStatuses ?? {}).map(
        ([checkId, status]) => ({
          entity_ref: entityRef,
          check_id: checkId,
          status,
        }),
      );
      for (let i = 0; i < checks.length; i += 50) {
        await knex('backup_posture_entity_checks').insert(
          checks.slice(i, i + 50),
        );
      }
    }
    after = rows[rows.length - 1].entity_ref;
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backup_posture_entity_checks');
  await knex.schema.alterTable('backup_posture_entities', table => {
    table.dropIndex(['lifecycle'], 'backup_posture_entities_lifecycle_idx');
    table.dropColumn('score_detail');
    table.dropColumn('last_scan_at');
    table.dropColumn('search_title');
  });
};
