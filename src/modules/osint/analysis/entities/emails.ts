/**
 * E-mail addresses, plain or spelled out to dodge filters: "name at domain dot com", "name (at) domain.fr",
 * "name [at] domain [dot] com" (the bracketed forms are already "@" and "." after `cleanForWeb`). Addresses are
 * lower-cased. A spelled or spaced "at" is an address only when the domain is spelled too ("dot"), or when it is a
 * known mail provider and the word before it is not an ordinary word ("look at gmail.com" is not an address).
 */
import { isTld } from './tlds.ts';

export interface EmailMatch {
  email: string;
  /** Offsets in the text given. */
  start: number;
  end: number;
}

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOT = String.raw`(?:[ \t]*\.[ \t]*|[ \t]+(?:dot|DOT|Dot|point|POINT|Point)[ \t]+)`;
const EMAIL_RE = new RegExp(
  String.raw`(?<![\w.%+\-])([A-Za-z0-9._%+\-]{1,64})([ \t]*@[ \t]*|[ \t]+(?:at|AT|At)[ \t]+)(${LABEL}(?:${DOT}${LABEL}){1,4})(?![\w\-]|\.[A-Za-z0-9])`,
  'g',
);

const PROVIDERS = new Set([
  'gmail',
  'googlemail',
  'yahoo',
  'ymail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'icloud',
  'me',
  'aol',
  'protonmail',
  'proton',
  'gmx',
  'mail',
  'yandex',
  'zoho',
  'orange',
  'free',
  'laposte',
  'wanadoo',
  'menara',
  'rediffmail',
  'qq',
  '163',
  'web',
]);

/** Words that stand before "at" in ordinary sentences. */
const NOT_LOCAL = new Set(
  'look looking me us him her them it this that here there email mail contact write visit find see reach meet arrive be is are was were available online call message sale buy home work price only and or we you they i he she sold made born based located found stay staying live living arrived arrives good best now buy sell selling shop priced starting start starts'.split(
    ' ',
  ),
);

/**
 * E-mail addresses in a text (run it on the `cleanForWeb` text so that "[at]" and "&#064;" are already "@").
 *
 * @example
 * extractEmails('écrire à contact at boutique-luxe dot ma').map((e) => e.email); // ['contact@boutique-luxe.ma']
 */
export function extractEmails(text: string): EmailMatch[] {
  if (!/@|\b(?:at|AT|At)\b/.test(text)) return [];
  const out: EmailMatch[] = [];
  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(text); m; m = EMAIL_RE.exec(text)) {
    const [whole, local, sep, domainRaw] = m as unknown as [string, string, string, string];
    const spelledAt = sep.trim() !== '@';
    const spacedAt = sep !== '@';
    const spelledDot = /[ \t]/.test(domainRaw);
    const domain = domainRaw.replace(new RegExp(DOT, 'g'), '.').toLowerCase();
    const labels = domain.split('.');
    const tld = labels[labels.length - 1]!;
    let ok = isTld(tld) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
    if (ok && (spelledAt || spacedAt || spelledDot)) {
      const spelledDotWord = /[ \t](?:dot|point)[ \t]/i.test(domainRaw);
      // "name @ gmail.com" and "name at shop dot ma" are addresses; "insta @luxe.ma" is a handle and "look at
      // example.com" a sentence: a spaced or spelled "@" needs a spelled dot or a known mail provider.
      ok = spelledDotWord || (!NOT_LOCAL.has(local.toLowerCase()) && PROVIDERS.has(labels[0]!));
    }
    if (!ok) {
      // Retry just after the local part: "see you at paris contact@shop.ma" must still find the address.
      EMAIL_RE.lastIndex = m.index + Math.max(1, local.length);
      continue;
    }
    out.push({ email: `${local}@${domain}`.toLowerCase(), start: m.index, end: m.index + whole.length });
  }
  return out;
}
