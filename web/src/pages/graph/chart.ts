/**
 * The link chart's drawing, apart from the page: Cytoscape.js (docs/decisions/0016-link-chart-library.md) on a
 * canvas. Labels are drawn as canvas text, never as HTML, so an entity's name cannot become markup; the page's
 * tooltip is React text for the same reason. What is here is pure or works on a `Core`: elements from the API's
 * nodes and edges, the style per entity type, positions for what an expansion adds, communities (Louvain).
 */
import type { Core, ElementDefinition, NodeSingular, StylesheetJson } from 'cytoscape';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { type GraphEdge, type GraphNode, shortLabel, styleOf } from './shared.tsx';

/** Above this many nodes the chart uses a cheap layout and draws less while moving. */
export const LARGE = 400;

export const COMMUNITY_COLOURS = [
  '#4dabf7',
  '#ff922b',
  '#69db7c',
  '#f783ac',
  '#9775fa',
  '#ffd43b',
  '#3bc9db',
  '#e599f7',
  '#a9e34b',
  '#ff8787',
  '#748ffc',
  '#63e6be',
];

export const nodeId = (id: number) => `n${id}`;
export const idOf = (node: NodeSingular) => Number(node.id().slice(1));
export const edgeId = (a: number, b: number) => (a < b ? `e${a}-${b}` : `e${b}-${a}`);

export function nodeElement(node: GraphNode, position?: { x: number; y: number }): ElementDefinition {
  const { color, shape } = styleOf(node.type);
  return {
    group: 'nodes',
    data: { id: nodeId(node.id), label: shortLabel(node.label), type: node.type, color, shape },
    classes: node.hub ? 'hub' : '',
    ...(position ? { position } : {}),
  };
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: edgeId(edge.source, edge.target),
      source: nodeId(edge.source),
      target: nodeId(edge.target),
      types: edge.types.join(', '),
    },
  };
}

export const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(label)',
      width: 22,
      height: 22,
      'font-size': 10,
      color: '#212529',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'min-zoomed-font-size': 7,
      'border-width': 0,
    },
  },
  { selector: 'node.hub', style: { 'border-width': 2, 'border-style': 'dotted', 'border-color': '#495057' } },
  {
    selector: 'node.community',
    style: { 'background-color': 'data(community)', 'border-width': 3, 'border-color': 'data(color)' },
  },
  { selector: 'node.center', style: { width: 34, height: 34, 'font-weight': 'bold' } },
  { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#000' } },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#fab005', 'border-style': 'solid' },
  },
  {
    selector: 'edge',
    style: { width: 1.5, 'line-color': '#adb5bd', 'curve-style': 'haystack', 'haystack-radius': 0 },
  },
  { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#e03131', 'border-style': 'solid' } },
  { selector: 'edge.path', style: { width: 5, 'line-color': '#e03131', 'z-index': 10 } },
];

/** The layout of a whole chart: force-directed when small, rings by depth from the centre when large. */
export function layoutFor(count: number, center: string | null) {
  if (count <= LARGE)
    return { name: 'cose', animate: false, randomize: true, nodeDimensionsIncludeLabels: false, fit: true };
  return {
    name: 'concentric',
    animate: false,
    fit: true,
    minNodeSpacing: 4,
    concentric: (n: NodeSingular) => (n.id() === center ? 100 : n.degree(false) > 1 ? 50 : 1),
    levelWidth: () => 1,
  };
}

/** Places what an expansion added in a ring around the node it came from (what was there does not move). */
export function ringAround(cy: Core, around: string, added: string[]) {
  const origin = cy.getElementById(around).position();
  const radius = 70 + added.length * 4;
  added.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / added.length;
    cy.getElementById(id).position({
      x: origin.x + radius * Math.cos(angle),
      y: origin.y + radius * Math.sin(angle),
    });
  });
}

/** A seeded random generator: the same chart gives the same communities. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Communities (Louvain) of what is on the chart: node id → community number, largest first. */
export function communitiesOf(
  nodes: readonly string[],
  edges: readonly [string, string][],
): Map<string, number> {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const n of nodes) graph.mergeNode(n);
  for (const [a, b] of edges) if (a !== b && graph.hasNode(a) && graph.hasNode(b)) graph.mergeEdge(a, b);
  const found = graph.size
    ? louvain(graph, { rng: seeded(7) })
    : Object.fromEntries(nodes.map((n) => [n, 0]));
  const sizes = new Map<number, number>();
  for (const c of Object.values(found)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(order.map((c, i) => [c, i]));
  return new Map(Object.entries(found).map(([n, c]) => [n, rank.get(c)!]));
}
