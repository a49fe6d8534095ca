/**
 * Builds the real corpus from the raw sources kept outside the repository (decision 0032):
 *
 *   node bin/run-ts.js src/modules/osint/analysis/real/build.ts [RAW_DIR] [OUT_DIR]
 *
 * RAW_DIR (default `$VIGIE_OSINT_REAL_DIR/raw`) holds `enron1/` (Enron-Spam, ham/ and spam/ files), `20news-bydate/`
 * (misc.forsale and sci.med), `sms/SMSSpamCollection` and `manual.jsonl` (pages and issue threads read and labelled
 * by hand); each folder has a SOURCE file `owner/repo commit`. Writes `OUT_DIR/texts.jsonl` (default the data
 * directory) and the manifest in the repository. Labels come from the written rules below — never from the analyzer
 * being evaluated. Deterministic: the same raw files give the same manifest.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Label } from '../types.ts';
import {
  countBy,
  MANIFEST_URL,
  type ManifestEntry,
  realDataDir,
  SOURCES_URL,
  type Split,
  sha256,
} from './corpus.ts';

const TAKEN = '2026-12-07';
const MAX_CHARS = 2000;

interface Draft {
  id: string;
  source: string;
  origin: string;
  group: string;
  language: string;
  label: Label;
  labeller: string;
  licence: string;
  /** For a file in a public repository: which one, at which commit (`origin` is then the path). */
  repository?: { repo: string; commit: string };
  text: string;
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Cuts at MAX_CHARS without splitting a surrogate pair. */
export function clip(text: string): string {
  const t = text.replace(/\r\n?/g, '\n').trim();
  if (t.length <= MAX_CHARS) return t;
  let cut = MAX_CHARS;
  if (/[\ud800-\udbff]/.test(t[cut - 1]!)) cut--;
  return t.slice(0, cut);
}

// ---- labelling rules (decision 0032, section "Labelling rules") ----

/** Rule E-H: a spam e-mail selling medicines, pharmacy products, slimming or sexual enhancers. */
export const HEALTH_RE =
  /\b(viagra|cialis|levitra|vicodin|xanax|valium|ambien|soma|phentermine|tramadol|hydrocodone|oxycontin|prozac|propecia|meridia|pharmacy|pharmaceuticals?|prescriptions?|rx|meds|medications?|pills|hgh|weight ?loss|lose weight|diet|penis|erections?|erectile|impotence|anti-?aging|pain ?killers?)\b/i;
/** Rule E-C: a spam e-mail selling replica watches or goods, or licensed software far below its price ("OEM"). */
export const COUNTERFEIT_RE =
  /\b(replicas?|rolex|breitling|cartier|omega watch(es)?|fake watch(es)?|designer watch(es)?|oem (software|version|versions|cd)|pirated)\b/i;
const SOFTWARE_RE = /\b(windows xp|office (xp|2003|pro)|adobe (photoshop|acrobat)|macromedia)\b/i;
/** Texts of benign sources mentioning a risk are kept out rather than guessed (rule S-X / N-X). */
const ANY_RISK_RE =
  /\b(viagra|cialis|replicas?|rolex|customs|counterfeit|no prescription|without prescription|fake)\b/i;

export function labelSpam(text: string): Label | 'ambiguous' {
  const c = COUNTERFEIT_RE.test(text) || (SOFTWARE_RE.test(text) && /\$\s?\d/.test(text));
  const h = HEALTH_RE.test(text);
  if (c && h) return 'ambiguous';
  if (c) return 'counterfeit';
  if (h) return 'health_risk';
  return 'benign';
}

function sourceOf(dir: string): { repo: string; commit: string } {
  const [repo, commit] = readFileSync(join(dir, 'SOURCE'), 'utf8').trim().split(/\s+/);
  return { repo: repo!, commit: commit! };
}

function enron(raw: string, out: Draft[], dropped: Record<string, number>): void {
  const dir = join(raw, 'enron1');
  if (!existsSync(dir)) return;
  const { repo, commit } = sourceOf(dir);
  for (const kind of ['ham', 'spam'] as const) {
    for (const f of readdirSync(join(dir, kind)).sort()) {
      const text = clip(readFileSync(join(dir, kind, f), 'latin1'));
      if (text.length < 20) continue;
      let label: Label;
      let rule: string;
      if (kind === 'ham') {
        // Rule E-B1: one ham message in three (deterministic by name) keeps the set from being mostly office mail.
        if (fnv1a(f) % 3 !== 0) continue;
        label = 'benign';
        rule = 'E-B1';
      } else {
        const l = labelSpam(text);
        if (l === 'ambiguous') {
          dropped['E-X ambiguous spam'] = (dropped['E-X ambiguous spam'] ?? 0) + 1;
          continue;
        }
        label = l;
        rule = l === 'health_risk' ? 'E-H' : l === 'counterfeit' ? 'E-C' : 'E-B2';
      }
      out.push({
        id: `enron1-${kind}-${f.replace(/\.txt$/, '')}`,
        source: 'enron-spam',
        origin: `enron1/${kind}/${f}`,
        repository: { repo, commit },
        group: `enron1-${kind}/${f}`, // one e-mail; campaigns are joined by near-duplicate clustering
        language: 'en',
        label,
        labeller: `source dataset label (${kind}) mapped by rule ${rule}`,
        licence: 'Enron-Spam (Metsis et al. 2006), free for research; not redistributed',
        text,
      });
    }
  }
}

/** Raw spam folders of Enron-Spam (GP, SH/HP, SH/SA), text extracted by raw/prepare-enron-raw.py. */
function enronRaw(raw: string, out: Draft[], dropped: Record<string, number>): void {
  const dir = join(raw, 'enron-raw');
  if (!existsSync(dir)) return;
  const { repo, commit } = sourceOf(dir);
  readFileSync(join(dir, 'spam.jsonl'), 'utf8')
    .split('\n')
    .forEach((line) => {
      if (!line.trim()) return;
      const { path, text: full } = JSON.parse(line) as { path: string; text: string };
      const text = clip(full);
      const l = labelSpam(text);
      if (l === 'ambiguous') {
        dropped['E-X ambiguous spam'] = (dropped['E-X ambiguous spam'] ?? 0) + 1;
        return;
      }
      // Rule E-B2 keeps one other spam in four as benign (mortgages, stocks, dating): not one of the three risks.
      if (l === 'benign' && fnv1a(path) % 4 !== 0) return;
      const rule = l === 'health_risk' ? 'E-H' : l === 'counterfeit' ? 'E-C' : 'E-B2';
      out.push({
        id: `enron-${path.replace(/[^\w.-]+/g, '-')}`,
        source: 'enron-spam',
        origin: path,
        repository: { repo, commit },
        group: `enron-raw/${path}`,
        language: 'en',
        label: l,
        labeller: `source dataset label (spam) mapped by rule ${rule}`,
        licence: 'Enron-Spam (Metsis et al. 2006), free for research; not redistributed',
        text,
      });
    });
}

function newsgroups(raw: string, out: Draft[], dropped: Record<string, number>): void {
  const dir = join(raw, '20news-bydate');
  if (!existsSync(dir)) return;
  const { repo, commit } = sourceOf(dir);
  for (const part of ['20news-bydate-train', '20news-bydate-test']) {
    for (const group of ['misc.forsale', 'sci.med']) {
      const d = join(dir, part, group);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d).sort()) {
        const raw = readFileSync(join(d, f), 'latin1');
        const blank = raw.indexOf('\n\n');
        const header = blank > 0 ? raw.slice(0, blank) : '';
        const subject = /^Subject:\s*(.*)$/m.exec(header)?.[1]?.trim() ?? '';
        const body = (blank > 0 ? raw.slice(blank + 2) : raw)
          .split('\n')
          .filter((l) => !/^\s*(>|\|)/.test(l) && !/writes:$|wrote:$/.test(l))
          .join('\n')
          .split(/\n-- ?\n/)[0]!;
        const text = clip(`${subject}\n${body}`);
        if (text.length < 40) continue;
        if (ANY_RISK_RE.test(text) && group === 'misc.forsale') {
          dropped['N-X risk word in a for-sale post'] =
            (dropped['N-X risk word in a for-sale post'] ?? 0) + 1;
          continue;
        }
        const thread = subject
          .replace(/^(re:\s*)+/i, '')
          .toLowerCase()
          .slice(0, 60);
        out.push({
          id: `20ng-${group}-${f}`,
          source: '20-newsgroups',
          origin: `20news-bydate/${part}/${group}/${f}`,
          repository: { repo, commit },
          group: `20ng-${group}-thread:${thread}`,
          language: 'en',
          label: 'benign',
          labeller: `source newsgroup ${group} mapped by rule ${group === 'misc.forsale' ? 'N-B1' : 'N-B2'}`,
          licence: '20 Newsgroups (Lang 1995), public Usenet posts; not redistributed',
          text,
        });
      }
    }
  }
}

function sms(raw: string, out: Draft[], dropped: Record<string, number>): void {
  const dir = join(raw, 'sms');
  if (!existsSync(dir)) return;
  const { repo, commit } = sourceOf(dir);
  readFileSync(join(dir, 'SMSSpamCollection'), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const tab = line.indexOf('\t');
      if (tab < 0) return;
      const kind = line.slice(0, tab);
      const text = clip(line.slice(tab + 1));
      if (text.length < 20) return;
      // Rule S-B1: one ham message in four; rule S-B2: every spam (prizes, ringtones, services: none of the risks).
      if (kind === 'ham' && fnv1a(text) % 4 !== 0) return;
      if (ANY_RISK_RE.test(text)) {
        dropped['S-X risk word in an SMS'] = (dropped['S-X risk word in an SMS'] ?? 0) + 1;
        return;
      }
      out.push({
        id: `sms-${i + 1}`,
        source: 'sms-spam-collection',
        origin: `SMSSpamCollection#L${i + 1}`,
        repository: { repo, commit },
        group: `sms-${i + 1}`,
        language: 'en',
        label: 'benign',
        labeller: `source dataset label (${kind}) mapped by rule ${kind === 'ham' ? 'S-B1' : 'S-B2'}`,
        licence: 'SMS Spam Collection v.1 (Almeida & Gómez Hidalgo), CC BY 4.0',
        text,
      });
    });
}

function manual(raw: string, out: Draft[]): void {
  const file = join(raw, 'manual.jsonl');
  if (!existsSync(file)) return;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const m = JSON.parse(line) as {
        url: string;
        group: string;
        lang: string;
        label: Label;
        rule: string;
        text: string;
      };
      const text = clip(m.text);
      const issues = m.url.startsWith('https://github.com/');
      out.push({
        id: `web-${sha256(m.url).slice(0, 10)}-${i + 1}`,
        source: issues ? 'github-issues' : 'web-pages',
        origin: m.url,
        group: m.group,
        language: m.lang,
        label: m.label,
        labeller: `helper-corpus, manual rule ${m.rule}`,
        licence: issues
          ? 'GitHub issue text, copyright of its author; excerpt not redistributed'
          : 'web page excerpt, copyright of its publisher; not redistributed',
        text,
      });
    });
}

// ---- near-duplicate clusters: items sharing a MinHash band are one group ----

function shingles(text: string): Set<number> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out = new Set<number>();
  if (words.length < 4) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + 4 <= words.length; i++) out.add(fnv1a(words.slice(i, i + 4).join(' ')));
  return out;
}

const BANDS = 8;
const ROWS = 3;
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => fnv1a(`minhash-${i}`) | 1);

export function cluster(drafts: readonly Draft[]): string[] {
  const parent = drafts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // declared groups first (a site, a campaign, a thread)
  const byGroup = new Map<string, number>();
  drafts.forEach((d, i) => {
    const g = byGroup.get(d.group);
    if (g === undefined) byGroup.set(d.group, i);
    else union(g, i);
  });
  const buckets = new Map<string, number>();
  drafts.forEach((d, i) => {
    const sh = [...shingles(d.text)];
    const mins = SEEDS.map((s) => {
      let m = 0xffffffff;
      for (const h of sh) {
        const v = Math.imul(h ^ s, 0x9e3779b1) >>> 0;
        if (v < m) m = v;
      }
      return m;
    });
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${mins.slice(b * ROWS, b * ROWS + ROWS).join(',')}`;
      const prev = buckets.get(key);
      if (prev === undefined) buckets.set(key, i);
      else union(prev, i);
    }
  });
  return drafts.map((_, i) => `g${find(i)}`);
}

/** Whole groups to splits, 60 / 20 / 20 per label by items, groups taken in hash order (stratified, by source). */
export function assignSplits(drafts: readonly Draft[], groups: readonly string[]): Split[] {
  const target: Record<Split, number> = { train: 0.6, validation: 0.2, test: 0.2 };
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    members.set(g, [...(members.get(g) ?? []), i]);
  });
  const majority = (idx: number[]): Label => {
    const c = new Map<Label, number>();
    for (const i of idx) c.set(drafts[i]!.label, (c.get(drafts[i]!.label) ?? 0) + 1);
    return [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  };
  const filled = new Map<Label, Record<Split, number>>();
  const out: Split[] = new Array(drafts.length);
  // big groups first so that the remaining small ones can even out the proportions
  const ordered = [...members.entries()].sort(
    (a, b) => b[1].length - a[1].length || fnv1a(a[0]) - fnv1a(b[0]) || (a[0] < b[0] ? -1 : 1),
  );
  for (const [, idx] of ordered) {
    const label = majority(idx);
    const f = filled.get(label) ?? { train: 0, validation: 0, test: 0 };
    filled.set(label, f);
    const total = f.train + f.validation + f.test + idx.length;
    const split = (['train', 'validation', 'test'] as const)
      .map((s) => ({ s, deficit: target[s] * total - f[s] }))
      .sort((a, b) => b.deficit - a.deficit)[0]!.s;
    f[split] += idx.length;
    for (const i of idx) out[i] = split;
  }
  return out;
}

export function build(
  raw: string,
  outDir: string,
): { entries: ManifestEntry[]; dropped: Record<string, number> } {
  const drafts: Draft[] = [];
  const dropped: Record<string, number> = {};
  enron(raw, drafts, dropped);
  enronRaw(raw, drafts, dropped);
  newsgroups(raw, drafts, dropped);
  sms(raw, drafts, dropped);
  manual(raw, drafts);
  // exact duplicates: keep the first
  const seen = new Set<string>();
  const unique = drafts.filter((d) => {
    const h = sha256(d.text);
    if (seen.has(h)) {
      dropped['exact duplicate text'] = (dropped['exact duplicate text'] ?? 0) + 1;
      return false;
    }
    seen.add(h);
    return true;
  });
  const groups = cluster(unique);
  const splits = assignSplits(unique, groups);
  const sources: Record<string, { licence: string; repositories: string[] }> = {};
  for (const d of unique) {
    sources[d.source] ??= { licence: d.licence, repositories: [] };
    const s = sources[d.source]!;
    const r = d.repository ? `${d.repository.repo}@${d.repository.commit}` : null;
    if (r && !s.repositories.includes(r)) s.repositories.push(r);
  }
  const entries: ManifestEntry[] = unique.map((d, i) => ({
    id: d.id,
    source: d.source,
    origin: d.origin,
    group: `${d.source}/${groups[i]}`,
    taken: TAKEN,
    language: d.language,
    label: d.label,
    labeller: d.labeller,
    split: splits[i]!,
    sha256: sha256(d.text),
    ...(d.repository ? { repository: `${d.repository.repo}@${d.repository.commit}` } : {}),
  }));
  writeFileSync(SOURCES_URL, `${JSON.stringify(sources, null, 2)}\n`);
  writeFileSync(
    join(outDir, 'texts.jsonl'),
    unique.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n',
  );
  writeFileSync(MANIFEST_URL, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return { entries, dropped };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const raw = resolve(process.argv[2] ?? join(realDataDir(), 'raw'));
  const out = resolve(process.argv[3] ?? realDataDir());
  const { entries, dropped } = build(raw, out);
  const table: Record<string, Record<string, number>> = {};
  for (const e of entries) {
    table[e.label] ??= {};
    table[e.label]![e.split] = (table[e.label]![e.split] ?? 0) + 1;
  }
  const sizes = countBy(entries, (e) => e.group);
  const biggest = Object.entries(sizes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  console.log(`${entries.length} items`, table, 'dropped', dropped, 'largest groups', biggest);
  console.log(
    'languages',
    countBy(entries, (e) => `${e.language}/${e.label}`),
  );
}
