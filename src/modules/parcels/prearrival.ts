/**
 * The parcels' referrals as the risk module's selection queue shows them (a `PreArrivalSource`, registered at the
 * composition root): referred parcels, highest score first then by id (keyset), for their office of arrival, with
 * their reasons largest first and their examiner when assigned. Also how `vigie risk score-parcels` scores.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PreArrivalSource } from '../risk/index.ts';
import type { ParcelReason } from './model.ts';
import { scoreParcels } from './score.ts';

export const parcelsPreArrival: PreArrivalSource = {
  name: 'parcels',
  async list(db: Kysely<DB>, filters, page) {
    let q = db
      .selectFrom('parcel_scores as s')
      .innerJoin('parcels as p', 'p.id', 's.parcel_id')
      .where('s.referred', '=', true);
    if (filters.office) q = q.where('p.arrival_office', '=', filters.office);
    if (filters.from) q = q.where('p.arrival_date', '>=', filters.from);
    if (filters.to) q = q.where('p.arrival_date', '<=', filters.to);
    if (filters.channel) q = q.where('s.channel', '=', filters.channel);
    const after = page.after;
    const [count, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      (after
        ? q.where(sql<boolean>`(s.score, -s.parcel_id) < (${after.score}::int, ${-after.id}::bigint)`)
        : q
      )
        .leftJoin('parcel_assignments as a', 'a.parcel_id', 'p.id')
        .leftJoin('parcel_examiners as e', 'e.id', 'a.examiner_id')
        .select([
          'p.id',
          'p.carrier',
          'p.consignment_number',
          'p.arrival_office',
          sql<string>`to_char(p.arrival_date, 'YYYY-MM-DD')`.as('arrival_date'),
          's.score',
          's.channel',
          's.reasons',
          'e.username',
        ])
        .orderBy('s.score', 'desc')
        .orderBy('s.parcel_id')
        .limit(page.limit)
        .execute(),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({
        source: 'parcels',
        id: Number(r.id),
        reference: `${r.carrier} ${r.consignment_number}`,
        office: r.arrival_office,
        arrival_date: r.arrival_date,
        score: r.score,
        channel: r.channel as 'red' | 'yellow',
        explanation: [...(r.reasons as ParcelReason[])]
          .sort((a, b) => b.points - a.points)
          .map(({ indicator, points, message }) => ({ indicator, points, message })),
        assigned_to: r.username ?? null,
        link: `/parcels/${r.id}`,
      })),
    };
  },
  async score(database, actor, period) {
    const { settings: _, ...summary } = await scoreParcels(database, actor, period);
    return summary;
  },
};
