/** Messages of the targeting pages (French, English, Arabic); see MessageBundle in i18n/index.ts. */
import type { MessageBundle } from '../../i18n/index.ts';

export const riskMessages: MessageBundle = {
  fr: {},
  en: {},
  ar: {},
};
