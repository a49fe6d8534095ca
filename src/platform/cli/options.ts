/** Option and argument parsers shared by the commands (commander calls them with the text given). */

/** One of `values`, or an error naming `what` and the values expected. */
export const oneOf =
  <T extends string>(values: readonly T[], what: string) =>
  (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new Error(`unknown ${what} "${value}": expected ${values.join(', ')}`);
    return value as T;
  };

/** A comma-separated list, each entry trimmed, empty entries dropped. */
export const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A comma-separated list of `values` (each checked as `oneOf` does). */
export const oneOfList =
  <T extends string>(values: readonly T[], what: string) =>
  (value: string): T[] =>
    commaList(value).map(oneOf(values, what));

/** A repeatable option: each occurrence appended to the list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
