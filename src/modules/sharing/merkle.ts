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

function pathOf(leaves: readonly Buffer[], index: number, from: number, to: number): Buffer[] {
  const n = to - from;
  if (n === 1) return [];
  const k = split(n);
  return index < k
    ? [...pathOf(leaves, index, from, from + k), rootOf(leaves, from + k, to)]
    : [...pathOf(leaves, index - k, from + k, to), rootOf(leaves, from, from + k)];
}

/** The audit path (RFC 6962 section 2.1.1) of leaf `index` among these leaves (hex), as hex. */
export function merklePath(hexLeaves: readonly string[], index: number): string[] {
  if (index < 0 || index >= hexLeaves.length) throw new Error(`no leaf ${index} among ${hexLeaves.length}`);
  const leaves = hexLeaves.map((h) => Buffer.from(h, 'hex'));
  return pathOf(leaves, index, 0, leaves.length).map((b) => b.toString('hex'));
}

/** Whether a leaf (hex) at `index` of a tree of `size` leaves has this root, by its audit path (RFC 9162 2.1.3.2). */
export function verifyMerklePath(
  leafHex: string,
  index: number,
  size: number,
  path: readonly string[],
  rootHex: string,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(Buffer.from(leafHex, 'hex'));
  for (const hex of path) {
    const p = Buffer.from(hex, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.toString('hex') === rootHex;
}
