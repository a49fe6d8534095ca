// Regenerates the online-monitoring demo exports (demo/osint/*.ndjson, *.csv): invented posts and listings in
// French, Arabic, Darija (arabizi) and English, deterministic (seeded). Run: node demo/osint/generate.mjs
// Every phone number is in the fictitious ranges 06 00 0x xx xx / 07 00 0x xx xx, every site and account lives
// under the reserved .example domain, and every person, shop and account is made up.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let seed = 20261120;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (a, b) => a + Math.floor(rand() * (b - a + 1));

const START = Date.parse('2026-10-01T08:00:00Z');
const END = Date.parse('2026-11-20T22:00:00Z');
const dateAt = (share) => {
  const t = START + share * (END - START) + between(0, 5 * 3600) * 1000;
  return `${new Date(Math.min(t, END)).toISOString().slice(0, 19)}Z`;
};

/** A phone written the way sellers write it. */
function phoneStyles(digits) {
  const d = digits; // 0600011101
  const pairs = d.match(/../g).join(' ');
  return [pairs, d, `+212 ${d.slice(1, 2)} ${d.slice(2).match(/../g).join(' ')}`, d.match(/../g).join('.'), `00212${d.slice(1)}`];
}
const wa = (digits) => `wa.me/212${digits.slice(1)}`;

const CITIES = ['Casa', 'Casablanca', 'Rabat', 'Salé', 'Tanger', 'Fès', 'Marrakech', 'Agadir', 'Kénitra', 'Oujda', 'Meknès', 'Tétouan'];

// ── Sellers of risky goods: several accounts, shared identifiers, their own vocabulary ──
const SELLERS = [
  {
    key: 'sneakers-casa',
    phone: '0600011101',
    accounts: [
      { platform: 'instagram', author: 'sneakers.casa212', url: 'https://instagram.example/sneakers.casa212' },
      { platform: 'facebook', author: 'Sneakers Casa Store', url: 'https://facebook.example/sneakerscasastore' },
      { platform: 'tiktok', author: 'sneakerscasa_official', url: 'https://tiktok.example/@sneakerscasa_official' },
    ],
    posts: [
      ['Nike Air Force 1 high copy', '🔥 Nike Air Force 1 high copy qualité top, pointures 39 au 45, {price}dh seulement. Livraison partout au Maroc 🇲🇦 Commandez en DM ou WhatsApp {phone}', [300, 380]],
      ['Jordan 4 AAA', 'Jordan 4 Retro qualité AAA avec boîte d’origine 📦 {price} DH. Dispo à {city}, envoi 24h. {wa}', [350, 450]],
      ['Yeezy 350 copie 1:1', 'Yeezy Boost 350 V2 copie 1:1, semelle boost, toutes tailles. {price}dh au lieu de 2500 ! Paiement à la livraison. Tél {phone}', [320, 420]],
      ['Balenciaga Triple S master copy', 'Balenciaga Triple S master copy arrivage direct de Putian 🇨🇳 {price} dh, stock limité. Commande WhatsApp {phone}', [450, 600]],
      ['Dunk Low Panda', 'Nike Dunk Low Panda 1:1 qualité miroir, personne ne verra la différence 😉 {price}dh. Livraison {city} et toutes les villes', [280, 350]],
      ['New Balance 550 copie', 'New Balance 550 copie premium, cuir synthétique, {price} DH. Inbox pour commander ou {wa}', [260, 330]],
      ['Air Max copie', 'Salam khouti, 3ndi Air Max 90 high copy, qualité mzyana bzaf, {price}dh, twsil l ga3 lmodon. Dm wla whatsapp {phone}', [250, 320]],
    ],
    count: 26,
  },
  {
    key: 'luxe-derb-ghallef',
    phone: '0700022202',
    accounts: [
      { platform: 'facebook', author: 'Luxe Derb Ghallef', url: 'https://facebook.example/luxederbghallef' },
      { platform: 'avito', author: 'Sacs de luxe Casa', url: 'https://avito.example/boutique/sacs-luxe-casa' },
      { platform: 'instagram', author: 'luxe_ghallef', url: 'https://instagram.example/luxe_ghallef' },
    ],
    posts: [
      ['Sac Louis Vuitton Neverfull copie originale', 'Sacs Louis Vuitton Neverfull copie originale 1:1 avec boîte et dustbag, {price} DH. Disponible à Derb Ghallef, Casablanca. Prix en MP ou {phone}', [550, 750]],
      ['Gucci Marmont qualité miroir', 'Arrivage Gucci Marmont qualité miroir ✨ cuir, numéro de série, facture. {price}dh. Livraison Rabat Salé Kénitra. Contact {phone}', [600, 900]],
      ['Dior Book Tote réplique', 'Dior Book Tote réplique premium brodé, {price} DH seulement (original 30 000 DH). Magasin à Derb Ghallef, bloc 2', [700, 950]],
      ['Chanel Classic Flap AAA', 'Chanel Classic Flap qualité AAA chaîne dorée, {price}dh. Paiement à la livraison partout au Maroc. WhatsApp {phone}', [800, 1100]],
      ['شنط لويس فيتون', 'شنط لويس فيتون ماستر كوبي مع العلبة والفاتورة، {price} درهم، التوصيل لجميع المدن، للطلب واتساب {phone}', [500, 700]],
      ['Sacs Michael Kors imitation', 'Sacs Michael Kors imitation haut de gamme, plusieurs couleurs, {price}dh. Livraison gratuite à partir de 2 articles. Inbox', [250, 320]],
      ['Ceinture Hermès copie', 'Ceinture Hermès copie premium avec boucle H dorée, {price} DH. Boîte Hermès offerte 🎁 Derb Ghallef Casa, {phone}', [180, 250]],
    ],
    count: 24,
  },
  {
    key: 'montres-prestige',
    phone: '0600033303',
    accounts: [
      { platform: 'web', author: 'Montres Prestige Tanger', url: 'https://montres-prestige.example' },
      { platform: 'facebook', author: 'Montres Prestige Tanger', url: 'https://facebook.example/montresprestigetanger' },
      { platform: 'telegram', author: 'montres_prestige_tng', url: 'https://telegram.example/montres_prestige_tng' },
    ],
    posts: [
      ['Rolex Daytona réplique', 'Montre Rolex Daytona réplique qualité AAA, mouvement automatique, garantie 6 mois. {price} dh. Showroom à Tanger, livraison partout. {phone} — montres-prestige.example', [1100, 1600]],
      ['Rolex Submariner clone', 'Top quality replica watches 🔥 Rolex Submariner clone movement, 1:1 with original, sapphire glass. {price} MAD. Worldwide shipping. WhatsApp {wa}', [1300, 1900]],
      ['Audemars Piguet Royal Oak', 'Audemars Piguet Royal Oak super clone, boîtier acier, {price}dh au lieu de 250 000 ! Tanger, Tétouan, M’diq. {phone}', [1500, 2200]],
      ['Omega Seamaster copie', 'Omega Seamaster copie suisse, étanche, {price} DH. Commande sur montres-prestige.example ou {phone}', [900, 1300]],
      ['ساعات رولكس', 'ساعات رولكس نسخة طبق الأصل جودة عالية، ضمان سنة، الثمن {price} درهم، التوصيل لجميع المدن، {phone}', [1200, 1700]],
      ['Cartier Santos first copy', 'Cartier Santos first copy, bracelet acier, {price}dh. Montres Prestige Tanger — tous les modèles en stock', [800, 1200]],
    ],
    count: 20,
  },
  {
    key: 'minceur-naturelle',
    phone: '0700044404',
    accounts: [
      { platform: 'instagram', author: 'minceur.naturelle.ma', url: 'https://instagram.example/minceur.naturelle.ma' },
      { platform: 'tiktok', author: 'minceurnaturelle', url: 'https://tiktok.example/@minceurnaturelle' },
      { platform: 'facebook', author: 'Minceur Naturelle Maroc', url: 'https://facebook.example/minceurnaturellemaroc' },
    ],
    posts: [
      ['Capsules minceur', 'Capsules minceur 100% naturelles, perdez 10 kilos en un mois sans régime ! {price} DH la boîte. Livraison discrète {city}. {phone}', [250, 350]],
      ['Ozempic sans ordonnance', 'Stylos Ozempic disponibles sans ordonnance 💉 résultats garantis, {price} DH. Livraison partout au Maroc, paiement à la livraison. WhatsApp {phone}', [900, 1400]],
      ['حبوب التنحيف', 'حبوب التنحيف الأصلية، تخسيس 10 كيلو في شهر بدون رجيم، الثمن {price} درهم، التوصيل مجاني، واتساب {phone}', [250, 350]],
      ['Dwa tna9is lwazn', 'Dwa dyal tna9is lwazn, ghadi tn9es 7 kilo f simana, {price}dh, twsil l ga3 lmodon. {wa}', [180, 260]],
      ['Sirop grossir', 'Sirop pour grossir rapidement (fesses et hanches) 🍑 100% garanti en 15 jours, {price}dh. Commande en DM', [120, 180]],
      ['Crème éclaircissante', 'Crème éclaircissante à l’hydroquinone, peau claire dès la première semaine, {price} DH. Livraison {city}', [150, 220]],
    ],
    count: 20,
  },
  {
    key: 'pharma-discret',
    phone: '0600055505',
    accounts: [
      { platform: 'telegram', author: 'pharma_discret', url: 'https://telegram.example/pharma_discret' },
      { platform: 'facebook', author: 'Santé Homme Discret', url: 'https://facebook.example/santehommediscret' },
    ],
    posts: [
      ['Viagra Cialis sans ordonnance', 'Viagra et Cialis disponibles sans ordonnance, envoi discret dans tout le Maroc, {price} DH la boîte. {phone}', [150, 250]],
      ['3ndi Viagra bla ordonnance', '3ndi Viagra w Cialis bla ordonnance, discret, b {price}dh, whatsapp {phone}', [120, 200]],
      ['Tramadol sans ordonnance', 'Tramadol et Rivotril sans ordonnance, livraison rapide {city}, contactez-moi en privé. Telegram @pharma_discret', [200, 300]],
      ['منشط جنسي', 'منشط جنسي طبيعي قوي للرجال، مفعول فوري، {price} درهم، الدفع عند الاستلام، {phone}', [150, 220]],
      ['Stéroïdes musculation', 'Produits de musculation : stéroïdes, hormones de croissance, Dianabol. Prise de masse en 1 mois. {price} DH. {phone}', [400, 700]],
    ],
    count: 14,
  },
  {
    key: 'china-direct',
    phone: '0700066606',
    accounts: [
      { platform: 'web', author: 'China Direct Maroc', url: 'https://chinadirect-maroc.example' },
      { platform: 'facebook', author: 'China Direct Maroc', url: 'https://facebook.example/chinadirectmaroc' },
      { platform: 'instagram', author: 'chinadirect.ma', url: 'https://instagram.example/chinadirect.ma' },
    ],
    posts: [
      ['Dropshipping depuis la Chine', 'Dropshipping : livraison depuis la Chine directement chez votre client, sans douane ✅ colis déclarés comme cadeau. Commandez sur chinadirect-maroc.example — {phone}', [0, 0]],
      ['Colis sans douane', 'Vous importez de Chine ? On divise la commande en petits colis sous le seuil pour ne pas payer la douane. Contact {phone}', [0, 0]],
      ['Grossiste Yiwu Guangzhou', 'Achat groupé Yiwu et Guangzhou, transport aérien 15 jours, dédouanement inclus en valeur déclarée minimale, {price} DH le kg. {phone}', [90, 140]],
      ['Montres connectées en gros', 'Montres connectées Apple Watch copie en gros depuis Shenzhen, {price}dh la pièce à partir de 20, envoi déclaré échantillon. {wa}', [150, 220]],
      ['Shipping from China no customs', 'Shipping from China to Morocco with no customs duties, declared as gift, door to door 12 days. {price} MAD per kg. WhatsApp {phone}', [80, 120]],
      ['شحن من الصين', 'شحن من الصين إلى المغرب بدون جمارك، الطرود تصرح كهدية، {price} درهم للكيلو، واتساب {phone}', [90, 130]],
    ],
    count: 16,
  },
  {
    key: 'bled-import',
    phone: '0600077707',
    accounts: [
      { platform: 'facebook', author: 'Bled Import Nador', url: 'https://facebook.example/bledimportnador' },
      { platform: 'avito', author: 'Import Sebta', url: 'https://avito.example/boutique/import-sebta' },
    ],
    posts: [
      ['Produits de Sebta', 'Arrivage de Sebta : parfums, chocolat, couches, électroménager, passés en valise sans droits de douane, {price} DH moins cher qu’en magasin. Nador, Oujda. {phone}', [50, 150]],
      ['Sl3a men Melilla', 'Sl3a jdida wslat men Melilla, bla diwana, twsil Nador w Oujda w Fès, {price}dh. Tel {phone}', [100, 300]],
      ['iPhone venant de Dubaï', 'iPhone 15 Pro venant de Dubaï, pas passé par la douane donc moins cher, {price} DH, scellé. {city}. {phone}', [8000, 9500]],
    ],
    count: 9,
  },
  {
    key: 'tech-replica',
    phone: '0700088808',
    accounts: [
      { platform: 'facebook', author: 'Tech Store Rabat', url: 'https://facebook.example/techstorerabat' },
      { platform: 'tiktok', author: 'techstore.rabat', url: 'https://tiktok.example/@techstore.rabat' },
    ],
    posts: [
      ['AirPods Pro réplique', 'AirPods Pro 2 réplique 1:1, puce originale, réduction de bruit, {price} DH seulement au lieu de 2800 ! Livraison 24h {city}. {phone}', [200, 280]],
      ['Apple Watch Ultra copie', 'Apple Watch Ultra copie, écran AMOLED, compatible iPhone et Android, {price}dh. DM pour commander ou {phone}', [380, 480]],
      ['ايفون 15 برو ماكس نسخة', 'ايفون 15 برو ماكس نسخة كوبي، نفس الشكل الأصلي، {price} درهم، للتواصل {phone}', [1100, 1400]],
      ['Chargeur Samsung copie', 'Chargeurs Samsung 45W copie, {price}dh la pièce, prix grossiste pour revendeurs. Rabat Agdal. {wa}', [40, 70]],
    ],
    count: 14,
  },
  {
    key: 'parfums-oud',
    phone: '0600099909',
    accounts: [
      { platform: 'instagram', author: 'parfums.oud.marrakech', url: 'https://instagram.example/parfums.oud.marrakech' },
      { platform: 'facebook', author: 'Parfums Oud Marrakech', url: 'https://facebook.example/parfumsoudmarrakech' },
    ],
    posts: [
      ['Dior Sauvage copie', 'Parfums Dior Sauvage, Chanel N°5 en copie conforme, {price}dh le flacon 100ml, 3 pour 400dh. Paiement à la livraison. {phone}', [130, 170]],
      ['عطور ديور وشانيل', 'عطور ديور وشانيل تقليد ممتاز، الثبات عالي، {price} درهم، الدفع عند الاستلام، {phone}', [100, 150]],
      ['Parfum copie dyal Dior', 'Chi wa7ed bgha parfum Dior copie? 3ndi b {price}dh, ri7a katb9a nhar kaml, khlas 3nd twsil. {wa}', [90, 130]],
    ],
    count: 10,
  },
  {
    key: 'maillots-agadir',
    phone: '0700010110',
    accounts: [
      { platform: 'facebook', author: 'Maillots Foot Agadir', url: 'https://facebook.example/maillotsfootagadir' },
      { platform: 'instagram', author: 'maillots_agadir', url: 'https://instagram.example/maillots_agadir' },
    ],
    posts: [
      ['Maillots version thaïlandaise', 'Maillots de foot version thaïlandaise qualité 1:1, flocage inclus, {price}dh. Saison 2026/27 disponible. Agadir, envoi partout. {phone}', [110, 150]],
      ['Survêtements Adidas first copy', 'Survêtements Adidas et Lacoste first copy, tissu de qualité, toutes les tailles, {price} DH. Écrivez-nous en privé.', [220, 300]],
    ],
    count: 8,
  },
];

// ── Ordinary posts: official shops, pharmacies, news, warnings, second-hand, everyday life ──
const BENIGN = [
  ['facebook', 'Pharmacie Al Amal', 'Pharmacie de garde ce week-end à Rabat Agdal. Pour vos ordonnances et conseils, nos pharmaciens sont à votre écoute 7j/7.'],
  ['facebook', 'Douane Info Maroc', 'Les services douaniers ont saisi plus de 12 000 articles de contrefaçon (sacs, montres, baskets) au port de Tanger Med. Attention aux achats en ligne de répliques.'],
  ['facebook', 'Association Consommateurs', 'Attention aux faux médicaments vendus sur internet ! Ne jamais acheter de médicaments sans ordonnance en dehors des pharmacies.'],
  ['instagram', 'nike.store.morocco', 'Nouvelle collection Nike Air Max disponible dans notre boutique officielle Morocco Mall. Produits authentiques avec garantie.'],
  ['avito', 'Youssef B.', 'Vends iPhone 13 128 Go occasion, état impeccable, avec facture d’achat et boîte. 4 200 DH à débattre, Casablanca Maârif.'],
  ['avito', 'Karim E.', 'Appartement à louer à Kénitra, 2 chambres, salon, cuisine équipée, proche de la gare. 3 500 DH par mois.'],
  ['facebook', 'Cuisine de Lalla', 'Recette du tajine aux pruneaux et amandes pour ce vendredi 🥘 Qui veut la recette complète ?'],
  ['twitter', 'TechNews Maroc', 'Le nouveau Samsung Galaxy S26 arrive au Maroc chez les revendeurs agréés à partir de 11 990 DH.'],
  ['facebook', 'Salma R.', 'Quelqu’un connaît une bonne adresse pour réparer une machine à laver à Fès ? Merci d’avance.'],
  ['instagram', 'atelier.zellige.fes', 'Nos tables en zellige faites main à Fès, livraison dans tout le Maroc. Fabrication artisanale, pièces uniques.'],
  ['facebook', 'Hespress Eco', 'La contrefaçon coûte des milliards de dirhams à l’économie marocaine chaque année, selon une étude de l’OMPIC publiée ce mardi.'],
  ['tiktok', 'coach.fitness.rabat', 'Perdre du poids sainement : alimentation équilibrée, sport 3 fois par semaine et sommeil. Pas de pilules miracles !'],
  ['facebook', 'الصيدلية المركزية', 'صيدلية الحراسة هذا الأسبوع بمدينة مراكش، مفتوحة ليلا ونهارا. الأدوية تصرف بوصفة طبية فقط.'],
  ['facebook', 'أخبار الجمارك', 'حجز أزيد من 5000 قطعة من الملابس المقلدة بميناء طنجة المتوسط من طرف عناصر الجمارك'],
  ['facebook', 'Fatima Z.', 'شكون يعرف شي طبيب أسنان مزيان فمكناس؟ بغيت نمشي هاد السيمانة'],
  ['instagram', 'adidas.maroc.officiel', 'Les nouvelles Adidas Samba sont arrivées en boutique officielle à Rabat Arribat Center. Authenticité garantie.'],
  ['avito', 'Hamza L.', 'Vélo VTT Rockrider 27,5 pouces, utilisé 6 mois, très bon état. 1 800 DH, Agadir.'],
  ['facebook', 'Rachid M.', 'Wach chi wa7ed 3ndo fikra 3la l\'école privée f Salé? bghit nsjel wldi'],
  ['facebook', 'Import Export Légal SARL', 'Importation de pièces automobiles depuis l’Espagne, dédouanement complet et droits payés, facture officielle. Devis sur demande.'],
  ['tiktok', 'maman.casa', 'Ma routine du matin avec les enfants avant l’école 🧒👧 #casablanca #maman'],
  ['facebook', 'Info Conso', 'How to spot a fake Rolex: check the weight, the movement and the serial number. Beware of replica sellers on social media.'],
  ['instagram', 'librairie.tanger', 'Arrivage de livres scolaires pour la rentrée, commandez en ligne et retirez en librairie à Tanger.'],
  ['avito', 'Mehdi A.', 'PS5 avec deux manettes et trois jeux, achetée chez un revendeur agréé, facture disponible. 4 500 DH, Rabat.'],
  ['facebook', 'Le Matin Economie', 'Le commerce en ligne progresse de 25 % au Maroc, porté par le paiement à la livraison et les réseaux sociaux.'],
  ['facebook', 'Nadia K.', 'Je cherche une couturière à Tétouan pour une robe de soirée, des recommandations ?'],
  ['instagram', 'cafe.riad.marrakech', 'Petit-déjeuner marocain sur notre terrasse avec vue sur la Koutoubia ☕ Réservation conseillée.'],
  ['facebook', 'ONSSA Info', 'L’ONSSA rappelle que les compléments alimentaires doivent être autorisés avant leur mise sur le marché. Méfiez-vous des produits miracles.'],
  ['facebook', 'Ahmed T.', 'Vends Peugeot 208 2019 diesel, 85 000 km, première main, dédouanée. 125 000 DH, Casablanca.'],
  ['tiktok', 'foot.news.ma', 'Les Lions de l’Atlas qualifiés ! Quelle ambiance hier soir à Rabat 🇲🇦⚽'],
  ['facebook', 'Pharmacie Ibn Sina', 'Nouveau : rayon parapharmacie et conseils nutrition. Les médicaments restent délivrés sur ordonnance.'],
  ['avito', 'Leila S.', 'Robe caftan brodée main, portée une fois, taille 38. 900 DH, Marrakech.'],
  ['facebook', 'Youness O.', 'Ana ghadi l Tanger ghedda, chi wa7ed bgha ychri chi haja men tma? Ma3ndich mouchkil'],
  ['facebook', 'Souk Bio Rabat', 'Huile d’argan pure de la coopérative féminine de Taroudant, 120 DH le flacon de 250 ml, certifiée bio.'],
  ['instagram', 'samsung.maroc', 'Galaxy Buds disponibles chez nos partenaires officiels. Méfiez-vous des copies vendues sur les réseaux sociaux.'],
  ['facebook', 'Omar F.', 'Lost my wallet near Casa Port train station yesterday evening, if anyone found it please message me.'],
  ['facebook', 'مجلة الاقتصاد', 'التجارة الإلكترونية في المغرب تعرف نموا متسارعا، مع انتشار الدفع عند الاستلام'],
  ['tiktok', 'chef.hassan', 'Msemen b l3sel w atay, ftour dyal sbah 😋 #cuisine_marocaine'],
  ['avito', 'Sara M.', 'Canapé d’angle gris en bon état, à récupérer sur place à Meknès. 2 000 DH.'],
  ['facebook', 'Mustapha D.', 'Le marché de Derb Ghallef est toujours aussi animé le samedi, on y trouve de tout pour l’électronique.'],
  ['instagram', 'glow.skin.clinic', 'Consultation dermatologique à Casablanca : diagnostic de peau et soins adaptés prescrits par nos médecins.'],
];

function fill(template, seller, range) {
  const price = range[1] ? Math.round(between(range[0], range[1]) / 10) * 10 : 0;
  const phones = phoneStyles(seller.phone);
  return template
    .replaceAll('{price}', String(price))
    .replaceAll('{phone}', pick(phones))
    .replaceAll('{wa}', wa(seller.phone))
    .replaceAll('{city}', pick(CITIES));
}

const marketplace = [];
const tiktok = [];
let n = 0;
for (const seller of SELLERS) {
  for (let i = 0; i < seller.count; i++) {
    const [title, template, range] = seller.posts[i % seller.posts.length];
    const account = seller.accounts[(i + Math.floor(i / seller.posts.length)) % seller.accounts.length];
    const text = fill(template, seller, range);
    const posted = dateAt(rand());
    n++;
    const id = `${account.platform.slice(0, 2)}-${String(100000 + n * 37).slice(1)}`;
    const price = /(\d[\d ]*)\s?(dh|DH|MAD|درهم)/.exec(text);
    const record = {
      id,
      platform: account.platform,
      kind: account.platform === 'avito' || account.platform === 'web' ? 'listing' : account.platform === 'tiktok' ? 'video' : 'post',
      author: account.author,
      author_url: account.url,
      title: account.platform === 'avito' || account.platform === 'web' ? title : undefined,
      text,
      url: `${account.url.replace(/\/$/, '')}/${account.platform === 'tiktok' ? 'video' : 'p'}/${id}`,
      price: price ? Number(price[1].replace(/\s/g, '')) : undefined,
      currency: price ? 'MAD' : undefined,
      posted_at: posted,
    };
    if (account.platform === 'tiktok') tiktok.push(record);
    else marketplace.push(record);
  }
}

// Reposts: the same ad copied by other accounts (grouped, not counted twice).
// Each reposter is a distinct account: one sharing a seller's phone joins that seller, as it should.
const REPOSTERS = [
  ['facebook', 'Bons Plans Maroc'],
  ['facebook', 'Groupe Achat Vente Casa'],
  ['facebook', 'Vente Rapide Rabat Salé'],
  ['instagram', 'deals.maroc.daily'],
  ['facebook', 'Hicham Revendeur'],
  ['instagram', 'bonnes.affaires.tanger'],
  ['facebook', 'Marché Fès en ligne'],
  ['facebook', 'Zineb Shop'],
  ['instagram', 'promo.agadir'],
  ['facebook', 'Achat Vente Oujda'],
  ['facebook', 'Khalid Dropship'],
  ['instagram', 'casa.deals'],
];
for (const [platform, author] of REPOSTERS) {
  const original = marketplace[Math.floor(rand() * marketplace.length)];
  n++;
  const id = `rp-${String(100000 + n * 37).slice(1)}`;
  marketplace.push({
    id,
    platform,
    kind: 'post',
    author,
    text: `${original.text} ${pick(['', '👍', '🔥🔥', '(partagé)', 'Dispo !'])}`.trim(),
    url: `https://${platform}.example/groups/achat-vente/${id}`,
    posted_at: dateAt(rand()),
  });
}

// Ordinary posts, each from its own account, some of them twice (they post again a few days later).
for (let round = 0; round < 2; round++) {
  for (const [platform, author, text] of BENIGN) {
    if (round === 1 && rand() < 0.45) continue;
    n++;
    const id = `${platform.slice(0, 2)}-${String(100000 + n * 37).slice(1)}`;
    const handle = author.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || `user${n}`;
    const record = {
      id,
      platform,
      kind: platform === 'avito' ? 'listing' : platform === 'tiktok' ? 'video' : 'post',
      author,
      author_url: `https://${platform}.example/${handle}`,
      text: round === 1 ? text.replace(/\.$/, ' !') : text,
      url: `https://${platform}.example/${handle}/${platform === 'tiktok' ? 'video' : 'p'}/${id}`,
      posted_at: dateAt(rand()),
    };
    if (platform === 'tiktok') tiktok.push(record);
    else marketplace.push(record);
  }
}

marketplace.sort((a, b) => a.posted_at.localeCompare(b.posted_at));
tiktok.sort((a, b) => a.posted_at.localeCompare(b.posted_at));

// An export is never perfect: a caption lost and a price the platform wrote as text (located problems).
tiktok.splice(7, 0, { id: 'ti-broken-1', platform: 'tiktok', kind: 'video', author: 'unknown_user', text: '', url: 'https://tiktok.example/@unknown_user/video/ti-broken-1', posted_at: '2026-10-19T10:00:00Z' });
if (tiktok[12]) tiktok[12] = { ...tiktok[12], price: 'prix en DM' };

writeFileSync(join(here, 'marketplace-posts.ndjson'), `${marketplace.map((r) => JSON.stringify(r)).join('\n')}\n`);

const COLUMNS = ['video_id', 'username', 'profile_url', 'caption', 'video_url', 'price', 'currency', 'create_time'];
const csv = (v) => {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
writeFileSync(
  join(here, 'tiktok-videos.csv'),
  `${COLUMNS.join(',')}\n${tiktok
    .map((r) => [r.id, r.author, r.author_url, r.text, r.url, r.price, r.currency, r.posted_at].map(csv).join(','))
    .join('\n')}\n`,
);
console.log(`marketplace-posts.ndjson: ${marketplace.length} records; tiktok-videos.csv: ${tiktok.length} records`);
