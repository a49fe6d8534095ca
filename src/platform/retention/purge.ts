/**
 * The purge: each kind of data kept for a limited time loses what is older than its period (configured per kind,
 * `VIGIE_RETENTION_DAYS`, else the kind's default), except what legal holds protect. One audit entry says what was
 * removed; a dry run counts without removing and is not audited. The audit trail itself, and the hashes of
 * evidence, are never purged: history still verifies afterwards.
 */

import { appendAudit } from '../audit/store.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';
import type { RetentionKind } from './kinds.ts';

export interface PurgeLine {
  kind: string;
  days: number;
  before: string;
  removed: number;
  kept: number;
}

export interface PurgeReport {
  dry_run: boolean;
  at: string;
  kinds: PurgeLine[];
}

const DAY = 86_400_000;

/** The period of each kind: the configured one, else its default. Unknown names in the configuration are refused. */
export function retentionPeriods(
  kinds: readonly RetentionKind[],
  configured: Readonly<Record<string, number>>,
): { kind: RetentionKind; days: number }[] {
  const names = new Set(kinds.map((k) => k.name));
  const unknown = Object.keys(configured).filter((name) => !names.has(name));
  if (unknown.length)
    throw new AppError(
      'retention.unknown_kind',
      `VIGIE_RETENTION_DAYS names ${unknown.join(', ')}, which no module keeps (known: ${[...names].sort().join(', ')})`,
      500,
    );
  return kinds.map((kind) => ({ kind, days: configured[kind.name] ?? kind.defaultDays }));
}

export async function runPurge(
  database: Database,
  kinds: readonly RetentionKind[],
  configured: Readonly<Record<string, number>>,
  actor: Actor,
  options: {
    dryRun?: boolean;
    now?: Date;
    onProgress?: (done: number, total: number, kind: string) => void;
  } = {},
): Promise<PurgeReport> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const periods = retentionPeriods(kinds, configured);
  const lines: PurgeLine[] = [];
  for (const [index, { kind, days }] of periods.entries()) {
    options.onProgress?.(index, periods.length, kind.name);
    const before = new Date(now.getTime() - days * DAY);
    const result = await kind.purge(database, before, { dryRun, now });
    lines.push({
      kind: kind.name,
      days,
      before: before.toISOString(),
      removed: result.removed,
      kept: result.kept ?? 0,
    });
  }
  options.onProgress?.(periods.length, periods.length, 'done');
  const report = { dry_run: dryRun, at: now.toISOString(), kinds: lines };
  if (!dryRun) await appendAudit(database, actor, { action: 'retention.purged', details: report });
  return report;
}
