/**
 * Coordinates of Moroccan cities (longitude, latitude; public facts, rounded to 0.01°) for the map: an entity is
 * placed by its own coordinates when it has them, else by its city's. Names are matched folded (case, accents,
 * spaces, hyphens, a leading "el"/"al"), with the usual French, English and Arabic spellings.
 */
const CITIES: [string[], number, number][] = [
  [['casablanca', 'casa', 'dar el beida', 'الدار البيضاء'], -7.59, 33.57],
  [['rabat', 'الرباط'], -6.84, 34.02],
  [['sale', 'salé', 'سلا'], -6.8, 34.05],
  [['temara', 'témara', 'تمارة'], -6.91, 33.93],
  [['tanger', 'tangier', 'tangiers', 'طنجة'], -5.83, 35.76],
  [['tetouan', 'tétouan', 'تطوان'], -5.37, 35.57],
  [['fes', 'fès', 'fez', 'فاس'], -5.0, 34.03],
  [['meknes', 'meknès', 'مكناس'], -5.55, 33.9],
  [['marrakech', 'marrakesh', 'مراكش'], -8.0, 31.63],
  [['agadir', 'أكادير'], -9.6, 30.42],
  [['inezgane', 'إنزكان'], -9.54, 30.36],
  [['oujda', 'وجدة'], -1.91, 34.68],
  [['nador', 'الناظور'], -2.93, 35.17],
  [['kenitra', 'kénitra', 'القنيطرة'], -6.58, 34.26],
  [['mohammedia', 'المحمدية'], -7.38, 33.69],
  [['el jadida', 'الجديدة'], -8.5, 33.25],
  [['safi', 'آسفي'], -9.24, 32.3],
  [['beni mellal', 'béni mellal', 'بني ملال'], -6.35, 32.34],
  [['khouribga', 'خريبكة'], -6.91, 32.88],
  [['settat', 'سطات'], -7.62, 33.0],
  [['berrechid', 'برشيد'], -7.59, 33.27],
  [['taza', 'تازة'], -4.01, 34.21],
  [['errachidia', 'الرشيدية'], -4.42, 31.93],
  [['ouarzazate', 'ورزازات'], -6.89, 30.92],
  [['guelmim', 'كلميم'], -10.06, 28.99],
  [['tan-tan', 'tan tan', 'طانطان'], -11.1, 28.44],
  [['laayoune', 'laâyoune', 'العيون'], -13.2, 27.15],
  [['smara', 'es-semara', 'السمارة'], -11.66, 26.74],
  [['dakhla', 'الداخلة'], -15.94, 23.68],
  [['larache', 'العرائش'], -6.16, 35.19],
  [['ksar el kebir', 'ksar el kébir', 'القصر الكبير'], -5.9, 35.0],
  [['essaouira', 'الصويرة'], -9.77, 31.51],
  [['al hoceima', 'الحسيمة'], -3.93, 35.25],
  [['tiznit', 'تيزنيت'], -9.73, 29.7],
  [['taroudant', 'تارودانت'], -8.88, 30.47],
  [['khemisset', 'khémisset', 'الخميسات'], -6.07, 33.82],
  [['berkane', 'بركان'], -2.32, 34.92],
  [['fnideq', 'الفنيدق'], -5.36, 35.85],
  [['ifrane', 'إفران'], -5.11, 33.53],
  [['azrou', 'أزرو'], -5.22, 33.43],
  [['tinghir', 'تنغير'], -5.53, 31.51],
  [['zagora', 'زاكورة'], -5.84, 30.33],
  [['figuig', 'فكيك'], -1.23, 32.11],
  [['chefchaouen', 'شفشاون'], -5.27, 35.17],
  [['bouskoura', 'بوسكورة'], -7.65, 33.45],
  [['had soualem', 'حد السوالم'], -7.85, 33.42],
];

/** A city name folded for matching. */
export function foldCity(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-_'’.]/g, ' ')
    .replace(/^(el|al)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_NAME = new Map<string, [number, number]>();
for (const [names, lon, lat] of CITIES) for (const n of names) BY_NAME.set(foldCity(n), [lon, lat]);

/** [longitude, latitude] of a Moroccan city, or null when the map does not know it. */
export function cityCoordinates(name: string | null | undefined): [number, number] | null {
  if (!name) return null;
  return BY_NAME.get(foldCity(name)) ?? null;
}
