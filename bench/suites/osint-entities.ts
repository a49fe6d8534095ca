/**
 * OSINT entities on real texts (issue 16, decision 0033): precision and recall of phones, e-mails and URLs on the
 * annotated real set, TEST split first (the one reported; dev figures follow, they are what the rules were tuned
 * on), then on the self-written hard cases; the extractor of main before issue 16 (bench/baselines/entities-main.ts)
 * is measured in the same run as the baseline. Throughput: texts per second through entity extraction (folding
 * included), new against old, on the real texts repeated.
 *
 * The real texts live outside the repo ($VIGIE_OSINT_ENTITIES_DIR, default ../shared/data/osint-entities): when
 * they are absent, the real-set figures are skipped with the reason and the hard cases are still measured.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPhones } from '../../src/modules/osint/analysis/entities/phones.ts';
import {
  type Counts,
  type GoldEntities,
  loadRealSet,
  precision,
  type RealText,
  realTextsDir,
  recall,
  scoreEntities,
} from '../../src/modules/osint/analysis/entities/real-set.ts';
import { extractWeb } from '../../src/modules/osint/analysis/entities/web.ts';
import { normalizeText } from '../../src/modules/osint/analysis/normalize.ts';
import { analyzePost } from '../../src/modules/osint/analysis/pipeline.ts';
import { loadFreshCorpus, loadSeedCorpus } from '../../src/modules/osint/analysis/seed.ts';
import { extractSignals } from '../../src/modules/osint/analysis/signals.ts';
import { baselineEntities } from '../baselines/entities-main.ts';
import { type BenchContext, type BenchSuite, repoRoot } from '../harness.ts';
import { generatePosts } from './osint.ts';

const KINDS = ['phones', 'emails', 'urls'] as const;

/** Quality is measured on what `vigie osint analyze` outputs: the entities of extractSignals. */
function analysed(text: string): GoldEntities {
  const e = extractSignals(text).entities;
  return { phones: e.phones, emails: e.emails, urls: e.urls };
}

/** Speed: the entity extractors alone, assembled as signals.ts does, against the old ones assembled as main did. */
function current(text: string): GoldEntities {
  const norm = normalizeText(text);
  const web = extractWeb(text);
  return {
    phones: [...new Set([...extractPhones(norm, text), ...web.phones].map((p) => p.e164))],
    emails: [...new Set(web.emails)],
    urls: [...new Set(web.urls.map((u) => u.url))],
  };
}
function baseline(text: string): GoldEntities {
  return baselineEntities(normalizeText(text), text);
}

function reportScores(ctx: BenchContext, prefix: string, texts: readonly RealText[], target: boolean): void {
  const subject = scoreEntities(texts, analysed);
  const base = scoreEntities(texts, baseline);
  for (const kind of KINDS) {
    for (const [metric, f] of [
      ['recall', recall],
      ['precision', precision],
    ] as const) {
      const value = f(subject[kind]);
      const was = f(base[kind]);
      ctx.report({
        name: `${prefix} ${kind} ${metric}`,
        value,
        unit: '',
        baseline: { name: 'main before #16', value: was, unit: '' },
        ratio: was > 0 ? value / was : undefined,
        target: target ? '≥ 0.95' : undefined,
        note: counts(subject[kind]),
      });
    }
  }
  const errors = subject.errors.map((e) => `${e.id} ${e.kind} -[${e.missed}] +[${e.spurious}]`);
  ctx.log(`${prefix}: ${texts.length} texts; errors: ${errors.length ? errors.join('; ') : 'none'}`);
}

function counts(c: Counts): string {
  return `tp ${c.tp}, fp ${c.fp}, fn ${c.fn}`;
}

function throughput(ctx: BenchContext, texts: readonly string[]): void {
  const rounds = ctx.quick ? 3 : 20;
  const rate = (f: (t: string) => unknown) => {
    for (const t of texts) f(t); // warm-up
    const start = performance.now();
    for (let r = 0; r < rounds; r++) for (const t of texts) f(t);
    return (rounds * texts.length) / ((performance.now() - start) / 1000);
  };
  const old = rate(baseline);
  const now = rate(current);
  ctx.report({
    name: 'entity extraction throughput (real texts)',
    value: now,
    unit: 'texts/s',
    baseline: { name: 'main before #16', value: old, unit: 'texts/s' },
    ratio: now / old,
    note: `${texts.length} texts × ${rounds}, mean ${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} chars, one core`,
  });
}

/**
 * The rule path (analyzePost, rules only) on the osint suite's generated 500-character posts, and what it would be
 * with main's entity extractors: the whole analysis is timed with the new extractors, and the difference between
 * the new and the old extractors alone is taken off, in the same run, so that a loaded machine slows both alike.
 */
function rulePath(ctx: BenchContext): void {
  const sentences = [...loadSeedCorpus(), ...loadFreshCorpus()].map((p) => p.text);
  const posts = generatePosts(ctx.quick ? 1_000 : 5_000, sentences).map(
    (line) => (JSON.parse(line) as { text: string }).text,
  );
  const perPost = (f: (t: string) => unknown) => {
    for (const t of posts.slice(0, 200)) f(t);
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      for (const t of posts) f(t);
      best = Math.min(best, (performance.now() - start) / posts.length);
    }
    return best;
  };
  const full = perPost((text) => analyzePost({ id: 'p', text }, { classifier: null }));
  const newEntities = perPost(current);
  const oldEntities = perPost(baseline);
  const withOld = full - newEntities + oldEntities;
  ctx.report({
    name: 'rule path with the new entities (generated 500-char posts)',
    value: 1000 / full,
    unit: 'posts/s',
    baseline: {
      name: "with main's entity extractors (same run, estimated)",
      value: 1000 / withOld,
      unit: 'posts/s',
    },
    ratio: withOld / full,
    target: '≥ 2,000 posts/s on one core',
    note: `${posts.length} posts, best of 3; entities ${(newEntities * 1000).toFixed(0)} µs/post against ${(oldEntities * 1000).toFixed(0)} µs before`,
  });
}

const suite: BenchSuite = {
  name: 'osint-entities',
  description:
    'OSINT entities: precision/recall on annotated real texts (test, dev) and hard cases; throughput',
  async run(ctx) {
    const hard = JSON.parse(
      readFileSync(join(repoRoot, 'src/modules/osint/analysis/entities/data/hard-cases.json'), 'utf8'),
    ) as { cases: { text: string; phones?: string[]; emails?: string[]; urls?: string[] }[] };
    const hardTexts = hard.cases.map((c, i) => ({
      id: `hard-${i + 1}`,
      text: c.text,
      gold: { phones: c.phones ?? [], emails: c.emails ?? [], urls: c.urls ?? [] },
    })) as unknown as RealText[];

    const real = loadRealSet();
    if (!real) {
      ctx.skip(`real annotated texts not found in ${realTextsDir()} (set VIGIE_OSINT_ENTITIES_DIR)`);
    } else {
      const test = real.filter((t) => t.split === 'test');
      const dev = real.filter((t) => t.split === 'dev');
      const sources = (xs: readonly RealText[]) =>
        Object.entries(
          xs.reduce<Record<string, number>>((m, t) => {
            m[t.source] = (m[t.source] ?? 0) + 1;
            return m;
          }, {}),
        )
          .map(([s, n]) => `${s} ${n}`)
          .join(', ');
      ctx.log(`real set: ${real.length} texts; test ${test.length} (${sources(test)}); dev ${dev.length}`);
      reportScores(ctx, 'real test', test, true);
      reportScores(ctx, 'real dev', dev, false);
      throughput(
        ctx,
        real.map((t) => t.text),
      );
    }
    reportScores(ctx, 'hard cases', hardTexts, false);
    rulePath(ctx);
  },
};

export default suite;
