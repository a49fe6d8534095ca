import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../platform/lib/random.ts';
import { CompactGraph, EdgeList, louvainOf } from './compact-graph.ts';
import { connectedComponents, Graph } from './graphology.ts';

/** Clusters of 20 nodes, a few links across: ids are not the indices (ids 1000 + 7 × index). */
function sample(seed: number) {
  const random = mulberry32(seed);
  const ids = Array.from({ length: 400 }, (_, i) => 1000 + 7 * i);
  const edges = new EdgeList();
  const seen = new Set<string>();
  for (let k = 0; k < 2000; k++) {
    const cluster = Math.floor(random() * 20);
    const a = cluster * 20 + Math.floor(random() * 20);
    const b = random() < 0.05 ? Math.floor(random() * 400) : cluster * 20 + Math.floor(random() * 20);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push(a, b);
  }
  return { ids, edges };
}

describe('the compact graph Louvain reads', () => {
  it('refuses to be changed (it is only read)', () => {
    const { ids, edges } = sample(1);
    const compact = new CompactGraph(ids, edges);
    expect(() => compact.addUndirectedEdgeWithKey()).toThrow(/read-only/);
    expect(() => compact.dropNode()).toThrow(/read-only/);
  });

  it('gives the same communities, modularity, degrees and components as a graphology graph of the same nodes and links in the same order', () => {
    for (const seed of [1, 2, 3]) {
      const { ids, edges } = sample(seed);
      const compact = new CompactGraph(ids, edges);
      const graph = new Graph({ type: 'undirected', multi: false });
      for (const id of ids) graph.addNode(String(id));
      for (let e = 0; e < edges.length; e++)
        graph.addEdge(String(ids[edges.src[e]!]), String(ids[edges.dst[e]!]));
      expect(compact.order).toBe(graph.order);
      expect(compact.size).toBe(graph.size);
      const ours = louvainOf(compact);
      const theirs = louvainOf(graph);
      expect(ours.communities).toEqual(theirs.communities);
      expect(ours.modularity).toBe(theirs.modularity);
      expect(ours.count).toBeGreaterThan(1);
      for (const id of ids) expect(compact.degree(String(id))).toBe(graph.degree(String(id)));
      expect(compact.degree('no such node')).toBe(0);
      expect(compact.componentSizes().sort((x, y) => x - y)).toEqual(
        connectedComponents(graph)
          .map((c) => c.length)
          .sort((x, y) => x - y),
      );
    }
  });

  it('counts isolated nodes as components of one, and an empty graph has no links', () => {
    const edges = new EdgeList();
    edges.push(0, 1);
    const compact = new CompactGraph([5, 6, 7], edges);
    expect(compact.componentSizes()).toEqual([2, 1]);
    expect(new CompactGraph([5], new EdgeList()).size).toBe(0);
  });

  it('grows its edge list past its first capacity', () => {
    const edges = new EdgeList();
    for (let i = 0; i < 5000; i++) edges.push(i, i + 1);
    expect(edges.length).toBe(5000);
    expect(edges.src[4999]).toBe(4999);
    expect(edges.dst[4999]).toBe(5000);
    expect(
      new CompactGraph(
        Array.from({ length: 5001 }, (_, i) => i),
        edges,
      ).componentSizes(),
    ).toEqual([5001]);
  });
});
