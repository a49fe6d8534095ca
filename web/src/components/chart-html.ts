/**
 * The one place where the workbench builds HTML: ECharts tooltips. ECharts draws everything else (axes, labels,
 * legends) on the canvas as text, but puts a tooltip into the page with innerHTML, and whatever a formatter function
 * answers goes in as it is (its own templates and default tooltips encode names and values). Rule titles, model
 * reasons and imported values reach tooltips, so `Chart` passes every option through `textTooltips`: a formatter's
 * answer is text, escaped, unless it is markup built with the `html` tag, which escapes every value it
 * interpolates. docs/decisions/security-escaping.md says why.
 *
 *   tooltip: { formatter: (p) => html`${p.name}<br/><b>${points}</b>` }
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to put into HTML, between tags or in a quoted attribute. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup whose every interpolated value was escaped: the only thing a tooltip formatter may answer as HTML. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const part = (value: unknown): string => (value instanceof Html ? value.markup : escapeHtml(value));

/**
 * Tagged template: the literal parts are markup, every value is escaped unless it is `Html` already; an array's
 * parts are put one after the other.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += (Array.isArray(value) ? value.map(part).join('') : part(value)) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** What a tooltip formatter answered, as the HTML ECharts will insert. */
const markupOf = part;

type Formatter = (
  params: unknown,
  ticket: string,
  callback?: (ticket: string, html: unknown) => void,
) => unknown;

function textFormatter(formatter: unknown): unknown {
  // A template ('{b}: {c}'): ECharts encodes the values it fills in; escaping the template too makes it text even
  // when a value was put into the template itself.
  if (typeof formatter === 'string') return escapeHtml(formatter);
  if (typeof formatter !== 'function') return formatter;
  const original = formatter as Formatter;
  return (params: unknown, ticket: string, callback?: (ticket: string, html: string) => void) =>
    markupOf(original(params, ticket, callback && ((t, answer) => callback(t, markupOf(answer)))));
}

const isPlain = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of `value` (an ECharts option) where the formatter of every `tooltip` (the chart's, a component's, a
 * series', a data item's) answers text or `Html`. Parts without tooltips are shared, not copied.
 */
export function textTooltips<T>(value: T): T {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = textTooltips(v);
      changed ||= w !== v;
      return w;
    });
    return (changed ? out : value) as T;
  }
  if (!isPlain(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const [key, v] of Object.entries(value)) {
    let w = textTooltips(v);
    if (key === 'tooltip')
      w = Array.isArray(w)
        ? w.map((t) => (isPlain(t) && 'formatter' in t ? { ...t, formatter: textFormatter(t.formatter) } : t))
        : isPlain(w) && 'formatter' in w
          ? { ...w, formatter: textFormatter(w.formatter) }
          : w;
    if (w !== v) {
      out ??= { ...value };
      out[key] = w;
    }
  }
  return (out ?? value) as T;
}
