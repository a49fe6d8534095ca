/**
 * Pre-arrival referrals in the selection queue (docs/decisions/0029-parcels-speed-and-queue.md). Goods announced
 * before they arrive — e-commerce parcels today — are scored by the module that knows them; their referrals join
 * the selection queue beside the declarations' decisions, marked pre-arrival, for their office of arrival, with
 * their explanation. Risk knows only this interface: a module registers a source at the composition root
 * (src/app/modules.ts), as it registers indicators; risk never reads the source's tables.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { OfficeScope } from './types.ts';

/** One referral as the queue shows it. */
export interface PreArrivalReferral {
  /** The source's name (e.g. `parcels`) and its id for the item. */
  source: string;
  id: number;
  /** How people name the item (e.g. `DHL 4816203951`). */
  reference: string;
  office: string;
  arrival_date: string;
  score: number;
  channel: 'red' | 'yellow';
  /** The reasons, largest first, each in words. */
  explanation: { indicator: string; points: number; message: string }[];
  /** Who examines it, when assigned. */
  assigned_to: string | null;
  /** Where the workbench shows the item (a path of the web app). */
  link: string;
}

export interface PreArrivalFilters {
  office?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  channel?: 'red' | 'yellow' | undefined;
}

export interface PreArrivalSource {
  name: string;
  /** Referred items, highest score first then by id; `after` is the last item of the page before (keyset). */
  list(
    db: Kysely<DB>,
    filters: PreArrivalFilters,
    page: { limit: number; after?: { score: number; id: number } | undefined },
  ): Promise<{ total: number; items: PreArrivalReferral[] }>;
  /** Scores the items arriving in a period (`vigie risk score-parcels`): a summary to print. */
  score?(
    database: Database,
    actor: Actor,
    period: { from: string; to: string },
  ): Promise<Record<string, unknown>>;
}

const sources = new Map<string, PreArrivalSource>();

/** Adds a source of pre-arrival referrals (once per name unless `replace`: tests, reloads). */
export function registerPreArrivalSource(
  source: PreArrivalSource,
  options: { replace?: boolean } = {},
): void {
  if (sources.has(source.name) && !options.replace)
    throw new Error(`pre-arrival source "${source.name}" is already registered`);
  sources.set(source.name, source);
}

export function preArrivalSource(name: string): PreArrivalSource {
  const source = sources.get(name);
  if (!source)
    throw new AppError('risk.no_prearrival_source', `no pre-arrival source "${name}"`, 400, [
      {
        path: '/source',
        message: `expected one of: ${[...sources.keys()].join(', ') || '(none registered)'}`,
      },
    ]);
  return source;
}

/**
 * The referrals of one source in the caller's scope (an officer sees the office of their account only, as with
 * declarations), a page at a time by keyset.
 */
export async function listPreArrival(
  db: Kysely<DB>,
  name: string,
  filters: PreArrivalFilters,
  scope: OfficeScope,
  page: { limit: number; after?: { score: number; id: number } | undefined },
) {
  const source = preArrivalSource(name);
  if (scope.office !== null && filters.office && filters.office !== scope.office)
    return { total: 0, items: [] as (PreArrivalReferral & { pre_arrival: true })[] };
  const office = scope.office ?? filters.office;
  const result = await source.list(db, { ...filters, office }, page);
  return { total: result.total, items: result.items.map((i) => ({ ...i, pre_arrival: true as const })) };
}

export function preArrivalSources(): string[] {
  return [...sources.keys()];
}
