/**
 * The annotated set of real texts for entity extraction (decision 0033): the manifest in the repo
 * (data/real-manifest.json: source, date taken, language, split, SHA-256 of each text and its hand annotations)
 * and the texts themselves, kept outside the repo because most may not be redistributed
 * (`$VIGIE_OSINT_ENTITIES_DIR/texts.jsonl`, default `../shared/data/osint-entities` next to the repo).
 *
 * Loading checks every line: a text whose SHA-256 differs from the manifest's, a line that is not JSON, an id the
 * manifest does not know, a manifest item without its text — each is reported with file, line and what was
 * expected, and nothing is silently dropped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GoldEntities {
  /** E.164. */
  phones: string[];
  /** Lower case. */
  emails: string[];
  /** As they should be cut (scheme or not); compared after `comparableUrl`. */
  urls: string[];
}

export interface ManifestItem {
  id: string;
  source: string;
  source_url: string;
  copy: string;
  licence: string;
  taken: string;
  language: string;
  kind: string;
  group: string;
  split: 'dev' | 'test';
  sha256: string;
  gold: GoldEntities;
}

export interface RealText extends ManifestItem {
  text: string;
}

export const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), 'data', 'real-manifest.json');
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');

/** Where the texts are: `VIGIE_OSINT_ENTITIES_DIR`, else `../shared/data/osint-entities` next to the repo. */
export function realTextsDir(): string {
  return process.env.VIGIE_OSINT_ENTITIES_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'data', 'osint-entities');
}

export class RealSetError extends Error {}

export function readManifest(path: string = MANIFEST_PATH): ManifestItem[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { items?: unknown };
  if (!Array.isArray(raw.items)) throw new RealSetError(`${path}: expected an object with an "items" array`);
  return raw.items as ManifestItem[];
}

/**
 * The manifest joined with its texts, or null when the texts file is absent (callers skip, saying so).
 * Throws RealSetError listing every problem found, each with its file and line.
 */
export function loadRealSet(
  dir: string = realTextsDir(),
  manifestPath: string = MANIFEST_PATH,
): RealText[] | null {
  const file = join(dir, 'texts.jsonl');
  if (!existsSync(file)) return null;
  const items = readManifest(manifestPath);
  const byId = new Map(items.map((i) => [i.id, i]));
  const texts = new Map<string, string>();
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      let rec: { id?: unknown; text?: unknown };
      try {
        rec = JSON.parse(line);
      } catch {
        problems.push(`${where}: not JSON (expected {"id": string, "text": string})`);
        return;
      }
      if (typeof rec.id !== 'string' || typeof rec.text !== 'string') {
        problems.push(`${where}: expected "id" and "text" strings`);
        return;
      }
      const item = byId.get(rec.id);
      if (!item) {
        problems.push(`${where}: id ${rec.id} is not in the manifest ${manifestPath}`);
        return;
      }
      const sha = createHash('sha256').update(rec.text, 'utf8').digest('hex');
      if (sha !== item.sha256) {
        problems.push(`${where}: text of ${rec.id} has SHA-256 ${sha}, the manifest expects ${item.sha256}`);
        return;
      }
      texts.set(rec.id, rec.text);
    });
  for (const item of items)
    if (!texts.has(item.id)) problems.push(`${file}: no text for manifest item ${item.id}`);
  if (problems.length) throw new RealSetError(problems.join('\n'));
  return items.map((item) => ({ ...item, text: texts.get(item.id)! }));
}

/**
 * A URL in the form both gold and extracted URLs are compared in: scheme dropped, host lower case without "www."
 * or "m.", no fragment, no trailing slash. Paths and queries stay case-sensitive.
 */
export function comparableUrl(url: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)([^#]*)/i.exec(url.trim());
  const host = (m?.[1] ?? '').toLowerCase().replace(/^(www\.|m\.|mobile\.|web\.)/, '');
  const rest = (m?.[2] ?? '').replace(/\/+$/, '').replace(/\/+(?=\?)/, '');
  return host + rest;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface EntityScores {
  phones: Counts;
  emails: Counts;
  urls: Counts;
  /** Per text, what was missed and what was wrong (for reading errors on the dev split). */
  errors: { id: string; kind: keyof GoldEntities; missed: string[]; spurious: string[] }[];
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}
export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

/** Micro-averaged counts over the texts: each distinct entity of a text is one item. */
export function scoreEntities(
  items: readonly RealText[],
  extract: (text: string) => GoldEntities,
): EntityScores {
  const scores: EntityScores = {
    phones: { tp: 0, fp: 0, fn: 0 },
    emails: { tp: 0, fp: 0, fn: 0 },
    urls: { tp: 0, fp: 0, fn: 0 },
    errors: [],
  };
  for (const item of items) {
    const got = extract(item.text);
    for (const kind of ['phones', 'emails', 'urls'] as const) {
      const norm =
        kind === 'urls' ? comparableUrl : kind === 'emails' ? (s: string) => s.toLowerCase() : String;
      const gold = new Set(item.gold[kind].map(norm));
      const found = new Set(got[kind].map(norm));
      const missed = [...gold].filter((g) => !found.has(g));
      const spurious = [...found].filter((f) => !gold.has(f));
      scores[kind].tp += gold.size - missed.length;
      scores[kind].fn += missed.length;
      scores[kind].fp += spurious.length;
      if (missed.length || spurious.length) scores.errors.push({ id: item.id, kind, missed, spurious });
    }
  }
  return scores;
}
