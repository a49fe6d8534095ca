/**
 * Watchlist membership (every list in force, each matched on its type's subject) and the active model's
 * probability and anomaly score, as indicators.
 */

import { type Lang, numberLocale } from '../../../platform/lib/lang.ts';
import { numberFormat } from '../../../platform/lib/number-format.ts';
import { activeModelScorer, type ModelScore } from '../model.ts';
import { FIELDS, type Value } from '../rules/fields.ts';
import { loadWatchlists, onList, WATCHLIST_SUBJECT, type WatchlistIndex } from '../watchlists.ts';
import { type IndicatorBatch, type IndicatorResult, registerIndicator } from './registry.ts';

export function watchlistsOf(batch: IndicatorBatch): Promise<WatchlistIndex> {
  return batch.once(
    'watchlists',
    async () => (batch.options.watchlists as WatchlistIndex | undefined) ?? loadWatchlists(batch.db),
  );
}

registerIndicator({
  name: 'watchlist.lists',
  type: 'list',
  description: {
    en: 'watchlists the declaration or item is on (trader, declarant, seller, HS code, origin, transport document)',
    fr: 'listes de surveillance où figure la déclaration ou l’article (opérateur, déclarant, vendeur, SH, origine, titre de transport)',
    ar: 'قوائم المراقبة التي يرد فيها التصريح أو السطر (المتعامل، المصرّح، البائع، رمز النظام المنسق، المنشأ، سند النقل)',
  },
  async compute(batch) {
    const lists = [...(await watchlistsOf(batch)).values()].filter((l) => l.values.size > 0);
    if (lists.length === 0) return batch.lines.map(() => null);
    const needsDocs = lists.some((l) => l.type === 'transport_document');
    const docs = needsDocs ? (await batch.indicator('partners.transport_documents')).values : null;
    return batch.lines.map((line, i): IndicatorResult => {
      const hits: string[] = [];
      const matched: Record<string, string> = {};
      for (const list of lists) {
        const subject = WATCHLIST_SUBJECT[list.type];
        const values = subject.field
          ? [FIELDS[subject.field]!.get(line)]
          : ((docs?.[i] as string[] | null | undefined) ?? []);
        for (const v of values) {
          if (typeof v === 'string' && onList(list, v)) {
            hits.push(list.name);
            matched[list.name] = v;
            break;
          }
        }
      }
      return hits.length ? { value: hits, evidence: { matched } } : null;
    });
  },
});

export function modelScores(batch: IndicatorBatch): Promise<{ name: string; scores: ModelScore[] } | null> {
  return batch.once('model.scores', async () => {
    const scorer = activeModelScorer();
    // `model: false`: scoring without the model (back-tests: the model knows their future).
    if (!scorer || batch.options.model === false) return null;
    const lines = batch.lines.map(({ item_id: _i, declaration_id: _d, ...line }) => ({
      ...line,
      outcome: null,
    }));
    const scores = await scorer.score(lines, { explain: Boolean(batch.options.explain) });
    if (scores.length !== lines.length)
      throw new Error(`model ${scorer.name} returned ${scores.length} scores for ${lines.length} lines`);
    return { name: scorer.name, scores };
  });
}

/** A share from 0 to 1 shown as a whole percentage. */
const percent = (v: Value, lang: Lang) =>
  typeof v === 'number'
    ? `${numberFormat(numberLocale(lang), { maximumFractionDigits: 0 }).format(v * 100)} %`
    : String(v);

registerIndicator({
  name: 'model.probability',
  type: 'number',
  description: {
    en: 'fraud probability given by the active model (none when no model is active)',
    fr: 'probabilité de fraude donnée par le modèle actif (aucune sans modèle actif)',
    ar: 'احتمال الغش الذي يعطيه النموذج النشط (لا شيء دون نموذج نشط)',
  },
  format: percent,
  async compute(batch) {
    const model = await modelScores(batch);
    if (!model) return batch.lines.map(() => null);
    return model.scores.map((s) => ({
      value: s.probability,
      evidence: { model: model.name, reasons: s.reasons },
    }));
  },
});

const share = (v: Value, lang: Lang) =>
  typeof v === 'number'
    ? numberFormat(numberLocale(lang), { maximumFractionDigits: 2 }).format(v)
    : String(v);

registerIndicator({
  name: 'model.anomaly',
  type: 'number',
  description: {
    en: 'how unusual the item is for the active model (isolation forest, 0 to 1: about 0.5 ordinary, towards 1 unusual; none without an active model)',
    fr: 'degré d’anomalie de l’article pour le modèle actif (forêt d’isolement, 0 à 1 : vers 0,5 ordinaire, vers 1 inhabituel ; aucun sans modèle actif)',
    ar: 'درجة شذوذ السطر بالنسبة للنموذج النشط (غابة العزل، من 0 إلى 1: نحو 0,5 عادي، نحو 1 غير مألوف؛ لا شيء دون نموذج نشط)',
  },
  format: share,
  async compute(batch) {
    const model = await modelScores(batch);
    if (!model) return batch.lines.map(() => null);
    return model.scores.map((s) =>
      s.anomaly
        ? { value: s.anomaly.score, evidence: { model: model.name, reasons: s.anomaly.reasons } }
        : null,
    );
  },
});

registerIndicator({
  name: 'model.anomaly_percentile',
  type: 'number',
  description: {
    en: 'share of the active model’s training lines less unusual than the item (0 to 1)',
    fr: 'part des lignes d’apprentissage du modèle actif moins inhabituelles que l’article (0 à 1)',
    ar: 'نسبة أسطر تدريب النموذج النشط الأقل شذوذًا من السطر (من 0 إلى 1)',
  },
  format: percent,
  async compute(batch) {
    const model = await modelScores(batch);
    if (!model) return batch.lines.map(() => null);
    return model.scores.map((s) => s.anomaly?.percentile ?? null);
  },
});
