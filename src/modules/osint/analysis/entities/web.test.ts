import { describe, expect, it } from 'vitest';
import { extractWeb } from './web.ts';

describe('extractWeb', () => {
  it('finds URLs and bare domains in one canonical form', () => {
    const w = extractWeb(
      'Site: https://WWW.Shop-Luxe.ma/sacs?page=2. Aussi jumia.ma/promo, et www.example.com!',
    );
    expect(w.urls.map((u) => u.url)).toEqual([
      'https://shop-luxe.ma/sacs?page=2',
      'https://jumia.ma/promo',
      'https://example.com',
    ]);
  });

  it('finds e-mails, lower-cased, and does not read them as handles or URLs', () => {
    const w = extractWeb('Écrivez à Contact.Shop@Gmail.com pour le catalogue');
    expect(w.emails).toEqual(['contact.shop@gmail.com']);
    expect(w.handles).toEqual([]);
    expect(w.urls).toEqual([]);
  });

  it('reads social handles from profile links', () => {
    const w = extractWeb(
      'instagram.com/luxe_shoes_ma tiktok.com/@replica.store https://www.facebook.com/sneakers.casa https://m.facebook.com/profile.php?id=1000123 https://x.com/deals_ma',
    );
    expect(w.handles).toEqual([
      { platform: 'instagram', handle: 'luxe_shoes_ma' },
      { platform: 'tiktok', handle: 'replica.store' },
      { platform: 'facebook', handle: 'sneakers.casa' },
      { platform: 'facebook', handle: '1000123' },
      { platform: 'x', handle: 'deals_ma' },
    ]);
  });

  it('ignores site sections that are not accounts', () => {
    expect(extractWeb('https://www.instagram.com/p/Cx12ab/ https://facebook.com/groups/123').handles).toEqual(
      [],
    );
  });

  it('reads @handles with the platform named just before', () => {
    const w = extractWeb('Insta @sneakplug.casa, tiktok: @fake_hunter, contact @someone.');
    expect(w.handles).toEqual([
      { platform: 'instagram', handle: 'sneakplug.casa' },
      { platform: 'tiktok', handle: 'fake_hunter' },
      { platform: 'unknown', handle: 'someone' },
    ]);
  });

  it('reads WhatsApp and Telegram links: phone from wa.me, group codes, channels', () => {
    const w = extractWeb(
      'wa.me/212612345678 https://api.whatsapp.com/send?phone=212700000013 https://chat.whatsapp.com/AbCdEf123 t.me/luxreps_store https://t.me/joinchat/XyZ987',
    );
    expect(w.phones.map((p) => p.e164)).toEqual(['+212612345678', '+212700000013']);
    expect(w.handles).toEqual([
      { platform: 'whatsapp', handle: 'AbCdEf123' },
      { platform: 'telegram', handle: 'luxreps_store' },
      { platform: 'telegram', handle: '+XyZ987' },
    ]);
    expect(w.urls.map((u) => u.url)).toContain('https://chat.whatsapp.com/AbCdEf123');
  });
});
