/**
 * The import job: an uploaded file imported like `vigie import`, with progress (bytes read, rows), cancellation,
 * and the rejects file (skip-invalid mode) stored back as an upload to download.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DATE_FORMATS } from '../../platform/ingest/fields.ts';
import {
  resolveProfile,
  TARGETS,
  type TargetName,
  withFileConventions,
} from '../../platform/ingest/profile.ts';
import type { JobKind } from '../../platform/jobs/queue.ts';
import { getUpload, saveFileAsUpload, writeUploadToFile } from '../../platform/uploads/uploads.ts';
import { auditedImport } from './service.ts';

export const importJobParams = z.object({
  upload_id: z.number().int().positive(),
  file_name: z.string(),
  target: z.enum(TARGETS),
  profile: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a profile name'),
  mode: z.enum(['atomic', 'skip_invalid']).default('atomic'),
  format: z.enum(['csv', 'ndjson', 'json']).optional(),
  encoding: z.string().max(40).optional(),
  delimiter: z.string().max(3).optional(),
  decimal_separator: z.enum(['.', ',']).optional(),
  date_format: z.enum(DATE_FORMATS).optional(),
  max_errors: z.number().int().min(0).max(10_000).default(100),
});
export type ImportJobParams = z.infer<typeof importJobParams>;

export const importJob: JobKind<ImportJobParams> = {
  kind: 'import',
  title: (p) => `Import of ${p.file_name} (${p.target}, profile ${p.profile})`,
  async run({ params: raw, actor, signal, database, config, progress, importTargets }) {
    const params = importJobParams.parse(raw);
    const upload = await getUpload(database, params.upload_id);
    if (!upload) throw new Error(`upload #${params.upload_id} is gone`);
    const dir = mkdtempSync(join(tmpdir(), 'vigie-import-'));
    // Keep the original name: its extension tells the format and messages name the file as the user knows it.
    const file = join(dir, params.file_name.replace(/[/\\]/g, '_') || 'upload');
    const rejectsPath = join(dir, 'rejects');
    try {
      await writeUploadToFile(database, params.upload_id, file);
      const target = importTargets.get(params.target as TargetName)!;
      const summary = await auditedImport(
        database,
        target,
        {
          file,
          profile: withFileConventions(resolveProfile(params.target, params.profile, config.dataDir), params),
          mode: params.mode,
          maxErrors: params.max_errors,
          rejectsPath,
          ...(params.format ? { format: params.format } : {}),
          ...(params.encoding ? { encoding: params.encoding } : {}),
          ...(params.delimiter ? { delimiter: params.delimiter } : {}),
          signal,
          onProgress: (p) =>
            progress({
              done: p.bytesRead,
              total: p.bytesTotal,
              unit: 'bytes',
              message: `${p.rowsRead.toLocaleString('en-US')} rows read`,
            }),
        },
        actor,
      );
      let rejectsKey: string | null = null;
      if (summary.rowsRejected > 0 && existsSync(rejectsPath)) {
        const name = `${params.file_name}.rejects.${summary.format === 'csv' ? 'csv' : 'ndjson'}`;
        rejectsKey = (
          await saveFileAsUpload(database, rejectsPath, name, actor.id, {
            owner: 'imports',
            readPermission: 'imports:read',
            retainDays: config.uploadRetentionDays,
          })
        ).key;
      }
      progress({
        done: upload.bytes,
        total: upload.bytes,
        unit: 'bytes',
        message: `${summary.rowsRead.toLocaleString('en-US')} rows read`,
      });
      return {
        ...summary,
        file: params.file_name,
        rejectsPath: undefined,
        rejects_upload: rejectsKey,
        rejects_url: rejectsKey ? `/api/uploads/${rejectsKey}` : null,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
