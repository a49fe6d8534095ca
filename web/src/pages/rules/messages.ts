/** Messages of the rules and campaigns pages (French, English, Arabic); see MessageBundle in i18n/index.ts. */
import type { MessageBundle } from '../../i18n/index.ts';

export const rulesMessages: MessageBundle = {
  fr: {},
  en: {},
  ar: {},
};
