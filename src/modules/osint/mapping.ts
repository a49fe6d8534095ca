/**
 * Declarative field mappings, for JSON APIs and platform export files (like the import profiles, in the small):
 * which field of a record is the post's id, text, URL, author, price… A field is given as
 *
 * - a path: `"caption"`, `"owner.username"`, `"media[0].url"` (an exact key wins, so CSV headers with dots or
 *   spaces work as they are);
 * - `{ first: [paths] }`: the first that is not empty;
 * - `{ join: [paths], separator?: "\n" }`: every non-empty value, joined (title and description as one text);
 * - `{ template: "{title} — {price} {currency}" }`;
 * - `{ value: "tiktok" }`: a constant;
 *
 * and `strip_html: true` on any of them turns HTML into text. Unknown fields and bad paths are refused with the
 * field named.
 */
import { z } from 'zod';

export const POST_FIELDS = [
  'id',
  'text',
  'title',
  'url',
  'author',
  'author_url',
  'price',
  'currency',
  'posted_at',
  'platform',
  'kind',
  'phone',
  'email',
  'company',
  'address',
] as const;
export type PostField = (typeof POST_FIELDS)[number];

const path = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !/\[\D|\[$/.test(p), 'expected a path like a.b[0].c');
const common = { strip_html: z.boolean().optional() };

export const fieldSpecSchema = z.union([
  path,
  z.object({ path, ...common }).strict(),
  z.object({ first: z.array(path).min(1).max(20), ...common }).strict(),
  z
    .object({ join: z.array(path).min(1).max(20), separator: z.string().max(10).optional(), ...common })
    .strict(),
  z.object({ template: z.string().min(1).max(500), ...common }).strict(),
  z.object({ value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
]);
export type FieldSpec = z.infer<typeof fieldSpecSchema>;

export const mappingSchema = z
  .object(
    Object.fromEntries(POST_FIELDS.map((f) => [f, fieldSpecSchema.optional()])) as Record<
      PostField,
      z.ZodOptional<typeof fieldSpecSchema>
    >,
  )
  .strict()
  .refine((m) => m.text !== undefined, { message: 'a mapping needs a text field', path: ['text'] });
export type Mapping = z.infer<typeof mappingSchema>;

/** Splits `a.b[0].c` into `['a', 'b', '0', 'c']`. */
function segments(p: string): string[] {
  return p
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
}

/** The value at a path of a record (an exact key first, then the dotted path). */
export function valueAt(record: unknown, p: string): unknown {
  if (record === null || typeof record !== 'object') return undefined;
  const own = (record as Record<string, unknown>)[p];
  if (own !== undefined) return own;
  let current: unknown = record;
  for (const s of segments(p)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[s];
  }
  return current;
}

/** HTML to plain text without a parser: tags dropped, block ends as line breaks, common entities decoded. */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter((v): v is string => v !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  return undefined;
}

/** One field of a record under its mapping spec, as text (or undefined when empty). */
export function mapField(record: unknown, spec: FieldSpec): string | undefined {
  let out: string | undefined;
  let strip = false;
  if (typeof spec === 'string') out = asText(valueAt(record, spec));
  else if ('value' in spec) out = String(spec.value);
  else {
    strip = spec.strip_html ?? false;
    if ('path' in spec) out = asText(valueAt(record, spec.path));
    else if ('first' in spec) {
      for (const p of spec.first) {
        out = asText(valueAt(record, p));
        if (out !== undefined) break;
      }
    } else if ('join' in spec) {
      const parts = spec.join
        .map((p) => asText(valueAt(record, p)))
        .filter((v): v is string => v !== undefined);
      out = parts.length ? parts.join(spec.separator ?? '\n') : undefined;
    } else {
      let empty = true;
      const text = spec.template.replace(/\{([^}]+)\}/g, (_, p: string) => {
        const v = asText(valueAt(record, p.trim()));
        if (v !== undefined) empty = false;
        return v ?? '';
      });
      out = empty ? undefined : text.trim();
    }
  }
  return out !== undefined && strip ? stripHtml(out) : out;
}

/** Every mapped field of a record (only the non-empty ones). */
export function applyMapping(record: unknown, mapping: Mapping): Partial<Record<PostField, string>> {
  const out: Partial<Record<PostField, string>> = {};
  for (const field of POST_FIELDS) {
    const spec = mapping[field];
    if (spec === undefined) continue;
    const value = mapField(record, spec);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** The array of records at `itemsPath` of a document ('' = the document itself). */
export function recordsAt(document: unknown, itemsPath: string): unknown[] | undefined {
  const value = itemsPath === '' ? document : valueAt(document, itemsPath);
  return Array.isArray(value) ? value : undefined;
}
