import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/lib/errors.ts';
import { applyMapping, mappingSchema, recordsAt, stripHtml, valueAt } from './mapping.ts';
import { parseSourceConfig } from './source-config.ts';

describe('field mappings', () => {
  const record = {
    id: 42,
    caption: 'Rolex AAA <b>900dh</b>',
    'Nom du vendeur': 'casa_watches',
    owner: { username: 'casa', links: ['https://a.ma', 'https://b.ma'] },
    media: [{ url: 'https://cdn/x.jpg' }],
    price: { amount: 900, currency: 'MAD' },
    empty: '  ',
  };

  it('reads paths, exact keys first', () => {
    expect(valueAt(record, 'owner.username')).toBe('casa');
    expect(valueAt(record, 'media[0].url')).toBe('https://cdn/x.jpg');
    expect(valueAt(record, 'Nom du vendeur')).toBe('casa_watches');
    expect(valueAt(record, 'owner.missing.deep')).toBeUndefined();
    expect(valueAt('not an object', 'a')).toBeUndefined();
  });

  it('maps paths, first, join, template, constants and strips HTML', () => {
    const mapping = mappingSchema.parse({
      id: 'id',
      text: { path: 'caption', strip_html: true },
      author: { first: ['empty', 'Nom du vendeur'] },
      url: { join: ['owner.links'] },
      title: { template: '{owner.username} — {price.amount} {price.currency}' },
      platform: { value: 'tiktok' },
      price: 'price.amount',
    });
    expect(applyMapping(record, mapping)).toEqual({
      id: '42',
      text: 'Rolex AAA 900dh',
      author: 'casa_watches',
      url: 'https://a.ma, https://b.ma',
      title: 'casa — 900 MAD',
      platform: 'tiktok',
      price: '900',
    });
  });

  it('refuses a mapping without text, or naming an unknown field, with the field located', () => {
    const noText = mappingSchema.safeParse({ id: 'id' });
    expect(noText.success).toBe(false);
    expect(noText.error!.issues[0]!.path).toEqual(['text']);
    const unknown = mappingSchema.safeParse({ text: 'caption', colour: 'x' });
    expect(unknown.success).toBe(false);
  });

  it('finds the records of a document', () => {
    expect(recordsAt({ data: { items: [1, 2] } }, 'data.items')).toEqual([1, 2]);
    expect(recordsAt([1], '')).toEqual([1]);
    expect(recordsAt({ data: {} }, 'data.items')).toBeUndefined();
  });

  it('turns HTML into text', () => {
    expect(stripHtml('<p>Prix&nbsp;: 350&euro;</p><script>x()</script><p>Livraison &amp; retour</p>')).toBe(
      'Prix : 350&euro;\nLivraison & retour',
    );
  });
});

describe('source configurations', () => {
  const problems = (type: Parameters<typeof parseSourceConfig>[0], config: unknown) => {
    try {
      parseSourceConfig(type, config);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('osint.invalid_config');
      return ((error as AppError).details as { problems: { path: string; message: string }[] }).problems;
    }
    throw new Error('expected a refusal');
  };

  it('locates every problem', () => {
    const p = problems('web', {
      start_urls: ['https://ok.ma', 'ftp://nope'],
      max_depth: 99,
      follow: ['('],
      colour: 'red',
    });
    const paths = p.map((x) => x.path);
    expect(paths).toContain('config.start_urls[1]');
    expect(paths).toContain('config.max_depth');
    expect(paths).toContain('config.follow[0]');
    expect(p.find((x) => x.path === 'config.follow[0]')!.message).toBe('not a valid regular expression');
    expect(problems('json_api', { url: 'https://api.ma', mapping: { id: 'id' } }).map((x) => x.path)).toEqual(
      ['config.mapping.text'],
    );
    expect(problems('file', { format: 'xml', mapping: { text: 'a' } }).map((x) => x.path)).toEqual([
      'config.format',
    ]);
    expect(
      problems('file', { format: 'csv', mapping: { text: 'a' }, inbox_file: '../etc/passwd' }).map(
        (x) => x.path,
      ),
    ).toEqual(['config.inbox_file']);
  });

  it('fills the polite defaults', () => {
    const c = parseSourceConfig('feed', { url: 'https://news.ma/rss' });
    expect(c).toMatchObject({
      rate_per_second: 1,
      retries: 2,
      timeout_seconds: 20,
      allow_private_network: false,
      alert_threshold: 0.8,
    });
    expect((c as { user_agent: string }).user_agent).toMatch(/VigieBot/);
  });
});
