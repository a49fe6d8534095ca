import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../types.ts';
import { assignSplits, labelSpam } from './build.ts';
import { countBy, loadManifest, loadRealCorpus, MANIFEST_URL, realDataDir, SPLITS } from './corpus.ts';
import { MIN_REAL_TRAIN, MODEL_LANGUAGES } from './model.ts';

describe('real corpus manifest', () => {
  const manifest = loadManifest();

  it('rejects a bad manifest line with its file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'real-'));
    const file = join(dir, 'm.jsonl');
    writeFileSync(file, `${JSON.stringify({ ...manifest[0], split: 'dev' })}\n`);
    expect(() => loadManifest(file)).toThrow(/m\.jsonl:1: field split/);
    writeFileSync(file, '{oops\n');
    expect(() => loadManifest(file)).toThrow(/m\.jsonl:1: invalid JSON/);
  });

  it('has unique ids, every label in every split, and the provenance of each item', () => {
    expect(new Set(manifest.map((m) => m.id)).size).toBe(manifest.length);
    for (const split of SPLITS) {
      const labels = countBy(
        manifest.filter((m) => m.split === split),
        (m) => m.label,
      );
      for (const l of LABELS) expect(labels[l] ?? 0, `${l} in ${split}`).toBeGreaterThan(0);
    }
    for (const m of manifest) {
      expect(m.origin.length).toBeGreaterThan(5);
      expect(m.labeller).toMatch(/rule /);
    }
  });

  it('never puts one source group (site, campaign, thread, near-duplicate cluster) on two sides', () => {
    const splitOf = new Map<string, string>();
    for (const m of manifest) {
      const prev = splitOf.get(m.group);
      if (prev) expect(prev, `group ${m.group}`).toBe(m.split);
      splitOf.set(m.group, m.split);
    }
    // the same page or thread never appears on two sides either
    const pageSplit = new Map<string, string>();
    for (const m of manifest.filter((m) => m.origin.startsWith('http'))) {
      const prev = pageSplit.get(m.origin);
      if (prev) expect(prev, m.origin).toBe(m.split);
      pageSplit.set(m.origin, m.split);
    }
  });

  it('lets the model decide alone only in the languages with enough real training texts', () => {
    const perLanguage = new Map<string, number>();
    for (const m of manifest)
      if (m.split === 'train') perLanguage.set(m.language, (perLanguage.get(m.language) ?? 0) + 1);
    const enough = [...perLanguage].filter(([, n]) => n >= MIN_REAL_TRAIN).map(([l]) => l);
    expect([...MODEL_LANGUAGES].sort()).toEqual(enough.sort());
  });

  it('texts, when present, match the SHA-256 of the manifest', (ctx) => {
    const loaded = loadRealCorpus();
    if ('absent' in loaded) {
      ctx.skip(`${loaded.absent}`);
      return;
    }
    expect(loaded.missing).toEqual([]);
    expect(loaded.items.length).toBe(manifest.length);
  });

  it('reports an absent texts directory instead of failing', () => {
    const r = loadRealCorpus(join(tmpdir(), 'no-such-osint-real-dir'));
    expect(r).toHaveProperty('absent');
    expect((r as { absent: string }).absent).toMatch(/VIGIE_OSINT_REAL_DIR/);
    expect(realDataDir()).toMatch(/osint-real$/);
    expect(MANIFEST_URL.pathname).toMatch(/real-manifest\.jsonl$/);
  });
});

describe('labelling rules', () => {
  it('maps spam by what it sells, and keeps both-at-once out', () => {
    expect(labelSpam('Subject: cheap viagra no prescription needed')).toBe('health_risk');
    expect(labelSpam('Subject: swiss replica watches, rolex from $99')).toBe('counterfeit');
    expect(labelSpam('Subject: windows xp professional $50 adobe photoshop $60')).toBe('counterfeit');
    expect(labelSpam('Subject: replica rolex and viagra')).toBe('ambiguous');
    expect(labelSpam('Subject: your mortgage rate is approved')).toBe('benign');
  });

  it('assigns whole groups to one split, about 60/20/20 per label', () => {
    const drafts = Array.from(
      { length: 100 },
      (_, i) => ({ label: i % 2 ? 'benign' : 'health_risk' }) as never,
    );
    const groups = Array.from({ length: 100 }, (_, i) => `g${Math.floor(i / 2)}`);
    const splits = assignSplits(drafts, groups);
    for (let i = 0; i < 100; i += 2) expect(splits[i]).toBe(splits[i + 1]);
    const n = countBy(splits, (s) => s);
    expect(n.train).toBeGreaterThanOrEqual(56);
    expect(n.test).toBeGreaterThanOrEqual(16);
  });
});
