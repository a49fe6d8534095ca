/**
 * An undirected simple graph held in typed arrays (nodes by dense index, edges as two index arrays, adjacency in
 * compressed rows), for Louvain on hundreds of thousands of links. graphology's `Graph` makes an object, a key and
 * two adjacency entries per edge: at 400,000 edges that was seconds of construction and garbage collection, more
 * than Louvain itself. graphology-communities-louvain reads its input once, through `forEachNode`,
 * `undirectedDegreeWithoutSelfLoops` and `forEachEdge`, into its own typed-array index; this class answers those
 * (and the checks of graphology-utils' `isGraph` and `inferType`), read-only, so the library's algorithm runs
 * unchanged on it (docs/decisions/0034, "Communities on typed arrays"). `compact-graph.test.ts` holds it to the same
 * communities as a graphology `Graph` built from the same nodes and edges in the same order.
 */
import { mulberry32 } from '../../platform/lib/random.ts';
import { type Graph, louvain } from './graphology.ts';

const NO_ATTRIBUTES: Readonly<Record<string, never>> = Object.freeze({});

/** Growable pairs of node indices (the edges as they are found). */
export class EdgeList {
  src = new Int32Array(1024);
  dst = new Int32Array(1024);
  length = 0;

  push(a: number, b: number): void {
    if (this.length === this.src.length) {
      const src = new Int32Array(this.src.length * 2);
      const dst = new Int32Array(this.src.length * 2);
      src.set(this.src);
      dst.set(this.dst);
      this.src = src;
      this.dst = dst;
    }
    this.src[this.length] = a;
    this.dst[this.length] = b;
    this.length++;
  }
}

export class CompactGraph {
  readonly type = 'undirected' as const;
  readonly multi = false;
  readonly selfLoopCount = 0;
  readonly order: number;
  readonly size: number;
  /** Node keys (entity ids as text) by index. */
  readonly keys: string[];
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Compressed rows: the neighbours of node i are `neighbours[starts[i]..starts[i + 1]]`. */
  readonly starts: Int32Array;
  readonly neighbours: Int32Array;
  private readonly index = new Map<string, number>();

  /** `ids` by index; `edges` between indices, each pair once, no loops. */
  constructor(ids: ArrayLike<number>, edges: EdgeList) {
    this.order = ids.length;
    this.size = edges.length;
    this.keys = Array.from({ length: ids.length }, (_, i) => String(ids[i]));
    for (let i = 0; i < this.keys.length; i++) this.index.set(this.keys[i]!, i);
    this.src = edges.src.subarray(0, edges.length);
    this.dst = edges.dst.subarray(0, edges.length);
    const starts = new Int32Array(this.order + 1);
    for (let e = 0; e < this.size; e++) {
      starts[this.src[e]! + 1]!++;
      starts[this.dst[e]! + 1]!++;
    }
    for (let i = 0; i < this.order; i++) starts[i + 1]! += starts[i]!;
    const fill = starts.slice(0, this.order);
    const neighbours = new Int32Array(this.size * 2);
    for (let e = 0; e < this.size; e++) {
      const a = this.src[e]!;
      const b = this.dst[e]!;
      neighbours[fill[a]!++] = b;
      neighbours[fill[b]!++] = a;
    }
    this.starts = starts;
    this.neighbours = neighbours;
  }

  degreeAt(i: number): number {
    return this.starts[i + 1]! - this.starts[i]!;
  }

  degree(key: string): number {
    const i = this.index.get(key);
    return i === undefined ? 0 : this.degreeAt(i);
  }

  nodes(): string[] {
    return this.keys;
  }

  // What graphology-communities-louvain reads.
  forEachNode(callback: (node: string, attributes: object) => void): void {
    for (const key of this.keys) callback(key, NO_ATTRIBUTES);
  }

  undirectedDegreeWithoutSelfLoops(key: string): number {
    return this.degree(key);
  }

  forEachEdge(
    callback: (
      edge: string,
      attributes: object,
      source: string,
      target: string,
      sourceAttributes: object,
      targetAttributes: object,
      undirected: boolean,
    ) => void,
  ): void {
    for (let e = 0; e < this.size; e++)
      callback(
        '',
        NO_ATTRIBUTES,
        this.keys[this.src[e]!]!,
        this.keys[this.dst[e]!]!,
        NO_ATTRIBUTES,
        NO_ATTRIBUTES,
        true,
      );
  }

  // graphology-utils' isGraph asks for these two; the graph is read-only.
  addUndirectedEdgeWithKey(): never {
    throw new Error('CompactGraph is read-only');
  }

  dropNode(): never {
    throw new Error('CompactGraph is read-only');
  }

  /** The connected components' sizes (breadth first over the compressed rows). */
  componentSizes(): number[] {
    const seen = new Uint8Array(this.order);
    const queue = new Int32Array(this.order);
    const sizes: number[] = [];
    for (let s = 0; s < this.order; s++) {
      if (seen[s]) continue;
      seen[s] = 1;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        const i = queue[head++]!;
        for (let k = this.starts[i]!; k < this.starts[i + 1]!; k++) {
          const j = this.neighbours[k]!;
          if (!seen[j]) {
            seen[j] = 1;
            queue[tail++] = j;
          }
        }
      }
      sizes.push(tail);
    }
    return sizes;
  }
}

/** Louvain (graphology-communities-louvain, seeded: the same graph in the same order gives the same answer). */
export function louvainOf(graph: CompactGraph | Graph, seed = 13) {
  return louvain.detailed(graph as unknown as Graph, { rng: mulberry32(seed) });
}
