/**
 * The real corpus (decision 0032): public texts labelled by written rules, split by source. The manifest
 * (`data/real-manifest.jsonl`) is in the repository; the texts are not (most sources do not allow redistribution):
 * they live in `$VIGIE_OSINT_REAL_DIR/texts.jsonl`, by default `../shared/data/osint-real` next to the checkout.
 * Everything that needs the texts (bench, quality tests, retraining) says so clearly and skips when they are absent;
 * the project runs without them (the trained weights are in the repository).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { LABELS, type Label } from '../types.ts';

export const SPLITS = ['train', 'validation', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export const manifestEntrySchema = z.object({
  id: z.string().min(1),
  /** Dataset or collection the item comes from (e.g. `enron-spam`, `web-pages`, `github-issues`). */
  source: z.string().min(1),
  /** Page or thread URL, or `repo@commit:path` for a file in a public repository. */
  origin: z.string().min(1),
  /** Items of one group (a site, a spam campaign, a newsgroup thread, a near-duplicate cluster) share a split. */
  group: z.string().min(1),
  taken: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  language: z.string().min(2),
  label: z.enum(LABELS),
  /** Who or what labelled it, and by which written rule of decision 0032. */
  labeller: z.string().min(1),
  split: z.enum(SPLITS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** For a file of a public repository: `owner/name@commit` (the licence is per source, in real-sources.json). */
  repository: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/)
    .optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export interface RealItem extends ManifestEntry {
  text: string;
}

export const MANIFEST_URL = new URL('../data/real-manifest.jsonl', import.meta.url);
/** Per source: its licence and the repositories (at a commit) its files come from. */
export const SOURCES_URL = new URL('../data/real-sources.json', import.meta.url);

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Directory of the texts: `VIGIE_OSINT_REAL_DIR`, else `../shared/data/osint-real` from the working directory. */
export function realDataDir(): string {
  return resolve(process.env.VIGIE_OSINT_REAL_DIR ?? '../shared/data/osint-real');
}

export function loadManifest(url: URL | string = MANIFEST_URL): ManifestEntry[] {
  const path = typeof url === 'string' ? url : url.pathname;
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (e) {
        throw new Error(
          `${path}:${n}: invalid JSON: ${(e as Error).message} (expected one manifest entry a line)`,
        );
      }
      const parsed = manifestEntrySchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${path}:${n}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      return parsed.data;
    });
}

export interface LoadedCorpus {
  items: RealItem[];
  /** Manifest entries whose text is missing from texts.jsonl or whose SHA-256 differs. */
  missing: string[];
  dir: string;
}

/**
 * The labelled items with their texts, or null (with the reason) when the texts directory is absent. A text whose
 * SHA-256 differs from the manifest is reported in `missing`, never used.
 */
export function loadRealCorpus(dir = realDataDir()): LoadedCorpus | { absent: string } {
  const file = resolve(dir, 'texts.jsonl');
  if (!existsSync(file)) {
    return { absent: `real corpus texts not found at ${file} (set VIGIE_OSINT_REAL_DIR; see decision 0032)` };
  }
  const texts = new Map<string, string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let row: { id?: unknown; text?: unknown };
      try {
        row = JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: invalid JSON: ${(e as Error).message} (expected {"id","text"})`);
      }
      if (typeof row.id !== 'string' || typeof row.text !== 'string') {
        throw new Error(`${file}:${i + 1}: expected {"id": string, "text": string}`);
      }
      texts.set(row.id, row.text);
    });
  const items: RealItem[] = [];
  const missing: string[] = [];
  for (const entry of loadManifest()) {
    const text = texts.get(entry.id);
    if (text === undefined || sha256(text) !== entry.sha256) missing.push(entry.id);
    else items.push({ ...entry, text });
  }
  return { items, missing, dir };
}

export function bySplit<T extends { split: Split }>(items: readonly T[], split: Split): T[] {
  return items.filter((i) => i.split === split);
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

export type { Label };
