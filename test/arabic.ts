/**
 * Arabic texts in tests: the Latin words left in a sentence once the codes and names it quotes are taken out. An
 * Arabic explanation may quote codes (HS, countries, currencies, rule ids, settings) and names, never English or
 * French words of its own.
 */
export function latinWords(text: string, quoted: readonly string[] = []): string[] {
  let rest = text;
  for (const q of [...quoted].sort((a, b) => b.length - a.length)) rest = rest.split(q).join(' ');
  return rest.match(/[A-Za-zÀ-ÿ]{2,}/g) ?? [];
}
