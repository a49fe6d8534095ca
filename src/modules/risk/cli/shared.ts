/** Helpers shared by the `vigie risk` command files: option parsers, percentages, the active model. */
import { loadActiveModel } from '../model.ts';

export const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number`);
  return n;
};
export const num = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name}: expected a number`);
  return n;
};
export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`;

/** Scores from the command line as the server does: with the registry's active model, when there is one. */
export async function withActiveModel(
  database: import('../../../platform/db/database.ts').Database,
): Promise<void> {
  await loadActiveModel(database);
}
