/** Messages of the parcels pages: the queue, a parcel, the examiners and "my inspections" (French, English, Arabic). */
import type { MessageBundle } from '../../i18n/bundle.ts';
import ar from './messages.ar.json';
import en from './messages.en.json';
import fr from './messages.fr.json';

/** Checked against French: a key missing in English or Arabic fails the type check. */
export const parcelsMessages: MessageBundle = {
  fr,
  en: en satisfies typeof fr,
  ar: ar satisfies typeof fr,
};
