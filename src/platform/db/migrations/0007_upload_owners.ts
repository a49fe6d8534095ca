/**
 * Uploaded files belong to what stored them: an unguessable key to fetch them by (ids are sequential and show in
 * job parameters), the module that owns them, the permission needed to read them back (an analyst with
 * `imports:read` could read an investigator's online-monitoring export), and when they may be purged (null: kept
 * as long as what refers to them, such as a control's photos). Files already stored are given the owner the job
 * or attachment that refers to them says.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `alter table uploads
     add column key uuid not null default gen_random_uuid(),
     add column owner text not null default 'imports',
     add column read_permission text not null default 'imports:read',
     add column expires_at timestamptz`,
  'create unique index uploads_key on uploads (key)',
  'create index uploads_expires_idx on uploads (expires_at) where expires_at is not null',
  `update uploads u set owner = 'osint', read_permission = 'osint:read'
     where exists (select 1 from job_runs j where j.kind = 'osint.collect'
                   and (j.params->>'upload_id')::bigint = u.id)`,
  `update uploads u set owner = 'risk', read_permission = 'risk:attachments'
     where exists (select 1 from risk_attachments a where a.upload_id = u.id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
