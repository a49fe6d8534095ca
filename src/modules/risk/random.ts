/**
 * Reproducible draws: a uniform number in [0, 1) from a text key (SHA-256), so that the same declaration, rule and
 * profile version always draw the same, whatever the order or the process.
 */
import { createHash } from 'node:crypto';

export function uniform(key: string): number {
  const digest = createHash('sha256').update(key).digest();
  // 48 bits are plenty and stay exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Rounds x up or down at random (seeded): the expected value is x, so small rates still select sometimes. */
export function stochasticRound(x: number, key: string): number {
  const floor = Math.floor(x);
  return floor + (uniform(key) < x - floor ? 1 : 0);
}
