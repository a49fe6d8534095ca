/**
 * A period as "from – to", "from – …" or "… – to", or the page's word for no bound at all ("always", "any date"):
 * the profiles' validity and the campaigns' windows showed it in two copies.
 */
import { formatDate } from '../i18n/index.ts';

export function DateRange({
  from,
  to,
  lang,
  unbounded,
  openEnd = '…',
}: {
  from: string | null;
  to: string | null;
  lang: string;
  /** Shown when neither end is set. */
  unbounded: string;
  /** Shown for a missing end. */
  openEnd?: string;
}) {
  if (!from && !to) return <>{unbounded}</>;
  return (
    <>
      {from ? formatDate(lang, from) : '…'} – {to ? formatDate(lang, to) : openEnd}
    </>
  );
}
