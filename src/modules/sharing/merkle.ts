/**
 * Merkle tree hash of a list of leaves, as RFC 6962 (Certificate Transparency) defines it: a leaf is
 * SHA-256(0x00 ‖ leaf), a node SHA-256(0x01 ‖ left ‖ right), the split at the largest power of two below the
 * count; the empty list hashes to SHA-256 of nothing. The ledger's checkpoints sign the root over a range of
 * entry hashes. Pure.
 */
import { createHash } from 'node:crypto';

const leafHash = (leaf: Buffer) => createHash('sha256').update(Buffer.of(0)).update(leaf).digest();
const nodeHash = (left: Buffer, right: Buffer) =>
  createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function rootOf(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 1) return leafHash(leaves[from]!);
  const k = split(n);
  return nodeHash(rootOf(leaves, from, from + k), rootOf(leaves, from + k, to));
}

/** The root (hex) over these leaves, each given as hex (the ledger's entry hashes). */
export function merkleRoot(hexLeaves: readonly string[]): string {
  if (hexLeaves.length === 0) return createHash('sha256').digest('hex');
  const leaves = hexLeaves.map((h) => Buffer.from(h, 'hex'));
  return rootOf(leaves, 0, leaves.length).toString('hex');
}
