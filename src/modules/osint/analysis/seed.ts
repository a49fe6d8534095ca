/**
 * The seed corpus: labelled posts written for the project (data/seed-posts.jsonl), used to train the default
 * classifier and, split deterministically, to evaluate the pipeline. The split is stratified by label and driven
 * by a hash of the id, so adding posts never reshuffles the existing ones between training and evaluation.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Classifier, trainClassifier } from './classifier.ts';
import { LABELS } from './types.ts';

export const seedPostSchema = z.object({
  id: z.string(),
  label: z.enum(LABELS),
  lang: z.enum(['fr', 'ar', 'en', 'es', 'ary', 'mixed']),
  kind: z.string().optional(),
  text: z.string(),
});
export type SeedPost = z.infer<typeof seedPostSchema>;

const SEED_URL = new URL('./data/seed-posts.jsonl', import.meta.url);
const FRESH_URL = new URL('./data/fresh-posts.jsonl', import.meta.url);

function load(url: URL): SeedPost[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = seedPostSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${url.pathname}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export function loadSeedCorpus(): SeedPost[] {
  return load(SEED_URL);
}

/**
 * Posts written after the lexicons were frozen, never used to tune rules or to train the default model: the honest
 * estimate of how the pipeline does on wording it has not seen.
 */
export function loadFreshCorpus(): SeedPost[] {
  return load(FRESH_URL);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One post in three of every label goes to evaluation, chosen by the hash of its id. */
export function splitSeed(posts: readonly SeedPost[]): { train: SeedPost[]; evaluation: SeedPost[] } {
  const train: SeedPost[] = [];
  const evaluation: SeedPost[] = [];
  for (const label of LABELS) {
    const own = posts
      .filter((p) => p.label === label)
      .sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || (a.id < b.id ? -1 : 1));
    own.forEach((p, rank) => {
      (rank % 3 === 2 ? evaluation : train).push(p);
    });
  }
  return { train, evaluation };
}

let seedModel: Classifier | undefined;
/** The default classifier: trained on the whole seed corpus at first use (deterministic, well under a second). */
export function defaultClassifier(): Classifier {
  seedModel ??= trainClassifier(loadSeedCorpus());
  return seedModel;
}
