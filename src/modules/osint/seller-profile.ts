/**
 * A seller's profile, recomputed from its items after each run or re-analysis that touched it (store-item.ts)
 * and after a decision changed one of its ads' labels: accounts and platforms, brands, cities, price range in MAD,
 * first and last seen, and a score — its best ad's score, plus 0.05 for each further distinct risky ad (at most
 * +0.2); an ad confirmed benign counts 0, one confirmed risky at least 0.95. Reposts of one ad count once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Entities } from './analysis/index.ts';
import { normalizeHandle } from './identifiers.ts';
import type { OsintLabel } from './tables.ts';
import { hostOf } from './urls.ts';

interface SellerItemRow {
  id: number;
  author: string | null;
  platform: string | null;
  url: string | null;
  label: OsintLabel;
  confirmed_label: OsintLabel | null;
  score: number;
  dup_group_id: number;
  entities: Record<string, unknown>;
  posted_at: Date | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

function top(counts: Map<string, number>, n: number) {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([name, count]) => ({ name, count }));
}

/** What a seller's items say about it: score, label, reasons, accounts, brands, cities, prices, first/last seen. */
export function profileOf(items: SellerItemRow[]) {
  const groups = new Map<number, { score: number; label: OsintLabel; item: number }>();
  const accounts = new Map<string, { platform: string; handle: string; items: number }>();
  const platforms = new Set<string>();
  const brands = new Map<string, number>();
  const cities = new Map<string, number>();
  let min: number | null = null;
  let max: number | null = null;
  let first: Date | null = null;
  let last: Date | null = null;
  for (const it of items) {
    const label = it.confirmed_label ?? it.label;
    const risky = label !== 'benign';
    const score =
      it.confirmed_label === 'benign' ? 0 : it.confirmed_label ? Math.max(it.score, 0.95) : it.score;
    const g = groups.get(it.dup_group_id);
    const rank = (x: { score: number; label: OsintLabel }) => (x.label !== 'benign' ? 1 + x.score : x.score);
    if (!g || rank({ score, label }) > rank(g))
      groups.set(it.dup_group_id, { score, label: risky ? label : 'benign', item: it.id });
    const platform = it.platform?.toLowerCase() ?? hostOf(it.url) ?? 'unknown';
    platforms.add(platform);
    if (it.author) {
      const key = `${platform}:${normalizeHandle(it.author)}`;
      const a = accounts.get(key);
      if (a) a.items++;
      else accounts.set(key, { platform, handle: it.author.trim(), items: 1 });
    }
    const e = it.entities as Partial<Entities>;
    for (const b of new Set(e.brands ?? [])) brands.set(b, (brands.get(b) ?? 0) + 1);
    for (const c of new Set((e.cities ?? []).map((c) => c.city))) cities.set(c, (cities.get(c) ?? 0) + 1);
    for (const p of e.prices ?? []) {
      if (p.amount_mad === null || p.amount_mad === undefined) continue;
      min = min === null ? p.amount_mad : Math.min(min, p.amount_mad);
      max = max === null ? p.amount_mad : Math.max(max, p.amount_mad);
    }
    const seen = it.posted_at ?? it.first_seen_at;
    if (!first || seen < first) first = seen;
    const lastSeen = it.posted_at && it.posted_at > it.last_seen_at ? it.posted_at : it.last_seen_at;
    if (!last || lastSeen > last) last = lastSeen;
  }
  const risky = [...groups.values()].filter((g) => g.label !== 'benign').sort((a, b) => b.score - a.score);
  const labelCounts = new Map<string, number>();
  for (const g of risky) labelCounts.set(g.label, (labelCounts.get(g.label) ?? 0) + 1);
  const label = (top(labelCounts, 1)[0]?.name as OsintLabel | undefined) ?? 'benign';
  const best = risky[0] ?? [...groups.values()].sort((a, b) => b.score - a.score)[0];
  const bonus = risky.length > 1 ? Math.min(0.2, 0.05 * (risky.length - 1)) : 0;
  const score = Math.round(Math.min(1, (best?.score ?? 0) + bonus) * 1000) / 1000;
  const reasons: string[] = [];
  if (best)
    reasons.push(
      `highest-scoring ad: item #${best.item}, ${best.label === 'benign' ? 'no risk label' : best.label} ${best.score.toFixed(2)}`,
    );
  if (bonus > 0) reasons.push(`${risky.length} distinct risky ads (+${bonus.toFixed(2)})`);
  if (accounts.size > 1 || platforms.size > 1)
    reasons.push(`${accounts.size} accounts on ${platforms.size} platform${platforms.size > 1 ? 's' : ''}`);
  return {
    score,
    label,
    reasons,
    item_count: items.length,
    ad_count: groups.size,
    risky_ad_count: risky.length,
    accounts: [...accounts.values()]
      .sort((a, b) => b.items - a.items || (a.handle < b.handle ? -1 : 1))
      .map(({ platform, handle }) => ({ platform, handle })),
    platforms: [...platforms].sort(),
    brands: top(brands, 10),
    cities: top(cities, 10),
    price_min_mad: min,
    price_max_mad: max,
    first_seen_at: first,
    last_seen_at: last,
  };
}

/** Recomputes the profiles of the given sellers from their items (the latest 5,000 of each). */
export async function refreshSellers(db: Kysely<DB>, ids: Iterable<number>) {
  const refreshed: { id: number; score: number; label: OsintLabel; risky_ad_count: number }[] = [];
  for (const id of new Set(ids)) {
    const seller = await db
      .selectFrom('osint_sellers')
      .select(['id', 'merged_into'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!seller || seller.merged_into !== null) continue;
    const items = (await db
      .selectFrom('osint_items')
      .select([
        'id',
        'author',
        'platform',
        'url',
        'label',
        'confirmed_label',
        'score',
        'dup_group_id',
        'entities',
        'posted_at',
        'first_seen_at',
        'last_seen_at',
      ])
      .where('seller_id', '=', id)
      .orderBy('id', 'desc')
      .limit(5000)
      .execute()) as SellerItemRow[];
    const p = profileOf(items);
    const first = p.accounts[0];
    await db
      .updateTable('osint_sellers')
      .set({
        score: p.score,
        label: p.label,
        reasons: JSON.stringify(p.reasons),
        item_count: p.item_count,
        ad_count: p.ad_count,
        risky_ad_count: p.risky_ad_count,
        accounts: JSON.stringify(p.accounts),
        platforms: p.platforms,
        brands: JSON.stringify(p.brands),
        cities: JSON.stringify(p.cities),
        price_min_mad: p.price_min_mad,
        price_max_mad: p.price_max_mad,
        first_seen_at: p.first_seen_at,
        last_seen_at: p.last_seen_at,
        ...(first ? { display_name: first.handle.slice(0, 200) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    refreshed.push({ id, score: p.score, label: p.label, risky_ad_count: p.risky_ad_count });
  }
  return refreshed;
}
