import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSignals } from '../signals.ts';
import {
  comparableUrl,
  loadRealSet,
  precision,
  RealSetError,
  readManifest,
  realTextsDir,
  recall,
  scoreEntities,
} from './real-set.ts';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
const item = (id: string, text: string) => ({
  id,
  source: 'test',
  source_url: 'https://example.org',
  copy: 'test',
  licence: 'test',
  taken: '2026-12-07',
  language: 'en',
  kind: 'spam',
  group: id,
  split: 'test',
  sha256: sha(text),
  gold: { phones: [], emails: [], urls: [] },
});

function fixture(lines: string[], items: unknown[]): { dir: string; manifest: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-entities-'));
  writeFileSync(join(dir, 'texts.jsonl'), lines.join('\n'));
  const manifest = join(dir, 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ version: 1, items }));
  return { dir, manifest };
}

describe('loadRealSet', () => {
  it('answers null when the texts are not there, so that callers skip and say so', () => {
    expect(loadRealSet(join(tmpdir(), 'no-such-dir-vigie'))).toBeNull();
  });

  it('reports every bad line with file, line and what was expected, and loses nothing silently', () => {
    const { dir, manifest } = fixture(
      [
        'not json',
        JSON.stringify({ id: 'a', text: 'changed text' }),
        JSON.stringify({ id: 'zz', text: 'x' }),
        JSON.stringify({ id: 'b' }),
      ],
      [item('a', 'original text'), item('b', 'b text'), item('c', 'c text')],
    );
    let error: unknown;
    try {
      loadRealSet(dir, manifest);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RealSetError);
    const message = (error as Error).message;
    expect(message).toContain(`${join(dir, 'texts.jsonl')}:1: not JSON`);
    expect(message).toContain(`texts.jsonl:2: text of a has SHA-256 ${sha('changed text')}`);
    expect(message).toContain('texts.jsonl:3: id zz is not in the manifest');
    expect(message).toContain('texts.jsonl:4: expected "id" and "text" strings');
    expect(message).toContain('no text for manifest item c');
  });

  it('joins texts whose hash matches the manifest', () => {
    const { dir, manifest } = fixture(
      [JSON.stringify({ id: 'a', text: 'Call +33 6 12 34 56 78' })],
      [item('a', 'Call +33 6 12 34 56 78')],
    );
    expect(loadRealSet(dir, manifest)?.map((t) => t.text)).toEqual(['Call +33 6 12 34 56 78']);
  });
});

describe('scoring', () => {
  it('compares URLs without scheme, www, fragment or trailing slash, paths kept case-sensitive', () => {
    expect(comparableUrl('HTTP://WWW.Example.COM/Path/?q=1#x')).toBe('example.com/Path?q=1');
    expect(comparableUrl('https://example.com/')).toBe('example.com');
    expect(comparableUrl('example.com/a')).not.toBe(comparableUrl('example.com/A'));
  });

  it('counts a missed entity as a false negative and an extra one as a false positive', () => {
    const texts = [
      { ...item('a', 't'), text: 't', gold: { phones: ['+33612345678'], emails: [], urls: [] } },
    ];
    const s = scoreEntities(texts as never, () => ({ phones: ['+33700000000'], emails: [], urls: [] }));
    expect(s.phones).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(precision(s.phones)).toBe(0);
    expect(recall(s.phones)).toBe(0);
    expect(s.errors).toEqual([
      { id: 'a', kind: 'phones', missed: ['+33612345678'], spurious: ['+33700000000'] },
    ]);
  });

  it('has a manifest of at least 300 real texts, split by source into dev and test', () => {
    const items = readManifest();
    expect(items.length).toBeGreaterThanOrEqual(300);
    const splitOf = new Map<string, string>();
    for (const i of items) {
      expect(['dev', 'test']).toContain(i.split);
      expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
      // A source group (a spammer, a template, a page) never sits on both sides.
      expect(splitOf.get(i.group) ?? i.split).toBe(i.split);
      splitOf.set(i.group, i.split);
    }
  });
});

const real = loadRealSet();
describe.skipIf(!real)(`entities on the annotated real texts (${realTextsDir()})`, () => {
  it('reaches precision and recall ≥ 0.95 for phones, e-mails and URLs on the test split', () => {
    const test = real!.filter((t) => t.split === 'test');
    const s = scoreEntities(test, (text) => extractSignals(text).entities);
    for (const kind of ['phones', 'emails', 'urls'] as const) {
      expect({ kind, recall: recall(s[kind]) >= 0.95, precision: precision(s[kind]) >= 0.95 }).toEqual({
        kind,
        recall: true,
        precision: true,
      });
    }
  });
});
if (!real) console.warn(`entities real-set test skipped: no texts.jsonl in ${realTextsDir()}`);
