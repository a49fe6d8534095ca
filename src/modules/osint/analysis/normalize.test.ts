import { describe, expect, it } from 'vitest';
import { normalizeText, originalSpan, tokenize } from './normalize.ts';

const keysOf = (text: string) => tokenize(normalizeText(text)).map((t) => t.keys);

describe('normalizeText', () => {
  it('folds case and accents, keeping a map back to the original', () => {
    const text = 'RÉPLIQUE Qualité';
    const n = normalizeText(text);
    expect(n.text).toBe('replique qualite');
    const at = n.text.indexOf('qualite');
    const o = originalSpan(n, at, at + 'qualite'.length);
    expect(text.slice(o.start, o.end)).toBe('Qualité');
  });

  it('keeps offsets right across expansions and emoji', () => {
    const text = '🔥 Cœur 👟 copie';
    const n = normalizeText(text);
    expect(n.text).toBe('| coeur | copie');
    const at = n.text.indexOf('copie');
    const o = originalSpan(n, at, at + 5);
    expect(text.slice(o.start, o.end)).toBe('copie');
    const c = n.text.indexOf('coeur');
    const oc = originalSpan(n, c, c + 5);
    expect(text.slice(oc.start, oc.end)).toBe('Cœur');
  });

  it('removes Arabic diacritics and tatweel and unifies alef, ya and ta marbuta', () => {
    expect(normalizeText('نُسْخَة').text).toBe('نسخه');
    expect(normalizeText('اصـــلي').text).toBe('اصلي');
    expect(normalizeText('أصلية إلى آخر').text).toBe('اصليه الي اخر');
    const text = 'ساعة أصليــة';
    const n = normalizeText(text);
    const at = n.text.indexOf('اصليه');
    const o = originalSpan(n, at, at + 5);
    expect(text.slice(o.start, o.end)).toBe('أصليــة');
  });

  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normalizeText('٣٥٠ درهم').text).toBe('350 درهم');
    expect(normalizeText('۰۶۱۲').text).toBe('0612');
  });

  it('folds full-width letters used to dodge filters', () => {
    expect(normalizeText('ｒｅｐｌｉｃａ').text).toBe('replica');
  });

  it('drops zero-width characters and maps non-breaking spaces to spaces', () => {
    expect(normalizeText('co\u200bpie 10\u202f990').text).toBe('copie 10 990');
  });
});

describe('tokenize', () => {
  it('gives de-elongated variants ("hiiiigh copyyyy")', () => {
    const [high, copy] = keysOf('hiiiigh copyyyy');
    expect(high).toContain('high');
    expect(copy).toContain('copy');
    expect(keysOf('goooood')[0]).toContain('good');
    expect(keysOf('ااااصلي')[0]).toContain('اصلي');
  });

  it('keeps "AAA" as its own key', () => {
    expect(keysOf('AAA')[0]![0]).toBe('aaa');
  });

  it('decodes leetspeak only where letters and digits mix', () => {
    expect(keysOf('r3pl1ca')[0]).toContain('replica');
    expect(keysOf('c0py')[0]).toContain('copy');
    expect(keysOf('100mg')[0]).toEqual(['100mg']);
    expect(keysOf('350')[0]).toEqual(['350']);
  });

  it('strips Arabic clitics: conjunction, preposition, article', () => {
    expect(keysOf('بالصين')[0]).toContain('الصين');
    expect(keysOf('والتقليد')[0]).toEqual(expect.arrayContaining(['التقليد', 'تقليد']));
    expect(keysOf('للبيع')[0]).toContain('البيع');
  });

  it('marks clause and sentence breaks between tokens', () => {
    const t = tokenize(normalizeText('pas cher, high copy. Nike'));
    expect(t.map((x) => x.breakBefore)).toEqual([2, 0, 1, 0, 2]);
  });

  it('labels the script of each token', () => {
    expect(tokenize(normalizeText('Nike نايك 350')).map((t) => t.script)).toEqual([
      'latin',
      'arabic',
      'digits',
    ]);
  });
});
