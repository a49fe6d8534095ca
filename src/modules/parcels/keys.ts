/** The keys split-order detection groups parcels by: a sender, a recipient's address (folded, so that case, accents
 * and punctuation do not split one sender or one address in two). */

/** Lower case, accents and punctuation gone, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function senderKey(name: string, country: string): string {
  return `${fold(name)}|${country}`;
}

export function addressKey(address: string | null, city: string | null): string | null {
  const a = address ? fold(address) : '';
  return a ? `${a}|${city ? fold(city) : ''}` : null;
}
