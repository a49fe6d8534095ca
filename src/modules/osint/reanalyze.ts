/**
 * Analysing stored items again, with the current model (after investigators' confirmations taught it, or after
 * a lexicon change): labels, scores, signals and entities are replaced, new alerts raised, sellers re-profiled.
 * The text is the one kept with the item; its evidence does not change.
 */
import type { Database } from '../../platform/db/database.ts';
import { listWatchTerms, raiseAlert, raiseSellerAlerts, raiseWatchAlerts } from './alerts.ts';
import { createAnalyzer } from './analysis/index.ts';
import { analysedText } from './items.ts';
import { currentModel } from './model.ts';
import { refreshSellers } from './sellers.ts';
import { getSourceRow, sourceConfig } from './sources.ts';

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
          .set({
            label: a.label,
            score: a.score,
            scores: JSON.stringify(a.scores),
            reasons: JSON.stringify(a.reasons),
            signals: JSON.stringify(a.signals),
            entities: JSON.stringify(a.entities),
            language: a.language.language,
            model_version: model.version,
            updated_at: new Date(),
          })
          .where('id', '=', r.id)
          .execute();
        if (a.label !== 'benign' && a.score >= thresholds.get(r.source_id)!) {
          const raised = await raiseAlert(session.db, {
            key: `post:${r.dup_group_id}`,
            kind: 'post',
            item_id: r.id,
            label: a.label,
            score: a.score,
            reason: a.reasons[0] ?? `${a.label} ${a.score.toFixed(2)}`,
          });
          if (raised) summary.alerts++;
        }
        summary.alerts += await raiseWatchAlerts(
          session.db,
          watchTerms,
          { text, brands: a.entities.brands, phones: a.entities.phones },
          { id: r.id, groupId: r.dup_group_id, label: a.label, score: a.score },
        );
        if (r.seller_id) sellers.add(r.seller_id);
      }
    });
    options.onProgress?.(summary.items, total);
  }
  if (sellers.size)
    await database.transaction(async (session) => {
      summary.alerts += await raiseSellerAlerts(session.db, await refreshSellers(session.db, sellers));
    });
  return summary;
}
