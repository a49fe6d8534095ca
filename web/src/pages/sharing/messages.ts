/** Messages of the cooperation pages: messages and groups, partners, mutual assistance, the ledger (French, English, Arabic). */
import type { MessageBundle } from '../../i18n/bundle.ts';
import ar from './messages.ar.json';
import en from './messages.en.json';
import fr from './messages.fr.json';

/** Checked against French: a key missing in English or Arabic fails the type check. */
export const sharingMessages: MessageBundle = {
  fr,
  en: en satisfies typeof fr,
  ar: ar satisfies typeof fr,
};
