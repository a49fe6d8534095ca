/**
 * Where to highlight the evidence in a post: from the analysis' signals (offsets into the analysed text, checked
 * against the text shown) or, when there are no usable offsets, by finding the values the classifier quoted.
 */

/** What a highlighted span stands for: a risk label, sale intent (price, phone, delivery), context, negated. */
export type SpanKind = 'counterfeit' | 'health_risk' | 'duty_evasion' | 'sale_intent' | 'context' | 'negated';

export interface Span {
  start: number;
  end: number;
  kind: SpanKind;
  /** What the analysis said about it ("brand Rolex", "a phone number"). */
  detail?: string;
}

export interface Signal {
  type?: string;
  category?: string;
  start?: number | null;
  end?: number | null;
  text?: string | null;
  detail?: string | null;
  weight?: number;
  negated?: boolean;
}

export interface Segment {
  text: string;
  span?: Span;
}

const KINDS: readonly SpanKind[] = ['counterfeit', 'health_risk', 'duty_evasion', 'sale_intent', 'context'];

function kindOf(signal: Signal): SpanKind {
  if (signal.negated) return 'negated';
  return (KINDS as readonly string[]).includes(signal.category ?? '')
    ? (signal.category as SpanKind)
    : 'context';
}

/** Every occurrence of `value` in `text`, ignoring case when lower-casing keeps the lengths. */
export function occurrences(text: string, value: string): number[] {
  const needle = value.trim();
  if (!needle) return [];
  const lower = text.toLowerCase();
  const fold = lower.length === text.length && needle.toLowerCase().length === needle.length;
  const haystack = fold ? lower : text;
  const target = fold ? needle.toLowerCase() : needle;
  const found: number[] = [];
  let at = haystack.indexOf(target);
  while (at !== -1) {
    found.push(at);
    at = haystack.indexOf(target, at + target.length);
  }
  return found;
}

/**
 * Spans of `text` from the signals. `offset` is where `text` starts in the analysed text (the title and a line
 * break come first when the text does not start with the title). A signal whose offsets do not point at its own
 * words is found by its value instead.
 */
export function spansFromSignals(text: string, signals: readonly Signal[], offset = 0): Span[] {
  const spans: Span[] = [];
  for (const signal of signals) {
    const value = signal.text ?? '';
    if (!value) continue;
    const kind = kindOf(signal);
    const detail = signal.detail ?? signal.type ?? undefined;
    const start = typeof signal.start === 'number' ? signal.start - offset : -1;
    const end = typeof signal.end === 'number' ? signal.end - offset : -1;
    if (start >= 0 && end > start && end <= text.length && text.slice(start, end) === value) {
      spans.push({ start, end, kind, ...(detail ? { detail } : {}) });
      continue;
    }
    // Offsets into another part (the title) or none: match the value where it appears in this text.
    if (typeof signal.start === 'number' && signal.start < offset) continue;
    for (const at of occurrences(text, value))
      spans.push({ start: at, end: at + value.length, kind, ...(detail ? { detail } : {}) });
  }
  return spans;
}

const REASON_KINDS: [RegExp, SpanKind][] = [
  [/^counterfeit\b/i, 'counterfeit'],
  [/^health risk\b/i, 'health_risk'],
  [/^duty evasion\b/i, 'duty_evasion'],
  [/^sale intent\b/i, 'sale_intent'],
  [/^not counted\b/i, 'negated'],
];

/** The values quoted in the classifier's reasons (“…”), with the kind of the reason that quotes them. */
export function quotedValues(reasons: readonly string[]): { value: string; kind: SpanKind }[] {
  const out: { value: string; kind: SpanKind }[] = [];
  const seen = new Set<string>();
  for (const reason of reasons) {
    const kind = REASON_KINDS.find(([re]) => re.test(reason))?.[1] ?? 'context';
    for (const match of reason.matchAll(/“([^”]+)”/g)) {
      const value = match[1]!;
      const key = `${kind}\u0000${value.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ value, kind });
    }
  }
  return out;
}

/** Spans of every occurrence of the values in `text`. */
export function spansFromValues(text: string, values: readonly { value: string; kind: SpanKind }[]): Span[] {
  return values.flatMap(({ value, kind }) =>
    occurrences(text, value).map((start) => ({ start, end: start + value.length, kind })),
  );
}

const PRIORITY: Record<SpanKind, number> = {
  counterfeit: 0,
  health_risk: 0,
  duty_evasion: 0,
  sale_intent: 1,
  context: 2,
  negated: 3,
};

/**
 * Cuts the text into plain and highlighted segments. Overlapping spans: the risk evidence wins over sale intent,
 * then the earlier and longer span.
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const ordered = [...spans]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort(
      (a, b) =>
        PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - b.start - (a.end - a.start),
    );
  const kept: Span[] = [];
  for (const span of ordered)
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  kept.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const span of kept) {
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Where the text starts in the analysed text: after the title and a line break when it does not start with it. */
export function textOffset(title: string | null, text: string): number {
  return title && !text.startsWith(title) ? title.length + 1 : 0;
}
