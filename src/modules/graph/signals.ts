/**
 * Online findings feed targeting: an importer within two links of an online seller with alerts (confirmed or
 * open) or of a seizure gets a risk signal, with the path that explains it ("company ATLASIMP — phone +212… —
 * online seller 'HighCopy Casa' (2 confirmed alerts: Nike, Adidas)"). Alerts are read when scoring, so confirming
 * or dismissing one changes the next scoring. `graphSellerIndicator` is the same as a risk indicator definition
 * (shaped as the risk engine's `IndicatorDefinition`, see docs/graph.md for how it is registered).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { linksAround } from './analysis.ts';
import { codeKey, emailKey } from './keys.ts';
import { type EntityRow, entitiesByIds } from './store.ts';

export interface RiskPath {
  /** Labels of the entities from the importer to the finding, e.g. company → phone → online seller. */
  nodes: { id: number; type: string; key: string; label: string }[];
  link_types: string[];
  finding: string;
  score: number;
}

export interface RiskSignal {
  importer: string;
  /** 0–1: 1 for a confirmed finding one link away; less farther off, and for open alerts only. */
  score: number;
  paths: RiskPath[];
  explanation: string | null;
}

const HOP_FACTOR = [1, 1, 0.7];
const MAX_LINKS = 50_000;

export async function graphRiskSignals(
  db: Kysely<DB>,
  importerCodes: string[],
  options: { maxHops?: 1 | 2 } = {},
): Promise<Map<string, RiskSignal>> {
  const out = new Map<string, RiskSignal>();
  const codes = [...new Set(importerCodes.filter(Boolean))];
  for (const code of codes) out.set(code, { importer: code, score: 0, paths: [], explanation: null });
  if (!codes.length) return out;
  const companies = await db
    .selectFrom('graph_entities')
    .select(['id', 'key', 'merged_into'])
    .where('type', '=', 'company')
    .where(
      'key',
      'in',
      codes.map((c) => codeKey(c)),
    )
    .execute();
  if (!companies.length) return out;
  const byKey = new Map(codes.map((c) => [codeKey(c), out.get(c)!]));
  await signalsFrom(
    db,
    byRoot(companies, (c) => byKey.get(c.key)!),
    options.maxHops ?? 2,
  );
  return out;
}

/**
 * The same signal for contact details (a parcel's recipient phone or e-mail, docs/decisions/0021-parcels.md):
 * a phone (E.164) or e-mail within `maxHops` links (default 1: the phone an online seller advertises) of an online
 * seller with alerts or a seizure. Keyed `phone:+212…` and `email:…`; `importer` holds that key.
 */
export async function contactRiskSignals(
  db: Kysely<DB>,
  contacts: { phones?: readonly string[]; emails?: readonly string[] },
  options: { maxHops?: 1 | 2 } = {},
): Promise<Map<string, RiskSignal>> {
  const out = new Map<string, RiskSignal>();
  const wanted = [
    ...[...new Set(contacts.phones ?? [])].filter(Boolean).map((k) => ({ type: 'phone', key: k })),
    ...[...new Set(contacts.emails ?? [])].filter(Boolean).map((k) => ({ type: 'email', key: emailKey(k) })),
  ];
  for (const w of wanted)
    out.set(`${w.type}:${w.key}`, { importer: `${w.type}:${w.key}`, score: 0, paths: [], explanation: null });
  if (!wanted.length) return out;
  const found = await db
    .selectFrom('graph_entities')
    .select(['id', 'type', 'key', 'merged_into'])
    .where((eb) =>
      eb.or(
        (['phone', 'email'] as const)
          .map((type) => ({ type, keys: wanted.filter((w) => w.type === type).map((w) => w.key) }))
          .filter((g) => g.keys.length)
          .map((g) => eb.and([eb('type', '=', g.type), eb('key', 'in', g.keys)])),
      ),
    )
    .execute();
  if (!found.length) return out;
  await signalsFrom(
    db,
    byRoot(found, (e) => out.get(`${e.type}:${e.key}`)!),
    options.maxHops ?? 1,
  );
  return out;
}

/**
 * The contacts (`phone:+212…`, `email:…`, keyed as `contactRiskSignals` keys them) one link from an online seller
 * or a seizure, merges followed: the only ones `contactRiskSignals` can give a score at one hop. A superset (the
 * seller's alerts are not read here): a caller scoring many contacts asks `contactRiskSignals` about these alone,
 * and holds a set the size of the findings' neighbourhood, not of its contacts (parcels' scoring,
 * docs/decisions/0029-parcels-speed-and-queue.md).
 */
export async function contactsNearFindings(db: Kysely<DB>): Promise<Set<string>> {
  const { rows } = await sql<{ type: string; key: string }>`
    with findings as (
      select id from graph_entities where type in ('online_seller', 'seizure')
    ), members as (
      select id from findings
      union select g.id from graph_entities g where g.merged_into in (select id from findings)
    ), near as (
      select from_id as id from graph_links where to_id in (select id from members)
      union select to_id from graph_links where from_id in (select id from members)
    ), roots as (
      select distinct coalesce(g.merged_into, g.id) as id from graph_entities g where g.id in (select id from near)
    )
    select g.type, g.key from graph_entities g
    where g.type in ('phone', 'email')
      and (g.id in (select id from roots) or g.merged_into in (select id from roots))`.execute(db);
  return new Set(rows.map((r) => `${r.type}:${r.key}`));
}

/** The key `contactRiskSignals` and `contactsNearFindings` give a contact. */
export const contactKey = (type: 'phone' | 'email', value: string): string =>
  `${type}:${type === 'email' ? emailKey(value) : value}`;

/** The signals per root entity (an entity merged into another is answered for by that one). */
function byRoot<E extends { id: number | string; merged_into: number | string | null }>(
  entities: readonly E[],
  signal: (e: E) => RiskSignal,
): Map<number, RiskSignal[]> {
  const out = new Map<number, RiskSignal[]>();
  for (const e of entities) {
    const root = Number(e.merged_into ?? e.id);
    const list = out.get(root);
    if (list) list.push(signal(e));
    else out.set(root, [signal(e)]);
  }
  return out;
}

/** Fills each root's signals with the paths from it to online sellers with alerts and to seizures. */
async function signalsFrom(
  db: Kysely<DB>,
  /** Per root, the signals it answers for: several keys can stand for one root (merged into it). */
  signalOf: Map<number, RiskSignal[]>,
  maxHops: number,
): Promise<void> {
  const roots = [...signalOf.keys()];
  // Level by level: who is reached from which root, through which node and link.
  type Via = { importer: number; prev: number | null; link: string | null; hops: number };
  const reached = new Map<number, Via[]>();
  for (const r of roots) reached.set(r, [{ importer: r, prev: null, link: null, hops: 0 }]);
  const entities = new Map<number, EntityRow>((await entitiesByIds(db, roots)).map((e) => [e.id, e]));
  let frontier = roots;
  for (let hop = 1; hop <= maxHops && frontier.length; hop++) {
    const around = await linksAround(db, frontier, {}, MAX_LINKS, new Set(entities.keys()));
    const edges = around.edges;
    for (const e of around.entities) entities.set(e.id, e);
    const inFrontier = new Set(frontier);
    const next = new Set<number>();
    for (const e of edges)
      for (const [from, to] of [
        [e.a, e.b],
        [e.b, e.a],
      ] as const) {
        if (!inFrontier.has(from)) continue;
        const target = entities.get(to);
        if (!target) continue;
        for (const via of reached.get(from) ?? []) {
          if (via.hops !== hop - 1) continue;
          const list = reached.get(to) ?? [];
          if (list.some((v) => v.importer === via.importer)) continue;
          list.push({ importer: via.importer, prev: from, link: e.type, hops: hop });
          reached.set(to, list);
          if (!target.hub && target.type !== 'online_seller') next.add(to);
        }
      }
    frontier = [...next];
  }
  const sellers = [...reached.keys()].filter((id) => entities.get(id)?.type === 'online_seller');
  const seizures = [...reached.keys()].filter((id) => entities.get(id)?.type === 'seizure');
  const { sellerAlertSummaries } = await import('../osint/index.ts');
  const summaries = new Map(
    (
      await sellerAlertSummaries(
        db,
        sellers.map((id) => Number(entities.get(id)!.key)).filter((n) => Number.isInteger(n)),
      )
    ).map((s) => [s.seller_id, s]),
  );
  const node = (id: number) => {
    const e = entities.get(id)!;
    return { id: e.id, type: e.type, key: e.key, label: e.label };
  };
  for (const id of [...sellers, ...seizures]) {
    const e = entities.get(id)!;
    let weight = 1;
    let finding: string;
    if (e.type === 'online_seller') {
      const s = summaries.get(Number(e.key));
      if (!s || s.confirmed + s.open === 0) continue;
      weight = s.confirmed > 0 ? 1 : 0.4;
      const brands = s.brands.length ? `: ${s.brands.slice(0, 3).join(', ')}` : '';
      finding =
        s.confirmed > 0
          ? `online seller '${s.display_name}' (${s.confirmed} confirmed alert${s.confirmed > 1 ? 's' : ''}${brands})`
          : `online seller '${s.display_name}' (${s.open} open alert${s.open > 1 ? 's' : ''}${brands})`;
    } else finding = `seizure ${e.label}`;
    for (const via of reached.get(id) ?? []) {
      const chain = [id];
      const types: string[] = [];
      let step: Via | undefined = via;
      while (step && step.prev !== null) {
        types.unshift(step.link!);
        chain.unshift(step.prev);
        const prev: number = step.prev;
        step = reached.get(prev)?.find((v) => v.importer === via.importer);
      }
      const score = weight * (HOP_FACTOR[via.hops] ?? 0.5);
      const nodes = chain.map(node);
      for (const signal of signalOf.get(via.importer) ?? []) {
        signal.paths.push({ nodes, link_types: types, finding, score });
        if (score > signal.score) {
          signal.score = score;
          signal.explanation = [
            ...nodes
              .slice(0, -1)
              .map((n) => `${n.type.replace('_', ' ')} ${n.type === 'company' ? n.key : n.label}`),
            finding,
          ].join(' — ');
        }
      }
    }
  }
  for (const s of [...signalOf.values()].flat())
    s.paths.sort((a, b) => b.score - a.score || a.nodes.length - b.nodes.length);
}

/**
 * The signal as a risk indicator, shaped like the risk engine's `IndicatorDefinition` (structurally: the graph
 * module does not import risk). Registered by the composition root once risk's public face exports
 * `registerIndicator` (docs/graph.md, "Risk feedback").
 */
export const graphSellerIndicator = {
  name: 'graph.linked_online_finding',
  type: 'number' as const,
  description: {
    en: 'Importer within 2 links of an online seller with alerts or a seizure (0–1, with the path)',
    fr: 'Importateur à 2 liens au plus d’un vendeur en ligne signalé ou d’une saisie (0–1, avec le chemin)',
    ar: 'مستورد يبعد رابطين على الأكثر عن بائع إلكتروني مُبلَّغ عنه أو عن حجز (0–1، مع المسار)',
  },
  async compute(batch: {
    db: Kysely<DB>;
    lines: readonly { importer: { code: string } | null }[];
    once<T>(key: string, fn: () => Promise<T> | T): Promise<T>;
  }) {
    const signals = await batch.once('graph.signals', () =>
      graphRiskSignals(batch.db, batch.lines.map((l) => l.importer?.code ?? '').filter(Boolean)),
    );
    return batch.lines.map((l) => {
      const s = l.importer ? signals.get(l.importer.code) : undefined;
      if (!s || s.score === 0) return 0;
      return { value: s.score, evidence: { path: s.explanation, paths: s.paths.slice(0, 3) } };
    });
  },
};
