/**
 * What the risk pages share (the declaration's risk panel, the selection queue, the rules and campaigns): the
 * channels' colours and the texts written in English, French and Arabic. They were copied in three places.
 */
import type { Schema } from '../api/types.ts';

export type Channel = Schema<'RiskDecision'>['channel'];
/** A rule's title or rationale: one text, or one per language. */
export type LocalText = Schema<'RiskRule'>['title'];

/** Mantine colours of the channels (always shown with their name, never by colour alone). */
export const CHANNEL_COLOURS: Record<Channel, string> = {
  red: 'red',
  yellow: 'yellow',
  blue: 'blue',
  green: 'green',
};

/**
 * A text in the UI language: English, Arabic or French (the default). Arabic falls back on French where there is
 * none: a rule whose analyst wrote no Arabic title.
 */
export function localText(value: LocalText | undefined, language: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (language === 'en') return value.en;
  return language === 'ar' ? (value.ar ?? value.fr) : value.fr;
}
