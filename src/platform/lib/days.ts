/** Calendar days as `YYYY-MM-DD` texts, counted in UTC (no time zone moves a day). */

const DAY = 86_400_000;

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** How many calendar days from `from` to `to`, both counted (1 for the same day). */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}
