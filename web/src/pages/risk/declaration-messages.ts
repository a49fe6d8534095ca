/** Messages of the risk panel of a declaration (French, English, Arabic); see MessageBundle in i18n/index.ts. */
import type { MessageBundle } from '../../i18n/index.ts';

export const declarationRiskMessages: MessageBundle = {
  fr: {},
  en: {},
  ar: {},
};
