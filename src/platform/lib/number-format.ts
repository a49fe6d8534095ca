/**
 * Intl.NumberFormat objects, made once per locale and options: making one costs about 50–100 µs, and explaining a
 * scored declaration formats dozens of numbers (it was the largest single cost of a scoring through the API).
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
