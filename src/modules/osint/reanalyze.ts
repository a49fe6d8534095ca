/**
 * Analysing stored items again, with the current model (after investigators' confirmations taught it, or after
 * a lexicon change): labels, scores, signals and entities are replaced, new alerts raised, sellers re-profiled.
 * The text is the one kept with the item; its evidence does not change.
 */
import type { Database } from '../../platform/db/database.ts';
import { raisePostAlerts } from './alerts.ts';
import { createAnalyzer } from './analysis/index.ts';
import { analysedText, analysisColumns } from './items.ts';
import { currentModel } from './model.ts';
import { getSourceRow, sourceConfig } from './sources.ts';
import { profileSellers } from './store-item.ts';
import { listWatchTerms } from './watchlist.ts';

export interface ReanalysisSummary {
  items: number;
  changed: number;
  alerts: number;
  model_version: number;
}

export async function reanalyzeItems(
  database: Database,
  options: {
    sourceId?: number | undefined;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<ReanalysisSummary> {
  const model = await currentModel(database.db);
  // Watch terms added since the items were collected match them now.
  const watchTerms = await listWatchTerms(database.db, { activeOnly: true });
  const analyze = createAnalyzer({ classifier: model.classifier });
  let count = database.db.selectFrom('osint_items').select((eb) => eb.fn.countAll<number>().as('n'));
  if (options.sourceId !== undefined) count = count.where('source_id', '=', options.sourceId);
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const thresholds = new Map<number, number>();
  const threshold = async (sourceId: number) => {
    if (!thresholds.has(sourceId)) {
      const row = await getSourceRow(database.db, sourceId);
      thresholds.set(sourceId, row ? sourceConfig(row).alert_threshold : 0.8);
    }
    return thresholds.get(sourceId)!;
  };
  const summary: ReanalysisSummary = { items: 0, changed: 0, alerts: 0, model_version: model.version };
  const sellers = new Set<number>();
  let after = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    let q = database.db
      .selectFrom('osint_items')
      .select([
        'id',
        'item_key',
        'source_id',
        'title',
        'text',
        'url',
        'platform',
        'author',
        'price',
        'currency',
        'posted_at',
        'label',
        'score',
        'dup_group_id',
        'seller_id',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(200);
    if (options.sourceId !== undefined) q = q.where('source_id', '=', options.sourceId);
    const rows = await q.execute();
    if (rows.length === 0) break;
    // Thresholds are read before the transaction: inside it, PGlite's single connection belongs to the session.
    for (const r of rows) await threshold(r.source_id);
    await database.transaction(async (session) => {
      for (const r of rows) {
        after = r.id;
        summary.items++;
        const text = analysedText(r);
        const a = analyze({
          id: r.item_key,
          text,
          url: r.url,
          platform: r.platform,
          author: r.author,
          price: r.price,
          currency: r.currency,
          posted_at: r.posted_at ? new Date(r.posted_at).toISOString() : null,
        });
        if (a.label !== r.label || Math.abs(a.score - r.score) > 1e-6) summary.changed++;
        await session.db
          .updateTable('osint_items')
          .set({ ...analysisColumns(a, model.version), updated_at: new Date() })
          .where('id', '=', r.id)
          .execute();
        // The phones matched are those of the text: the author's profile identifiers are read at collection only.
        summary.alerts += await raisePostAlerts(
          session.db,
          { id: r.id, groupId: r.dup_group_id },
          { text, analysis: a, phones: a.entities.phones },
          { threshold: thresholds.get(r.source_id)!, watchTerms },
        );
        if (r.seller_id) sellers.add(r.seller_id);
      }
    });
    options.onProgress?.(summary.items, total);
  }
  if (sellers.size)
    await database.transaction(async (session) => {
      summary.alerts += await profileSellers(session.db, sellers);
    });
  return summary;
}
