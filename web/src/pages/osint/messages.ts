/** Messages of the online-monitoring pages (French, English, Arabic); see MessageBundle in i18n/index.ts. */
import type { MessageBundle } from '../../i18n/index.ts';

export const osintMessages: MessageBundle = {
  fr: {},
  en: {},
  ar: {},
};
