/**
 * Language of a post: French, English, Spanish, Arabic script, Moroccan Darija in Latin letters (arabizi), or
 * undetermined, with the other languages code-switched in.
 *
 * franc-min does not know arabizi and is unreliable on short posts, so words decide first: function words of each
 * language, a Darija vocabulary, and arabizi spellings (digits 2/3/7/9 used as letters: "m3a", "wa7ed", "3ndi").
 * franc only breaks real ties between French, English and Spanish on the Latin part, cut to 120 characters because
 * its cost grows with length (it took a third of the analysis time on 500-character posts) and a sentence says enough.
 */
import { francAll } from 'franc-min';
import type { Token } from './normalize.ts';
import type { LanguageCode, LanguageGuess } from './types.ts';

const WORDS: Record<'fr' | 'en' | 'es' | 'ary', Set<string>> = {
  fr: new Set(
    'le les des du et est pour avec dans sur une au aux qui vous nous votre notre cette ces sont tres chez mais ou pas de la un en ne plus tout tous sans prix livraison seulement disponible qualite'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the and for with is are to of in on only you your our we this that from at by it be not all now order price available shipping quality my new'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el los las y con para por del es una al tu su sus nuestro nuestra envio precio calidad muy sin hasta pedidos de la en un que se'.split(
      ' ',
    ),
  ),
  ary: new Set(
    'bghit bghiti bgha khouya khoya khouti khoti dyal dial dyali dyalha dyalek wach wash mzyan mzyana mezyan flouss flous 3ndi 3ndna 3ndo 3andi kayn kayna kaynin makaynch machi mashi bzaf bzzaf daba ghir ghadi hadi hada chi wa7ed wahed l7aja lhaja m3a m3aya 3la kifach 3lach 3afak safi walo bla tawsil twsil tmen tmn thaman lmodon jdid jdad sl3a sel3a diwana b7al ychri nchri nbi3 kaybi3o katbi3 chriw rah raha wakha zwin zwina ga3 kolchi koulchi bach bash lyouma lyoum ghda kanjibou jaya jayin wslat wasel khlas fabor simana chhar sghir sghar lwalida mrida mochkil chkoun fiha ydwi ychof lbal bghina nta nti homa 7na dyalna tkhlsch kan9smo ntija natija'.split(
      ' ',
    ),
  ),
};

/** Latin words written with digits standing for Arabic letters; model numbers and units ("s24", "100mg") are not. */
const ARABIZI = /^(?:[a-z]*[a-z][2379][a-z]+[a-z0-9]*|[2379][a-z]{2,})$/;
const UNITS = /^\d+(?:dh|dhs|mg|ml|kg|gb|go|mm|cm|km|mcg|eme|er|ere|th|st|nd|rd|x|k|h|min|ans|mois|pcs)$/;

/**
 * Guesses the language from the post's tokens (already folded by normalize.ts).
 *
 * @example
 * detectLanguage(tokenize(normalizeText('salam khouya bghit nchri wach kayn'))).language; // 'ary'
 */
export function detectLanguage(tokens: readonly Token[], folded: string): LanguageGuess {
  let arabic = 0;
  let latin = 0;
  const hits = { fr: 0, en: 0, es: 0, ary: 0 };
  for (const t of tokens) {
    if (t.script === 'arabic') {
      arabic += t.key.length;
      continue;
    }
    if (t.script !== 'latin') continue;
    latin += t.key.length;
    const k = t.key;
    if (WORDS.fr.has(k)) hits.fr++;
    if (WORDS.en.has(k)) hits.en++;
    if (WORDS.es.has(k)) hits.es++;
    if (WORDS.ary.has(k) || (ARABIZI.test(k) && !UNITS.test(k))) hits.ary++;
  }
  const letters = arabic + latin;
  const script: LanguageGuess['script'] =
    letters === 0 ? 'none' : arabic / letters > 0.8 ? 'arabic' : latin / letters > 0.8 ? 'latin' : 'mixed';
  if (letters === 0) return { language: 'und', also: [], script };

  const latinGuess = latin > 0 ? guessLatin(hits, folded) : 'und';
  const also: LanguageCode[] = [];
  let language: LanguageCode;
  if (arabic >= latin) {
    language = 'ar';
    if (latin / letters >= 0.2 && latinGuess !== 'und') also.push(latinGuess);
  } else {
    language = latinGuess;
    if (arabic / letters >= 0.2) also.push('ar');
  }
  // Code-switching inside the Latin part (French words in Darija posts are the rule, not the exception).
  for (const code of ['ary', 'fr', 'en', 'es'] as const) {
    if (
      code !== language &&
      !also.includes(code) &&
      hits[code] >= 2 &&
      hits[code] >= hits[latinGuess as 'fr'] / 2
    ) {
      also.push(code);
    }
  }
  return { language, also, script };
}

function guessLatin(hits: Record<'fr' | 'en' | 'es' | 'ary', number>, folded: string): LanguageCode {
  const ranked = (['fr', 'en', 'es'] as const).map((c) => [c, hits[c]] as const).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  // Arabizi: a couple of Darija words outweigh the French nouns mixed into the same post.
  if (hits.ary >= 2 && hits.ary >= top![1] / 2) return 'ary';
  if (top![1] >= 2 && top![1] >= 2 * second![1]) return top![0];
  if (top![1] >= 4 && top![1] >= 1.5 * second![1]) return top![0];
  const sample = folded
    .slice(0, 240)
    .replace(/[\u0600-\u06ff]+/g, ' ')
    .slice(0, 160);
  const franc = francAll(sample, { only: ['fra', 'eng', 'spa'], minLength: 10 })[0]?.[0];
  if (franc === 'fra') return 'fr';
  if (franc === 'eng') return 'en';
  if (franc === 'spa') return 'es';
  if (hits.ary >= 1) return 'ary';
  return top![1] > 0 ? top![0] : 'und';
}
