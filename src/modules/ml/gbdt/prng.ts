/**
 * A small seeded PRNG (mulberry32). Training must be reproducible for a seed across machines and Node versions,
 * so we do not use Math.random; 32-bit state is plenty for sampling rows, columns and isolation-tree splits.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed once (splitmix-style) so that nearby seeds give unrelated streams.
    let s = (seed ^ 0x9e3779b9) >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
    s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
    this.state = (s ^ (s >>> 16)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A fresh generator derived from this one (for independent sub-streams, e.g. one per tree). */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4294967296));
  }
}

/** In-place Fisher–Yates shuffle of the first `n` entries. */
export function shuffle(array: Uint32Array | Int32Array | number[], rng: Rng, n = array.length): void {
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = array[i]!;
    array[i] = array[j]!;
    array[j] = t;
  }
}
