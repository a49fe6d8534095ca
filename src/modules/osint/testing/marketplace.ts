/**
 * A small fake marketplace served on 127.0.0.1, for tests and the crawl benchmark: nothing leaves the machine.
 *
 *   /robots.txt              forbids /private/
 *   /                        home: links to the listings, the feeds, an about page and a private page
 *   /listings?page=N         listing pages, `perPage` cards each, a rel=next link; page 1 also links to the slow,
 *                            broken and binary pages
 *   /item/ID                 a listing (title, description, price with schema.org markup, seller, date)
 *   /seller/NAME             a seller's page
 *   /feed.xml, /atom.xml     RSS 2.0 and Atom feeds of the listings
 *   /api/listings?page=N     a JSON API: {data: {items: […]}, paging: {next}}
 *   /api/bad                 invalid JSON
 *   /slow                    answers after `slowMs`
 *   /broken                  always 500
 *   /binary                  application/octet-stream
 *   /private/…               must never be fetched (every hit is recorded in `hits`)
 *
 * The default listings include the cases collection must handle: one ad reposted by another account with a
 * different phone number (a near-duplicate), another reposted word for word, one seller present on the
 * marketplace and, through the same phone number, on Instagram in the JSON API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listing {
  id: number;
  title: string;
  text: string;
  price: number;
  seller: string;
  phone: string;
  posted_at: string;
  /** Where the JSON API says it was posted (default the marketplace). */
  platform?: string;
}

export const DEFAULT_LISTINGS: Listing[] = [
  {
    id: 1,
    title: 'Rolex Daytona réplique AAA',
    text: 'Montre Rolex Daytona réplique AAA qualité top, mouvement automatique, bracelet acier. Prix 1200 dh, livraison partout au Maroc, paiement à la livraison. WhatsApp 06 12 34 56 78',
    price: 1200,
    seller: 'casa_watches',
    phone: '0612345678',
    posted_at: '2025-01-10T09:00:00Z',
  },
  {
    id: 2,
    title: 'Nike Air Force 1 high copy',
    text: 'Nike Air Force 1 high copy 1:1 disponible toutes les pointures du 36 au 45, prix 350dh seulement, livraison Casablanca Rabat Tanger, commandez en DM ou au 0661234567',
    price: 350,
    seller: 'sneakers_derb',
    phone: '0661234567',
    posted_at: '2025-01-11T10:00:00Z',
  },
  {
    id: 3,
    title: 'Rolex Daytona réplique AAA',
    text: 'Montre Rolex Daytona réplique AAA qualité top, mouvement automatique, bracelet acier. Prix 1200 dh, livraison partout au Maroc, paiement à la livraison. WhatsApp 06 98 76 54 32',
    price: 1200,
    seller: 'montres_maroc',
    phone: '0698765432',
    posted_at: '2025-01-12T11:00:00Z',
  },
  {
    id: 4,
    title: 'Pilules minceur',
    text: 'Pilules minceur sans ordonnance, perdez 10 kg en 7 jours garanti, 200 dh la boîte, livraison discrète partout au Maroc, contact 0655443322',
    price: 200,
    seller: 'beauty_shop',
    phone: '0655443322',
    posted_at: '2025-01-13T12:00:00Z',
  },
  {
    id: 5,
    title: 'iPhone 12 occasion',
    text: 'Je vends mon iPhone 12 occasion 128 Go, très bon état, avec facture et boîte d’origine, 3500 dh à discuter, remise en main propre à Fès',
    price: 3500,
    seller: 'ali_fes',
    phone: '0677889900',
    posted_at: '2025-01-14T13:00:00Z',
  },
  {
    id: 6,
    title: 'Arrivage direct de Chine',
    text: 'Arrivage direct de Chine sans douane, nous déclarons le colis comme cadeau pour éviter les taxes, électronique et accessoires à petits prix, commande groupée chaque semaine, WhatsApp 0644556677',
    price: 150,
    seller: 'china_express',
    phone: '0644556677',
    posted_at: '2025-01-15T14:00:00Z',
  },
  {
    id: 7,
    title: 'Nike Air Force 1 high copy',
    text: 'Nike Air Force 1 high copy 1:1 disponible toutes les pointures du 36 au 45, prix 350dh seulement, livraison Casablanca Rabat Tanger, commandez en DM ou au 0661234567',
    price: 350,
    seller: 'sneakers_rabat',
    phone: '0661234567',
    posted_at: '2025-01-16T15:00:00Z',
  },
  {
    id: 8,
    title: 'Tajine en céramique',
    text: 'Tajine en céramique peint à la main par des artisans de Safi, plusieurs tailles disponibles, 180 dh, livraison à Marrakech et Casablanca',
    price: 180,
    seller: 'safi_artisans',
    phone: '0633221100',
    posted_at: '2025-01-17T16:00:00Z',
  },
  {
    id: 9,
    title: 'Sac Louis Vuitton',
    text: 'Sac Louis Vuitton Neverfull copie originale qualité miroir, 450 dh, plusieurs couleurs, livraison Casa, WhatsApp 06 12 34 56 78',
    price: 450,
    seller: 'casa_watches',
    phone: '0612345678',
    posted_at: '2025-01-18T17:00:00Z',
  },
  {
    id: 10,
    title: 'Vélo enfant',
    text: 'Vélo enfant 16 pouces bleu, utilisé deux saisons, pneus neufs, 400 dh, à récupérer à Agadir',
    price: 400,
    seller: 'agadir_family',
    phone: '0622113344',
    posted_at: '2025-01-19T18:00:00Z',
  },
  {
    id: 11,
    title: 'Parfum Dior Sauvage',
    text: 'Parfum Dior Sauvage tester original 100 ml, 250 dh au lieu de 1400, quantité limitée, commandez sur Instagram @casa.parfums ou WhatsApp 0612345678',
    price: 250,
    seller: 'casa.parfums',
    phone: '0612345678',
    posted_at: '2025-01-20T19:00:00Z',
    platform: 'instagram',
  },
  {
    id: 12,
    title: 'Cours de cuisine',
    text: 'Cours de cuisine marocaine le samedi à Rabat, couscous, pastilla et pâtisseries, 300 dh la séance, inscriptions par téléphone',
    price: 300,
    seller: 'rabat_cuisine',
    phone: '0611009988',
    posted_at: '2025-01-21T20:00:00Z',
  },
];

/** `n` deterministic listings for benchmarks (the default twelve, then variations). */
export function generatedListings(n: number): Listing[] {
  const out: Listing[] = [];
  for (let i = 0; i < n; i++) {
    const base = DEFAULT_LISTINGS[i % DEFAULT_LISTINGS.length]!;
    const round = Math.floor(i / DEFAULT_LISTINGS.length);
    out.push({
      ...base,
      id: i + 1,
      title: round ? `${base.title} lot ${round}` : base.title,
      text: round ? `${base.text} Référence ${round}-${i}.` : base.text,
      seller: round ? `${base.seller}_${round}` : base.seller,
    });
  }
  return out;
}

export interface MarketplaceOptions {
  listings?: Listing[];
  perPage?: number;
  /** Delay of /slow. */
  slowMs?: number;
  /** Delay of every answer (a far server). */
  latencyMs?: number;
}

export interface Marketplace {
  url: string;
  hits: string[];
  listings: Listing[];
  close(): Promise<void>;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(title)} — Souk Fixture</title></head><body><header><nav><a href="/">Accueil</a> <a href="/listings?page=1">Annonces</a></nav></header><main>${body}</main><footer>Souk Fixture, un faux marché pour les tests</footer></body></html>`;
}

export async function startMarketplace(options: MarketplaceOptions = {}): Promise<Marketplace> {
  const listings = options.listings ?? DEFAULT_LISTINGS;
  const perPage = options.perPage ?? 5;
  const pages = Math.max(1, Math.ceil(listings.length / perPage));
  const hits: string[] = [];
  let base = '';
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    hits.push(`${url.pathname}${url.search}`);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const path = url.pathname;
    if (path === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /private/\n');
    if (path === '/')
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        page(
          'Accueil',
          `<h1>Souk Fixture</h1><p>Petites annonces.</p><ul><li><a href="/listings?page=1">Toutes les annonces</a></li><li><a href="/feed.xml">Flux RSS</a></li><li><a href="/about">À propos</a></li><li><a href="/private/admin">Administration</a></li></ul>`,
        ),
      );
    if (path === '/about')
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        page('À propos', '<h1>À propos</h1><p>Un faux marché.</p>'),
      );
    if (path === '/listings') {
      const n = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const slice = listings.slice((n - 1) * perPage, n * perPage);
      const cards = slice
        .map(
          (l) =>
            `<div class="listing-card"><a class="title" href="/item/${l.id}?utm_source=listing&amp;ref=page${n}">${esc(l.title)}</a> <span class="price">${l.price} DH</span> <span class="seller">${esc(l.seller)}</span></div>`,
        )
        .join('\n');
      const extra =
        n === 1
          ? '<p><a href="/slow">Annonce lente</a> <a href="/broken">Annonce cassée</a> <a href="/binary">Photo</a></p>'
          : '';
      const next = n < pages ? `<a rel="next" href="/listings?page=${n + 1}">Page suivante</a>` : '';
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        page(`Annonces page ${n}`, `<h1>Annonces — page ${n}</h1>${cards}${extra}${next}`),
      );
    }
    const item = /^\/item\/(\d+)$/.exec(path);
    if (item) {
      const l = listings.find((x) => x.id === Number(item[1]));
      if (!l)
        return send(
          res,
          404,
          'text/html; charset=utf-8',
          page('Introuvable', '<h1>Annonce introuvable</h1>'),
        );
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        page(
          l.title,
          `<article itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">${esc(l.title)}</h1><div class="description" itemprop="description">${esc(l.text)}</div><p>Prix : <span itemprop="price" content="${l.price}">${l.price} DH</span><meta itemprop="priceCurrency" content="MAD"></p><div class="seller" itemprop="seller" itemscope itemtype="https://schema.org/Person">Vendeur : <a href="/seller/${encodeURIComponent(l.seller)}"><span itemprop="name">${esc(l.seller)}</span></a></div><p>Publié le <time datetime="${l.posted_at}">${l.posted_at.slice(0, 10)}</time></p></article>`,
        ),
      );
    }
    const seller = /^\/seller\/([^/]+)$/.exec(path);
    if (seller) {
      const name = decodeURIComponent(seller[1]!);
      const own = listings.filter((l) => l.seller === name);
      return send(
        res,
        own.length ? 200 : 404,
        'text/html; charset=utf-8',
        page(
          name,
          `<h1>${esc(name)}</h1><ul>${own.map((l) => `<li><a href="/item/${l.id}">${esc(l.title)}</a></li>`).join('')}</ul>`,
        ),
      );
    }
    if (path === '/feed.xml') {
      const items = listings
        .map(
          (l) =>
            `<item><title>${esc(l.title)}</title><link>${base}/item/${l.id}</link><guid isPermaLink="false">souk-${l.id}</guid><description>${esc(`<p>${esc(l.text)}</p>`)}</description><dc:creator>${esc(l.seller)}</dc:creator><pubDate>${new Date(l.posted_at).toUTCString()}</pubDate></item>`,
        )
        .join('\n');
      return send(
        res,
        200,
        'application/rss+xml; charset=utf-8',
        `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Souk Fixture</title><link>${base}/</link><description>Annonces</description>\n${items}\n</channel></rss>`,
      );
    }
    if (path === '/atom.xml') {
      const entries = listings
        .map(
          (l) =>
            `<entry><id>urn:souk:${l.id}</id><title>${esc(l.title)}</title><link rel="alternate" href="${base}/item/${l.id}"/><author><name>${esc(l.seller)}</name></author><published>${l.posted_at}</published><content type="html">${esc(`<p>${esc(l.text)}</p>`)}</content></entry>`,
        )
        .join('\n');
      return send(
        res,
        200,
        'application/atom+xml; charset=utf-8',
        `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Souk Fixture</title><id>urn:souk</id>\n${entries}\n</feed>`,
      );
    }
    if (path === '/api/listings') {
      const n = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const slice = listings.slice((n - 1) * perPage, n * perPage);
      return send(
        res,
        200,
        'application/json; charset=utf-8',
        JSON.stringify({
          data: {
            items: slice.map((l) => ({
              id: `post-${l.id}`,
              caption: l.text,
              headline: l.title,
              permalink: `${l.platform === 'instagram' ? 'https://instagram.com/p/' : `${base}/item/`}${l.id}`,
              owner: { username: l.seller, platform: l.platform ?? 'souk' },
              price: { amount: l.price, currency: 'MAD' },
              created_time: l.posted_at,
            })),
          },
          paging: { next: n < pages ? `/api/listings?page=${n + 1}` : null },
        }),
      );
    }
    if (path === '/api/bad') return send(res, 200, 'application/json', '{"data": [ {"id": 1, ');
    if (path === '/slow') {
      await new Promise((r) => setTimeout(r, options.slowMs ?? 1500));
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        page('Lente', '<h1>Annonce lente</h1><div class="description">Chargement lent.</div>'),
      );
    }
    if (path === '/broken') return send(res, 500, 'text/html; charset=utf-8', '<h1>Internal error</h1>');
    if (path === '/binary')
      return send(res, 200, 'application/octet-stream', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
    if (path.startsWith('/private/'))
      return send(res, 200, 'text/html; charset=utf-8', page('Privé', '<h1>Ne pas collecter</h1>'));
    return send(res, 404, 'text/html; charset=utf-8', page('Introuvable', '<h1>Page introuvable</h1>'));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits,
    listings,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
