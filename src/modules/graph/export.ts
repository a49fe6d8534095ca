/**
 * Exports of a network — the neighbourhood of an entity to a depth, with the usual filters — for other tools:
 * CSV of nodes and of edges (Gephi, a spreadsheet), and GraphML (Gephi, yEd, Cytoscape, networkx). CSV cells a
 * spreadsheet would run as formulas are escaped as every CSV Vigie writes (FORMULA_CELL, the rejects files' and
 * the case figures' rule); GraphML is XML 1.0 with every text escaped and characters XML cannot carry dropped.
 */
import Papa from 'papaparse';
import { FORMULA_CELL } from '../../platform/ingest/rejects.ts';
import type { GraphEdge, GraphNode, Neighbourhood } from './analysis.ts';

export const EXPORT_FORMATS = ['csv', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_PARTS = ['nodes', 'edges'] as const;
export type CsvPart = (typeof CSV_PARTS)[number];

const csv = (rows: unknown[][]) =>
  `${Papa.unparse(rows, { escapeFormulae: FORMULA_CELL, newline: '\r\n' })}\r\n`;

const seen = (edge: GraphEdge) => {
  const first = edge.evidence.map((e) => e.first_seen ?? e.last_seen).filter((d): d is string => !!d);
  const last = edge.evidence.map((e) => e.last_seen ?? e.first_seen).filter((d): d is string => !!d);
  return { first: first.sort()[0] ?? '', last: last.sort().at(-1) ?? '' };
};

/** The records behind an edge (at most the evidence the analysis kept), `type table:id; …`. */
const evidenceText = (edge: GraphEdge) =>
  edge.evidence.map((e) => `${e.type} ${e.source_table}:${e.source_id}`).join('; ');

export function nodesCsv(network: Neighbourhood): string {
  return csv([
    ['id', 'type', 'key', 'label', 'depth', 'hub', 'attributes'],
    ...network.nodes.map((n) => [
      n.id,
      n.type,
      n.key,
      n.label,
      n.depth ?? 0,
      n.hub,
      JSON.stringify(n.attributes ?? {}),
    ]),
  ]);
}

export function edgesCsv(network: Neighbourhood): string {
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const ref = (id: number) => {
    const n = byId.get(id);
    return n ? `${n.type}:${n.key}` : '';
  };
  return csv([
    [
      'source',
      'target',
      'source_key',
      'target_key',
      'link_types',
      'links',
      'first_seen',
      'last_seen',
      'evidence',
    ],
    ...network.edges.map((e) => {
      const { first, last } = seen(e);
      return [
        e.source,
        e.target,
        ref(e.source),
        ref(e.target),
        e.types.join(';'),
        e.links,
        first,
        last,
        evidenceText(e),
      ];
    }),
  ]);
}

/** Characters XML 1.0 cannot carry at all (controls other than tab and line breaks, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: unknown): string {
  return String(value ?? '')
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NODE_KEYS = [
  ['type', 'string'],
  ['key', 'string'],
  ['label', 'string'],
  ['depth', 'int'],
  ['hub', 'boolean'],
  ['attributes', 'string'],
] as const;
const EDGE_KEYS = [
  ['link_types', 'string'],
  ['links', 'int'],
  ['first_seen', 'string'],
  ['last_seen', 'string'],
  ['evidence', 'string'],
] as const;

/** GraphML of the network: directed edges as stored, the entity's fields and the link's records as data. */
export function toGraphml(network: Neighbourhood, description: string): string {
  const data = (key: string, value: unknown) => `<data key="${key}">${xmlText(value)}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlText(description)}</desc>`,
    ...NODE_KEYS.map(([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...EDGE_KEYS.map(([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
    '  <graph id="vigie" edgedefault="directed">',
  ];
  const node = (n: GraphNode) =>
    `    <node id="n${n.id}">${[
      data('n_type', n.type),
      data('n_key', n.key),
      data('n_label', n.label),
      data('n_depth', n.depth ?? 0),
      data('n_hub', n.hub),
      data('n_attributes', JSON.stringify(n.attributes ?? {})),
    ].join('')}</node>`;
  for (const n of network.nodes) lines.push(node(n));
  network.edges.forEach((e, i) => {
    const { first, last } = seen(e);
    lines.push(
      `    <edge id="e${i + 1}" source="n${e.source}" target="n${e.target}">${[
        data('e_link_types', e.types.join(';')),
        data('e_links', e.links),
        data('e_first_seen', first),
        data('e_last_seen', last),
        data('e_evidence', evidenceText(e)),
      ].join('')}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

/** The file of one export: its text, content type and a file name (by default named after the network's centre). */
export function exportFile(
  network: Neighbourhood,
  format: ExportFormat,
  part: CsvPart = 'nodes',
  naming?: { base: string; description: string },
): { body: string; contentType: string; fileName: string } {
  const base = naming?.base ?? `vigie-network-${network.center.type}-${network.center.id}`;
  if (format === 'graphml')
    return {
      body: toGraphml(
        network,
        naming?.description ??
          `Vigie network around ${network.center.type}:${network.center.key} (${network.center.label}): ${network.nodes.length} entities, ${network.edges.length} links${network.truncated ? ', cut at its bounds' : ''}`,
      ),
      contentType: 'application/graphml+xml; charset=utf-8',
      fileName: `${base}.graphml`,
    };
  return {
    body: part === 'nodes' ? nodesCsv(network) : edgesCsv(network),
    contentType: 'text/csv; charset=utf-8',
    fileName: `${base}.${part}.csv`,
  };
}
