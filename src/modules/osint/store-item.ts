/**
 * Storing one collected post, the whole path in one place. run.ts has validated it and analysed it (items.ts,
 * analysis/), and calls `storeItem` inside a transaction holding the items lock; each step below belongs to its
 * own file, which never calls back:
 *
 * 1. The same item met again (its key: canonical URL, else platform and id, else source, author and content
 *    hash). With the same text it is only counted and captured, and storing stops there; with another text it is
 *    updated in place and goes on, in its own duplicate group.
 * 2. De-duplication (dedup.ts): a new item joins the group of an earlier item with the same text, else of the
 *    most similar one (MinHash), else starts its own; its MinHash bands are stored for the items after it.
 * 3. The item row and its capture (which evidence, where in it, when).
 * 4. The seller (identifiers.ts, then sellers.ts): the item's identifiers are linked, and the item joins,
 *    creates or merges sellers; an identifier shared too widely becomes a hub and its seller is split again.
 * 5. Alerts (alerts.ts): a post alert when the risk score reaches the source's threshold, watchlist alerts for
 *    the watch terms it matches (phones of the text and of the author's profile).
 *
 * When a run has stored its posts, `profileSellers` re-profiles the sellers they touched (seller-profile.ts) and
 * raises seller alerts (alerts.ts); re-analysis (reanalyze.ts) ends the same way.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { raisePostAlerts, raiseSellerAlerts } from './alerts.ts';
import type { AnalysisResult } from './analysis/index.ts';
import {
  contentHash,
  dropBands,
  findDuplicateGroup,
  foldedWords,
  minhash,
  signatureToBytes,
  storeBands,
} from './dedup.ts';
import { identifiersOf } from './identifiers.ts';
import { analysedText, analysisColumns, type ValidPost } from './items.ts';
import { refreshSellers } from './seller-profile.ts';
import { assignSeller } from './sellers.ts';
import type { WatchTerm } from './watchlist.ts';

export interface StoreContext {
  sourceId: number;
  evidenceId: number;
  modelVersion: number;
  alertThreshold: number;
  watchTerms: readonly WatchTerm[];
  seenAt: Date;
}

export interface StoreOutcome {
  itemId: number;
  status: 'new' | 'seen' | 'edited';
  repost: boolean;
  /** Sellers whose profile the run must refresh (`profileSellers`). */
  sellers: number[];
  alerts: number;
}

/** Stores one analysed post (inside the caller's transaction). */
export async function storeItem(
  db: Kysely<DB>,
  ctx: StoreContext,
  post: ValidPost,
  analysis: AnalysisResult,
  key: string,
): Promise<StoreOutcome> {
  const text = analysedText(post);
  const hash = contentHash(text);

  // 1. The same item met again.
  const existing = await db
    .selectFrom('osint_items')
    .select(['id', 'content_hash', 'dup_group_id', 'evidence_id'])
    .where('item_key', '=', key)
    .executeTakeFirst();
  if (existing && existing.content_hash === hash) {
    await db
      .updateTable('osint_items')
      .set({ last_seen_at: ctx.seenAt, seen_count: sql`seen_count + 1` })
      .where('id', '=', existing.id)
      .execute();
    await capture(db, ctx, post, existing.id);
    return { itemId: existing.id, status: 'seen', repost: false, sellers: [], alerts: 0 };
  }

  // 2 and 3. De-duplication and the item row: an edited item keeps its group, a new one looks for its ad.
  const sig = minhash(text);
  const fields = {
    ...postColumns(ctx, post),
    content_hash: hash,
    minhash: sig ? signatureToBytes(sig) : null,
    ...analysisColumns(analysis, ctx.modelVersion),
  };
  let itemId: number;
  let groupId: number;
  let repost = false;
  if (existing) {
    itemId = existing.id;
    groupId = existing.dup_group_id;
    await db
      .updateTable('osint_items')
      .set({ ...fields, last_seen_at: ctx.seenAt, seen_count: sql`seen_count + 1`, updated_at: new Date() })
      .where('id', '=', itemId)
      .execute();
    await dropBands(db, itemId);
  } else {
    // The id comes first: an item that starts its own group is its group.
    const next = await sql<{
      id: number;
    }>`select nextval(pg_get_serial_sequence('osint_items', 'id')) as id`.execute(db);
    itemId = Number(next.rows[0]!.id);
    const group = await findDuplicateGroup(db, hash, foldedWords(text).length, sig);
    groupId = group?.groupId ?? itemId;
    repost = group !== null;
    await db
      .insertInto('osint_items')
      .values({
        id: itemId,
        item_key: key,
        ...fields,
        dup_group_id: groupId,
        first_seen_at: ctx.seenAt,
        last_seen_at: ctx.seenAt,
      })
      .execute();
  }
  if (sig) await storeBands(db, itemId, sig);
  await capture(db, ctx, post, itemId);

  // 4. The seller.
  const identifiers = identifiersOf({
    platform: post.platform,
    url: post.url,
    author: post.author,
    author_url: post.author_url,
    attributes: post.attributes,
    entities: analysis.entities,
  });
  const { touched } = await assignSeller(db, itemId, identifiers, post.author, ctx.seenAt);

  // 5. Alerts.
  const phones = [
    ...analysis.entities.phones,
    ...identifiers.filter((i) => i.kind === 'phone').map((i) => i.value),
  ];
  const alerts = await raisePostAlerts(
    db,
    { id: itemId, groupId },
    { text, analysis, phones },
    { threshold: ctx.alertThreshold, watchTerms: ctx.watchTerms },
  );
  return { itemId, status: existing ? 'edited' : 'new', repost, sellers: touched, alerts };
}

/**
 * After a run (or a re-analysis) stored its posts: the sellers they touched are re-profiled, and those that now
 * reach the seller threshold raise an alert. `ids` are sellers that stand now (not merged away). Returns how many
 * alerts are new.
 */
export async function profileSellers(db: Kysely<DB>, ids: Iterable<number>): Promise<number> {
  return raiseSellerAlerts(db, await refreshSellers(db, ids));
}

/** What the post says, as the columns of its item. */
function postColumns(ctx: StoreContext, post: ValidPost) {
  return {
    source_id: ctx.sourceId,
    evidence_id: ctx.evidenceId,
    locator: post.locator,
    platform: post.platform,
    kind: post.kind,
    external_id: post.external_id,
    url: post.url,
    canonical_url: post.canonical_url,
    author: post.author,
    author_url: post.author_url,
    title: post.title,
    text: post.text,
    text_truncated: post.text_truncated,
    price: post.price,
    currency: post.currency,
    posted_at: post.posted_at,
    attributes: JSON.stringify(post.attributes),
  };
}

/** Records that the item was met in this evidence, at this place and time (the first time per evidence). */
async function capture(db: Kysely<DB>, ctx: StoreContext, post: ValidPost, itemId: number): Promise<void> {
  await db
    .insertInto('osint_captures')
    .values({ item_id: itemId, evidence_id: ctx.evidenceId, locator: post.locator, seen_at: ctx.seenAt })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
