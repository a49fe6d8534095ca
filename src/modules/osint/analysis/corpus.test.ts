/**
 * Quality gates on the labelled corpora: the seed corpus is varied enough, its split is stable, and the pipeline
 * keeps its precision and recall. The bench (bench/suites/osint.ts) reports the same figures in detail.
 */
import { describe, expect, it } from 'vitest';
import { trainClassifier } from './classifier.ts';
import { evaluate } from './evaluate.ts';
import { analyzePost } from './pipeline.ts';
import { loadFreshCorpus, loadSeedCorpus, splitSeed } from './seed.ts';
import { LABELS } from './types.ts';

const seed = loadSeedCorpus();

describe('seed corpus', () => {
  it('has at least 150 posts with unique ids across labels and languages', () => {
    expect(seed.length).toBeGreaterThanOrEqual(150);
    expect(new Set(seed.map((p) => p.id)).size).toBe(seed.length);
    for (const label of LABELS)
      expect(seed.filter((p) => p.label === label).length, label).toBeGreaterThanOrEqual(30);
    for (const lang of ['fr', 'ar', 'en', 'es', 'ary', 'mixed'] as const) {
      expect(seed.filter((p) => p.lang === lang).length, lang).toBeGreaterThanOrEqual(10);
    }
  });

  it('includes hard negatives of every kind', () => {
    for (const kind of ['news', 'warning', 'official_store', 'pharmacy', 'second_hand', 'legit_import']) {
      expect(seed.filter((p) => p.label === 'benign' && p.kind === kind).length, kind).toBeGreaterThanOrEqual(
        4,
      );
    }
  });

  it('splits deterministically, about one third for evaluation in every label', () => {
    const a = splitSeed(seed);
    const b = splitSeed([...seed].reverse());
    expect(a.evaluation.map((p) => p.id).sort()).toEqual(b.evaluation.map((p) => p.id).sort());
    for (const label of LABELS) {
      const all = seed.filter((p) => p.label === label).length;
      const ev = a.evaluation.filter((p) => p.label === label).length;
      expect(ev).toBe(Math.floor(all / 3));
    }
    expect(new Set([...a.train, ...a.evaluation].map((p) => p.id)).size).toBe(seed.length);
  });
});

describe('pipeline quality', () => {
  const { train, evaluation } = splitSeed(seed);
  const model = trainClassifier(train);

  it('keeps per-label F1 ≥ 0.85 on the evaluation part, rules alone and with the classifier', () => {
    for (const classifier of [null, model]) {
      const ev = evaluate(evaluation, (p) => analyzePost({ id: p.id, text: p.text }, { classifier }).label);
      for (const label of LABELS)
        expect(
          ev.perLabel[label].f1,
          `${label} ${classifier ? 'rules+clf' : 'rules'}`,
        ).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('keeps macro F1 ≥ 0.85 on the fresh posts written after the lexicons', () => {
    const fresh = loadFreshCorpus();
    expect(fresh.length).toBeGreaterThanOrEqual(60);
    const ev = evaluate(fresh, (p) => analyzePost({ id: p.id, text: p.text }, { classifier: model }).label);
    expect(ev.macroF1).toBeGreaterThanOrEqual(0.85);
  });

  it('labels (almost) every hard negative benign', () => {
    const hard = [...seed, ...loadFreshCorpus()].filter(
      (p) => p.label === 'benign' && p.kind && p.kind !== 'other',
    );
    const wrong = hard.filter(
      (p) => analyzePost({ id: p.id, text: p.text }, { classifier: null }).label !== 'benign',
    );
    expect(wrong.length / hard.length).toBeLessThanOrEqual(0.05);
  });

  it('points every evidence span into the original text', () => {
    for (const p of seed) {
      const r = analyzePost({ id: p.id, text: p.text }, { classifier: null });
      for (const s of r.signals) if (s.end > s.start) expect(p.text.slice(s.start, s.end), p.id).toBe(s.text);
    }
  });
});
