/**
 * mulberry32: a small seeded generator of floats in [0, 1), the same sequence on every machine — for results that
 * must not change from run to run (Louvain's order, training order, demo and benchmark data).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
