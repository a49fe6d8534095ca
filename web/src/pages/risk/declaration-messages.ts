/** Messages of the risk panel of a declaration (French, English, Arabic: the JSON files beside this one); see MessageBundle in i18n/bundle.ts. */
import type { MessageBundle } from '../../i18n/bundle.ts';
import ar from './declaration-messages.ar.json';
import en from './declaration-messages.en.json';
import fr from './declaration-messages.fr.json';

/** Checked against French: a key missing in English or Arabic fails the type check. */
export const declarationRiskMessages: MessageBundle = {
  fr,
  en: en satisfies typeof fr,
  ar: ar satisfies typeof fr,
};
