/**
 * Brand gazetteer: names as sellers write them (Latin and Arabic script) and typical prices of GENUINE items, per
 * market currency, so that "Rolex 1,200 DH" can be recognised as far below anything genuine. Ranges are rough
 * retail figures (new, official channels, 2024–2025); they only need to be right within a factor of two because a
 * price is flagged when it is under half the lowest genuine price. A product line overrides the brand's range when
 * one of its words appears in the post (a Chanel perfume is not priced like a Chanel bag).
 */

export type PriceRange = [min: number, max: number];
export interface GenuinePrices {
  MAD: PriceRange;
  EUR: PriceRange;
  USD: PriceRange;
}
export interface ProductLine {
  name: string;
  aliases: string[];
  genuine: GenuinePrices;
}
export interface Brand {
  name: string;
  aliases: string[];
  /** Aliases that are also ordinary words ("supreme", "off white"): counted only when capitalised in the post. */
  capitalisedAliases?: string[];
  genuine: GenuinePrices;
  products?: ProductLine[];
}

/** MAD range with EUR/USD ranges derived from list prices (close to MAD / 10 in practice for these brands). */
const r = (min: number, max: number, eur?: PriceRange, usd?: PriceRange): GenuinePrices => ({
  MAD: [min, max],
  EUR: eur ?? [Math.round(min / 10.5), Math.round(max / 10.5)],
  USD: usd ?? [Math.round(min / 9.5), Math.round(max / 9.5)],
});
const PERFUME = [
  'parfum',
  'parfums',
  'perfume',
  'perfumes',
  'eau de parfum',
  'عطر',
  'عطور',
  'sauvage',
  'n 5',
  'ri7a',
];
const BAG = [
  'sac',
  'sacs',
  'bag',
  'bags',
  'bolso',
  'bolsos',
  'شنطة',
  'شنط',
  'neverfull',
  'speedy',
  'flap',
  'sacoche',
];
const BELT = ['ceinture', 'ceintures', 'belt', 'belts', 'cinturón', 'حزام'];

export const BRANDS: Brand[] = [
  {
    name: 'Nike',
    aliases: [
      'nike',
      'نايك',
      'نايكي',
      'air max',
      'air force',
      'air force 1',
      'af1',
      'dunk',
      'air jordan',
      'jordan 1',
      'jordan 4',
      'jordan',
    ],
    genuine: r(500, 2500, [50, 250], [55, 250]),
    products: [
      { name: 'Jordan', aliases: ['jordan', 'air jordan'], genuine: r(1400, 3000, [130, 250], [140, 250]) },
      { name: 'Air Force 1', aliases: ['air force', 'af1'], genuine: r(1100, 1600, [110, 150], [110, 150]) },
      { name: 'Dunk', aliases: ['dunk'], genuine: r(1000, 1800, [110, 180], [110, 180]) },
      { name: 'Air Max', aliases: ['air max'], genuine: r(1200, 2200, [130, 220], [130, 220]) },
    ],
  },
  {
    name: 'Adidas',
    aliases: ['adidas', 'أديداس', 'اديداس', 'yeezy', 'samba'],
    genuine: r(400, 2200, [40, 220], [45, 230]),
    products: [{ name: 'Yeezy', aliases: ['yeezy'], genuine: r(2200, 4000, [220, 350], [230, 350]) }],
  },
  {
    name: 'Louis Vuitton',
    aliases: ['louis vuitton', 'vuitton', 'lv', 'لويس فيتون', 'لوي فيتون'],
    genuine: r(6000, 60000, [500, 6000], [550, 6500]),
  },
  {
    name: 'Gucci',
    aliases: ['gucci', 'غوتشي', 'قوتشي', 'جوتشي', 'غوشي'],
    genuine: r(4000, 40000, [350, 4000], [400, 4500]),
  },
  {
    name: 'Rolex',
    aliases: ['rolex', 'رولكس', 'روليكس', 'daytona', 'submariner', 'datejust'],
    genuine: r(60000, 500000, [6000, 50000], [6500, 55000]),
  },
  {
    name: 'Chanel',
    aliases: ['chanel', 'شانيل', 'شنيل'],
    genuine: r(1200, 120000, [110, 11000], [120, 12000]),
    products: [
      { name: 'perfume', aliases: PERFUME, genuine: r(1200, 2500, [110, 250], [120, 250]) },
      {
        name: 'bag',
        aliases: [...BAG, 'classic flap'],
        genuine: r(80000, 120000, [8000, 11000], [9000, 12000]),
      },
    ],
  },
  {
    name: 'Dior',
    aliases: ['dior', 'ديور', 'christian dior'],
    genuine: r(900, 60000, [90, 5500], [100, 6000]),
    products: [
      { name: 'perfume', aliases: PERFUME, genuine: r(900, 2200, [90, 200], [100, 220]) },
      { name: 'bag', aliases: BAG, genuine: r(25000, 60000, [2500, 5500], [2800, 6000]) },
    ],
  },
  {
    name: 'Apple',
    aliases: [
      'apple',
      'iphone',
      'airpods',
      'air pods',
      'macbook',
      'ipad',
      'apple watch',
      'ايفون',
      'آيفون',
      'أيفون',
      'ابل',
      'آبل',
    ],
    genuine: r(1500, 30000, [150, 3000], [130, 3000]),
    products: [
      { name: 'AirPods', aliases: ['airpods', 'air pods'], genuine: r(1500, 3000, [140, 280], [130, 250]) },
      {
        name: 'iPhone',
        aliases: ['iphone', 'ايفون', 'آيفون', 'أيفون'],
        genuine: r(7000, 20000, [700, 1900], [700, 1600]),
      },
      {
        name: 'Apple Watch',
        aliases: ['apple watch', 'watch ultra'],
        genuine: r(3000, 10000, [300, 900], [250, 800]),
      },
      { name: 'MacBook', aliases: ['macbook'], genuine: r(10000, 30000, [1000, 3000], [1000, 3000]) },
      {
        name: 'charger',
        aliases: ['chargeur', 'chargeurs', 'charger', 'câble', 'cable'],
        genuine: r(150, 400, [20, 50], [20, 50]),
      },
    ],
  },
  {
    name: 'Samsung',
    aliases: ['samsung', 'سامسونج', 'سامسونغ', 'galaxy s24', 'galaxy s23'],
    genuine: r(1500, 16000, [150, 1500], [150, 1400]),
    products: [
      {
        name: 'Galaxy S',
        aliases: ['s24', 's23', 'ultra', 'galaxy s24', 'galaxy s23'],
        genuine: r(8000, 16000, [800, 1500], [800, 1400]),
      },
      {
        name: 'charger',
        aliases: ['chargeur', 'chargeurs', 'charger', 'câble', 'cable'],
        genuine: r(150, 400, [20, 50], [20, 50]),
      },
    ],
  },
  {
    name: 'Hermès',
    aliases: ['hermès', 'hermes', 'هيرميس', 'هرمس', 'birkin'],
    genuine: r(4000, 500000, [400, 40000], [450, 45000]),
    products: [
      { name: 'belt', aliases: BELT, genuine: r(6000, 12000, [600, 1100], [650, 1200]) },
      {
        name: 'Birkin',
        aliases: ['birkin', 'kelly'],
        genuine: r(90000, 500000, [9000, 40000], [10000, 45000]),
      },
    ],
  },
  {
    name: 'Balenciaga',
    aliases: ['balenciaga', 'بالنسياغا', 'triple s'],
    genuine: r(5000, 30000, [500, 3000], [550, 3200]),
  },
  { name: 'Lacoste', aliases: ['lacoste', 'لاكوست'], genuine: r(700, 3000, [80, 300], [90, 320]) },
  {
    name: 'Ray-Ban',
    aliases: ['ray ban', 'rayban', 'راي بان', 'wayfarer'],
    genuine: r(1300, 3000, [130, 300], [150, 300]),
  },
  {
    name: 'Cartier',
    aliases: ['cartier', 'كارتييه', 'كارتيه', 'كارتير'],
    genuine: r(7000, 300000, [700, 30000], [750, 32000]),
  },
  {
    name: 'Omega',
    aliases: ['omega', 'أوميغا', 'اوميغا', 'اوميجا', 'seamaster', 'speedmaster'],
    genuine: r(40000, 150000, [4000, 15000], [4500, 16000]),
  },
  {
    name: 'Dyson',
    aliases: ['dyson', 'دايسون', 'airwrap'],
    genuine: r(3500, 7500, [300, 700], [300, 700]),
    products: [{ name: 'Airwrap', aliases: ['airwrap'], genuine: r(5500, 7000, [500, 650], [500, 650]) }],
  },
  { name: 'Pandora', aliases: ['pandora', 'باندورا'], genuine: r(400, 3000, [40, 300], [45, 320]) },
  { name: 'Prada', aliases: ['prada', 'برادا'], genuine: r(8000, 50000, [800, 4500], [850, 5000]) },
  { name: 'Michael Kors', aliases: ['michael kors'], genuine: r(1500, 5000, [150, 500], [150, 500]) },
  {
    name: 'Christian Louboutin',
    aliases: ['louboutin', 'christian louboutin', 'semelle rouge'],
    genuine: r(6000, 15000, [600, 1400], [650, 1500]),
  },
  {
    name: 'Audemars Piguet',
    aliases: ['audemars piguet', 'royal oak'],
    genuine: r(250000, 2000000, [25000, 200000], [27000, 220000]),
  },
  {
    name: 'Patek Philippe',
    aliases: ['patek philippe', 'patek'],
    genuine: r(300000, 3000000, [30000, 300000], [32000, 320000]),
  },
  { name: 'Hublot', aliases: ['hublot'], genuine: r(80000, 500000, [8000, 50000], [8500, 55000]) },
  { name: 'TAG Heuer', aliases: ['tag heuer'], genuine: r(15000, 80000, [1500, 8000], [1600, 8500]) },
  { name: 'Versace', aliases: ['versace', 'فيرساتشي'], genuine: r(2000, 30000, [200, 3000], [220, 3200]) },
  { name: 'Burberry', aliases: ['burberry'], genuine: r(3000, 30000, [300, 3000], [320, 3200]) },
  { name: 'Moncler', aliases: ['moncler'], genuine: r(8000, 30000, [800, 3000], [850, 3200]) },
  { name: 'Stone Island', aliases: ['stone island'], genuine: r(2500, 12000, [250, 1200], [270, 1300]) },
  {
    name: 'Off-White',
    aliases: [],
    capitalisedAliases: ['off-white', 'off white'],
    genuine: r(2500, 15000, [250, 1500], [270, 1600]),
  },
  {
    name: 'Supreme',
    aliases: [],
    capitalisedAliases: ['supreme'],
    genuine: r(700, 6000, [70, 600], [75, 650]),
  },
  {
    name: 'Ralph Lauren',
    aliases: ['ralph lauren', 'polo ralph lauren'],
    genuine: r(800, 5000, [80, 500], [90, 550]),
  },
  { name: 'Tommy Hilfiger', aliases: ['tommy hilfiger'], genuine: r(500, 3000, [50, 300], [55, 320]) },
  { name: 'Calvin Klein', aliases: ['calvin klein'], genuine: r(300, 3000, [30, 300], [35, 320]) },
  {
    name: 'Yves Saint Laurent',
    aliases: ['yves saint laurent', 'saint laurent', 'ysl'],
    genuine: r(1000, 40000, [100, 4000], [110, 4200]),
  },
  { name: 'Fendi', aliases: ['fendi'], genuine: r(8000, 50000, [800, 4500], [850, 5000]) },
  { name: 'Carolina Herrera', aliases: ['carolina herrera'], genuine: r(900, 2500, [80, 200], [90, 220]) },
  {
    name: 'Sony',
    aliases: ['sony', 'playstation', 'ps5', 'سوني'],
    genuine: r(600, 7000, [60, 600], [65, 550]),
    products: [
      {
        name: 'controller',
        aliases: ['manette', 'manettes', 'controller', 'dualsense'],
        genuine: r(600, 900, [60, 80], [65, 80]),
      },
    ],
  },
  { name: 'Puma', aliases: ['puma', 'بوما'], genuine: r(400, 1500, [40, 150], [45, 160]) },
  { name: 'New Balance', aliases: ['new balance'], genuine: r(800, 2200, [80, 220], [85, 230]) },
  {
    name: 'The North Face',
    aliases: ['the north face', 'north face'],
    genuine: r(800, 6000, [80, 600], [85, 650]),
  },
];
