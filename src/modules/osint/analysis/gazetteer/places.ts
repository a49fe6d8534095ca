/**
 * Moroccan cities and the districts known for counterfeit trade (Derb Ghallef, Derb Omar, Garage Allal…), with the
 * spellings sellers use (French, English, Spanish, Arabic, Darija nicknames such as "Casa", "Kech"), plus origin
 * countries and sourcing hubs. Names that are also common words are excluded or guarded: "safi" means "enough" in
 * Darija, "sale" is English, "الجديدة" means "the new", so Safi and Salé are only taken in forms that cannot be
 * confused (Arabic script, or "Salé" with its accent).
 */

export interface CityEntry {
  name: string;
  aliases: string[];
  /** Aliases that only count with their accent, as written in the original text (e.g. "Salé" but not "sale"). */
  accentedAliases?: string[];
  districts?: { name: string; aliases: string[] }[];
}

export const CITIES: CityEntry[] = [
  {
    name: 'Casablanca',
    aliases: [
      'casablanca',
      'casa',
      'dar el beida',
      'dar beida',
      'dar lbida',
      'الدار البيضاء',
      'الدارالبيضاء',
      'كازا',
      'كازابلانكا',
    ],
    districts: [
      {
        name: 'Derb Ghallef',
        aliases: ['derb ghallef', 'derb ghalef', 'derb ghalf', 'derb ghellef', 'درب غلف'],
      },
      { name: 'Derb Omar', aliases: ['derb omar', 'derb 3mar', 'درب عمر'] },
      { name: 'Derb Sultan', aliases: ['derb sultan', 'derb soltane', 'درب السلطان'] },
      { name: 'Garage Allal', aliases: ['garage allal', 'garage 3lal', 'كراج علال'] },
      { name: 'Maarif', aliases: ['maarif', 'maârif', 'المعاريف'] },
      { name: 'Hay Mohammadi', aliases: ['hay mohammadi', 'الحي المحمدي'] },
      { name: 'Ain Sebaa', aliases: ['ain sebaa', 'عين السبع'] },
      { name: 'Sidi Maarouf', aliases: ['sidi maarouf', 'سيدي معروف'] },
      { name: 'Anfa', aliases: ['anfa', 'anfa place', 'أنفا'] },
      { name: 'Morocco Mall', aliases: ['morocco mall'] },
      { name: 'Kissariat Al Hafarie', aliases: ['kissariat', 'qissariat', 'القيسارية'] },
    ],
  },
  {
    name: 'Rabat',
    aliases: ['rabat', 'الرباط', 'rbat'],
    districts: [{ name: 'Agdal', aliases: ['agdal', 'أكدال'] }],
  },
  { name: 'Salé', aliases: ['سلا', 'sla'], accentedAliases: ['salé'] },
  {
    name: 'Tangier',
    aliases: ['tanger', 'tangier', 'tangiers', 'tanja', 'tánger', 'طنجة'],
    districts: [{ name: 'Tanger Med', aliases: ['tanger med', 'طنجة المتوسط'] }],
  },
  { name: 'Fès', aliases: ['fes', 'fès', 'fez', 'fass', 'فاس'] },
  { name: 'Marrakech', aliases: ['marrakech', 'marrakesh', 'marakech', 'mrakch', 'kech', 'مراكش'] },
  { name: 'Agadir', aliases: ['agadir', 'أكادير', 'اكادير', 'أگادير'] },
  { name: 'Oujda', aliases: ['oujda', 'wjda', 'وجدة'] },
  { name: 'Nador', aliases: ['nador', 'الناظور', 'ناظور'] },
  { name: 'Kénitra', aliases: ['kenitra', 'kénitra', 'knitra', 'القنيطرة'] },
  { name: 'Meknès', aliases: ['meknes', 'meknès', 'mekness', 'مكناس'] },
  { name: 'Tétouan', aliases: ['tetouan', 'tétouan', 'tetuan', 'tetwan', 'تطوان'] },
  { name: 'Laâyoune', aliases: ['laayoune', 'laâyoune', 'layoune', 'el aaiun', 'العيون'] },
  { name: 'Mohammedia', aliases: ['mohammedia', 'mohammédia', 'المحمدية'] },
  { name: 'El Jadida', aliases: ['el jadida', 'eljadida'] },
  { name: 'Safi', aliases: ['آسفي', 'اسفي'] },
  { name: 'Béni Mellal', aliases: ['beni mellal', 'béni mellal', 'بني ملال'] },
  { name: 'Khouribga', aliases: ['khouribga', 'خريبكة'] },
  { name: 'Settat', aliases: ['settat', 'سطات'] },
  { name: 'Larache', aliases: ['larache', 'العرائش'] },
  { name: 'Taza', aliases: ['taza', 'تازة'] },
  { name: 'Essaouira', aliases: ['essaouira', 'الصويرة'] },
  { name: 'Ouarzazate', aliases: ['ouarzazate', 'ورزازات'] },
  { name: 'Errachidia', aliases: ['errachidia', 'الرشيدية'] },
  { name: 'Dakhla', aliases: ['dakhla', 'الداخلة'] },
  { name: 'Fnideq', aliases: ['fnideq', 'fnidek', 'castillejos', 'الفنيدق'] },
  { name: 'Ceuta', aliases: ['ceuta', 'sebta', 'سبتة', 'bab sebta', 'باب سبتة'] },
  { name: 'Melilla', aliases: ['melilla', 'mlilia', 'mlilya', 'مليلية'] },
];

export interface CountryEntry {
  name: string;
  code: string;
  kind: 'country' | 'hub';
  aliases: string[];
}

/**
 * "sin" alone is Darija for China but Spanish for "without"; it is only taken after a preposition (see the
 * phrases "men sin", "f sin"), and "ssin" with its double s.
 */
export const COUNTRIES: CountryEntry[] = [
  {
    name: 'China',
    code: 'CN',
    kind: 'country',
    aliases: [
      'china',
      'chine',
      'chinois',
      'chinese',
      'الصين',
      'صيني',
      'الشينوا',
      'chinwa',
      'ssin',
      'men sin',
      'mn sin',
      'mel sin',
      'min sin',
      'f sin',
      'fe sin',
      'l sin',
      'shina',
    ],
  },
  {
    name: 'Guangzhou',
    code: 'CN',
    kind: 'hub',
    aliases: ['guangzhou', 'canton', 'غوانزو', 'كوانزو', 'قوانغتشو'],
  },
  { name: 'Yiwu', code: 'CN', kind: 'hub', aliases: ['yiwu', 'ييوو', 'ايوو'] },
  { name: 'Shenzhen', code: 'CN', kind: 'hub', aliases: ['shenzhen', 'شنتشن', 'شينزين'] },
  { name: 'Putian', code: 'CN', kind: 'hub', aliases: ['putian'] },
  { name: 'Hong Kong', code: 'HK', kind: 'hub', aliases: ['hong kong', 'hongkong', 'هونغ كونغ'] },
  {
    name: 'Turkey',
    code: 'TR',
    kind: 'country',
    aliases: ['turkey', 'turquie', 'turquía', 'turkia', 'torkia', 'turkiya', 'تركيا', 'turc', 'turque'],
  },
  {
    name: 'Istanbul',
    code: 'TR',
    kind: 'hub',
    aliases: ['istanbul', 'stamboul', 'stanbul', 'اسطنبول', 'إسطنبول'],
  },
  {
    name: 'United Arab Emirates',
    code: 'AE',
    kind: 'country',
    aliases: ['emirates', 'émirats', 'uae', 'الإمارات', 'الامارات'],
  },
  { name: 'Dubai', code: 'AE', kind: 'hub', aliases: ['dubai', 'dubaï', 'دبي'] },
  {
    name: 'Spain',
    code: 'ES',
    kind: 'country',
    aliases: ['spain', 'espagne', 'españa', 'espana', 'اسبانيا', 'إسبانيا', 'sbanya', 'sbania'],
  },
  { name: 'France', code: 'FR', kind: 'country', aliases: ['france', 'فرنسا', 'fransa'] },
  {
    name: 'Italy',
    code: 'IT',
    kind: 'country',
    aliases: ['italy', 'italie', 'italia', 'ايطاليا', 'إيطاليا'],
  },
  { name: 'India', code: 'IN', kind: 'country', aliases: ['india', 'inde', 'الهند'] },
  {
    name: 'Thailand',
    code: 'TH',
    kind: 'country',
    aliases: ['thailand', 'thaïlande', 'tailandia', 'تايلاند'],
  },
  { name: 'Vietnam', code: 'VN', kind: 'country', aliases: ['vietnam', 'viet nam', 'فيتنام'] },
  { name: 'Pakistan', code: 'PK', kind: 'country', aliases: ['pakistan', 'باكستان'] },
  { name: 'Bangladesh', code: 'BD', kind: 'country', aliases: ['bangladesh'] },
  { name: 'Switzerland', code: 'CH', kind: 'country', aliases: ['switzerland', 'suisse', 'swiss', 'سويسرا'] },
];
