/**
 * What the link-analysis pages share: the API's shapes, each entity type's colour and shape (chart, legend,
 * badges), and where an entity or a record leads in the rest of the workbench.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiBody, ApiQuery, Schema } from '../../api/types.ts';

export type GraphNode = Schema<'GraphNode'>;
export type GraphEdge = Schema<'GraphEdge'>;
export type GraphEntity = Schema<'GraphEntity'>;
export type GraphEntityDetail = Schema<'GraphEntityDetail'>;
export type GraphSuggestion = Schema<'GraphSuggestion'>;
export type GraphNeighbourhood = Schema<'GraphNeighbourhood'>;
export type GraphPath = Schema<'GraphPath'>;

/** Entity types, as the server names them (src/modules/graph/keys.ts). */
export const ENTITY_TYPES = [
  'person',
  'company',
  'declarant',
  'seller',
  'courier',
  'phone',
  'email',
  'address',
  'city',
  'vehicle',
  'property',
  'bank',
  'bank_account',
  'account',
  'website',
  'online_seller',
  'declaration',
  'manifest',
  'container',
  'payment',
  'case',
  'seizure',
] as const satisfies readonly ApiEntityType[];

export const LINK_TYPES = [
  'importer_of',
  'declarant_of',
  'seller_of',
  'courier_of',
  'has_phone',
  'has_email',
  'located_at',
  'in_city',
  'manager_of',
  'consignee_of',
  'manifest_of',
  'carries',
  'paid',
  'beneficiary_of',
  'paid_through',
  'payment_for',
  'has_account',
  'has_website',
  'related',
  'owns',
  'uses',
  'same_name',
  'shareholder_of',
  'employee_of',
  'seen_at',
] as const satisfies readonly ApiLinkType[];

// The lists above are the API's enums, whole: a type the server adds and the page forgets fails the build.
type ApiEntityType = NonNullable<ApiQuery<'/api/graph/entities'>['type']>;
type ApiLinkType = ApiBody<'/api/graph/links'>['type'];
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const LISTS_COMPLETE: [
  Missing<ApiEntityType, (typeof ENTITY_TYPES)[number]>,
  Missing<ApiLinkType, (typeof LINK_TYPES)[number]>,
] = [true, true];

/** Cytoscape node shapes used for entity types. */
export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'rectangle'
  | 'diamond'
  | 'triangle'
  | 'vee'
  | 'pentagon'
  | 'star'
  | 'hexagon'
  | 'octagon'
  | 'barrel'
  | 'round-triangle'
  | 'round-diamond'
  | 'tag'
  | 'rhomboid'
  | 'cut-rectangle';

/** Each entity type's colour and shape on the chart, in the legend and on badges. */
export const TYPE_STYLE: Record<string, { color: string; shape: NodeShape }> = {
  person: { color: '#1c7ed6', shape: 'ellipse' },
  company: { color: '#e8590c', shape: 'round-rectangle' },
  declarant: { color: '#5f3dc4', shape: 'rectangle' },
  seller: { color: '#862e9c', shape: 'tag' },
  courier: { color: '#495057', shape: 'tag' },
  phone: { color: '#2b8a3e', shape: 'triangle' },
  email: { color: '#0b7285', shape: 'vee' },
  address: { color: '#c92a2a', shape: 'pentagon' },
  city: { color: '#a61e4d', shape: 'star' },
  vehicle: { color: '#5c940d', shape: 'hexagon' },
  property: { color: '#d9480f', shape: 'octagon' },
  bank: { color: '#364fc7', shape: 'barrel' },
  bank_account: { color: '#4c6ef5', shape: 'barrel' },
  account: { color: '#ae3ec9', shape: 'round-triangle' },
  website: { color: '#1098ad', shape: 'round-diamond' },
  online_seller: { color: '#e03131', shape: 'diamond' },
  declaration: { color: '#868e96', shape: 'round-rectangle' },
  manifest: { color: '#74b816', shape: 'rhomboid' },
  container: { color: '#f08c00', shape: 'rectangle' },
  payment: { color: '#2f9e44', shape: 'cut-rectangle' },
  case: { color: '#212529', shape: 'star' },
  seizure: { color: '#c2255c', shape: 'star' },
};
const FALLBACK = { color: '#adb5bd', shape: 'ellipse' as NodeShape };
export const styleOf = (type: string) => TYPE_STYLE[type] ?? FALLBACK;

/** The entity type's name in the user's language (the type itself when unknown). */
export function useTypeName() {
  const { t, i18n } = useTranslation();
  return (type: string) => (i18n.exists(`graph.types.${type}`) ? t(`graph.types.${type}`) : type);
}

export function TypeBadge({ type }: { type: string }) {
  const name = useTypeName();
  const { color } = styleOf(type);
  return (
    <Badge size="sm" variant="light" color={color} style={{ textTransform: 'none' }}>
      {name(type)}
    </Badge>
  );
}

/** A `type:value` key or an id, as the API takes them; null when the text is a name to search for. */
export function entityRefOf(text: string): string | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) return value;
  const m = /^([a-z_]+):(.+)$/.exec(value);
  return m && (ENTITY_TYPES as readonly string[]).includes(m[1]!) ? value : null;
}

/** Where an entity leads in the rest of the workbench: its declarations, its declaration, its seller. */
export function workbenchLink(entity: { type: string; key: string }): { to: string; label: string } | null {
  switch (entity.type) {
    case 'declaration':
      return { to: `/declarations/${encodeURIComponent(entity.key)}`, label: 'graph.entity.declarationPage' };
    case 'online_seller':
      return /^\d+$/.test(entity.key)
        ? { to: `/osint/sellers/${entity.key}`, label: 'graph.entity.sellerPage' }
        : null;
    case 'company':
      return entity.key.startsWith('name:')
        ? null
        : {
            to: `/declarations?importer=${encodeURIComponent(entity.key)}`,
            label: 'graph.entity.declarations',
          };
    default:
      return null;
  }
}

/** Where a link's evidence (the record it came from) can be read in the workbench, when it has a page. */
export function recordLink(sourceTable: string, sourceId: string): string | null {
  if (sourceTable === 'declarations') return `/declarations/${encodeURIComponent(sourceId)}`;
  if (sourceTable === 'osint_sellers' && /^\d+$/.test(sourceId)) return `/osint/sellers/${sourceId}`;
  return null;
}

/** A label cut to `max` characters for the chart (the full text stays in the tooltip and the entity page). */
export const shortLabel = (label: string, max = 32) =>
  label.length > max ? `${label.slice(0, max - 1)}…` : label;
