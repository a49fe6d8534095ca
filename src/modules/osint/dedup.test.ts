import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  contentHash,
  MIN_SHINGLES,
  minhash,
  NEAR_DUPLICATE_JACCARD,
  signatureFromBytes,
  signatureToBytes,
  similarity,
} from './dedup.ts';
import { canonicalUrl } from './urls.ts';

describe('canonical URLs', () => {
  it('refuses what is not an http(s) URL', () => {
    expect(canonicalUrl('')).toBeNull();
    expect(canonicalUrl(null)).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('ftp://example.com/x')).toBeNull();
  });

  it('drops tracking parameters, the fragment, www., the default port and the trailing slash', () => {
    expect(canonicalUrl('HTTPS://WWW.Shop.ma:443/Item/12/?utm_source=fb&b=2&a=1#photos')).toBe(
      'https://shop.ma/Item/12?a=1&b=2',
    );
    expect(canonicalUrl('https://m.facebook.com/groups/123/?fbclid=IwAR0&__cft__[0]=AZ&ref=share')).toBe(
      'https://facebook.com/groups/123',
    );
    expect(canonicalUrl('https://www.instagram.com/p/Cx1/?igshid=abc&igsh=def')).toBe(
      'https://instagram.com/p/Cx1',
    );
    expect(canonicalUrl('http://127.0.0.1:8080//item//3/?gclid=1')).toBe('http://127.0.0.1:8080/item/3');
    expect(canonicalUrl('https://shop.ma/')).toBe('https://shop.ma');
  });

  it('keeps parameters that select content, sorted, and the case of the path', () => {
    expect(canonicalUrl('https://shop.ma/search?q=Rolex&page=2')).toBe(
      'https://shop.ma/search?page=2&q=Rolex',
    );
    expect(canonicalUrl('https://shop.ma/search?page=2&q=Rolex')).toBe(
      canonicalUrl('https://shop.ma/search?q=Rolex&page=2'),
    );
    expect(canonicalUrl('https://tiktok.com/@Casa.Watches/video/1')).toBe(
      'https://tiktok.com/@Casa.Watches/video/1',
    );
  });
});

describe('content hash', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(contentHash('Montre Rolex réplique, 1200 DH !')).toBe(
      contentHash('montre   rolex replique 1200 dh'),
    );
    expect(contentHash('Montre Rolex')).not.toBe(contentHash('Montre Omega'));
  });
});

const AD =
  'Montre Rolex Daytona réplique AAA qualité top, mouvement automatique, bracelet acier. Prix 1200 dh, livraison partout au Maroc, paiement à la livraison. WhatsApp 06 12 34 56 78';

describe('near-duplicates (MinHash)', () => {
  it('needs enough words to compare', () => {
    expect(minhash('Rolex AAA 900dh')).toBeNull();
    expect(minhash(AD)).not.toBeNull();
    expect(MIN_SHINGLES).toBeGreaterThan(3);
  });

  it('finds the same ad reposted with another phone number, price or emoji, and shares a band', () => {
    const original = minhash(AD)!;
    const variants = [
      AD.replace('06 12 34 56 78', '06 98 76 54 32'),
      `🔥🔥 ${AD.replace('1200 dh', '1100 dh')} #rolex #casa`,
      AD.toUpperCase(),
    ];
    for (const variant of variants) {
      const sig = minhash(variant)!;
      expect(similarity(original, sig), variant).toBeGreaterThanOrEqual(NEAR_DUPLICATE_JACCARD);
      const a = bandKeys(original);
      const b = bandKeys(sig);
      expect(
        a.some((k, i) => k === b[i]),
        variant,
      ).toBe(true);
    }
  });

  it('keeps different ads apart', () => {
    const other = minhash(
      'Nike Air Force 1 high copy 1:1 disponible toutes les pointures du 36 au 45, prix 350dh seulement, livraison Casablanca Rabat Tanger',
    )!;
    expect(similarity(minhash(AD)!, other)).toBeLessThan(0.2);
    const sameBrandOtherAd = minhash(
      'Montre Rolex Submariner authentique avec boîte et papiers, achetée chez un revendeur agréé en 2019, 85000 dh, Casablanca',
    )!;
    expect(similarity(minhash(AD)!, sameBrandOtherAd)).toBeLessThan(NEAR_DUPLICATE_JACCARD);
  });

  it('stores a signature as bytes and reads it back', () => {
    const sig = minhash(AD)!;
    expect([...signatureFromBytes(signatureToBytes(sig))]).toEqual([...sig]);
  });
});
