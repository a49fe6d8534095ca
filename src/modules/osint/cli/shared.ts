/**
 * What the osint commands share: option parsers (positive integers, scores from 0 to 1, a label).
 */
import { InvalidArgumentError, Option } from 'commander';
import { LABELS } from '../analysis/index.ts';

export const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};
export const score = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
};
export const labelOption = () =>
  new Option('--label <label>', 'a label').choices(LABELS as unknown as string[]);
