/** How an import's outcome reads on a terminal. */
import { formatBytes, formatDuration, formatInt } from '../../platform/cli/output.ts';
import { formatRowError } from '../../platform/ingest/problems.ts';
import type { ImportSummary } from '../../platform/ingest/run.ts';

export function describeCounts(counts: Record<string, number>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(counts)) {
    const [noun, ...verb] = key.split('_');
    parts.push(`${formatInt(value)} ${noun} ${verb.join(' ')}`);
  }
  return parts.join(', ');
}

export function formatImportSummary(summary: ImportSummary, bytes?: number): string {
  const lines: string[] = [];
  const rate = summary.rowsRead / Math.max(summary.durationMs / 1000, 0.001);
  if (summary.fileError) {
    lines.push(`✖ ${summary.fileError.message}`);
    lines.push('  nothing was written.');
    return lines.join('\n');
  }
  if (summary.ok) {
    lines.push(
      `✔ ${summary.file}: ${formatInt(summary.rowsRead)} rows read in ${formatDuration(summary.durationMs)}` +
        ` (${formatInt(Math.round(rate))} rows/s${bytes ? `, ${formatBytes(bytes)}` : ''}), import #${summary.importId}`,
    );
    lines.push(`  ${describeCounts(summary.counts)}`);
    if (summary.rowsRejected > 0) {
      lines.push(
        `  ${formatInt(summary.rowsRejected)} rows rejected (${formatInt(summary.errorCount)} errors) → ${summary.rejectsPath}`,
      );
    }
  } else {
    lines.push(
      `✖ ${summary.file}: ${formatInt(summary.errorCount)} error${summary.errorCount === 1 ? '' : 's'} in ${formatInt(summary.rowsRead)} rows — nothing was written` +
        ' (atomic import; --skip-invalid keeps the good rows and writes the bad ones to a rejects file)',
    );
  }
  for (const error of summary.errors) lines.push(`  ${formatRowError(error)}`);
  const more = summary.errorCount - summary.errors.length;
  if (more > 0) lines.push(`  … and ${formatInt(more)} more error${more === 1 ? '' : 's'}`);
  if (summary.unusedColumns.length) {
    lines.push(`  note: columns not used by profile ${summary.profile}: ${summary.unusedColumns.join(', ')}`);
  }
  return lines.join('\n');
}
