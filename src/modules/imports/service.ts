/**
 * An import as the platform runs it: the import engine plus the audit trail. A successful import is recorded in
 * its own transaction (the entry commits with the data); a refused one is recorded apart (nothing else was written).
 */

import { basename } from 'node:path';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { type ImportOptions, type ImportSummary, runImport } from '../../platform/ingest/run.ts';
import type { ImportTarget } from '../../platform/ingest/target.ts';

export async function auditedImport<Row>(
  database: Database,
  target: ImportTarget<Row>,
  options: ImportOptions,
  actor: Actor,
): Promise<ImportSummary> {
  const what = {
    kind: target.name,
    file: basename(options.file),
    profile: options.profile.name,
    mode: options.mode ?? 'atomic',
  };
  const summary = await runImport(database, target, {
    ...options,
    startedBy: options.startedBy ?? actor.name,
    onCommit: async (session, s) => {
      await options.onCommit?.(session, s);
      await appendAudit(session, actor, {
        action: 'import.completed',
        target_type: 'import',
        target_id: s.importId,
        details: {
          ...what,
          sha256: s.sha256,
          rows_read: s.rowsRead,
          rows_rejected: s.rowsRejected,
          counts: s.counts,
        },
      });
    },
  });
  if (!summary.ok) {
    await appendAudit(database, actor, {
      action: 'import.refused',
      details: {
        ...what,
        rows_read: summary.rowsRead,
        error_count: summary.errorCount,
        file_error: summary.fileError ?? null,
        first_errors: summary.errors.slice(0, 5),
      },
    });
  }
  return summary;
}
