/**
 * What the cooperation pages share: the API's shapes, the controlled vocabularies in the order forms list them,
 * badges for a marking (TLP colours) and a request's status, a key's fingerprint, and a payload shown field by field
 * as text (what a partner sent is never markup).
 */
import { Badge, Code, Table, Text } from '@mantine/core';
import type { ApiItem, Schema } from '../../api/types.ts';
import { useLang } from '../../i18n/index.ts';

export type Partner = Schema<'SharingPartner'>;
export type PartnerStatus = ApiItem<'/api/sharing/status'>;
export type Assistance = Schema<'AssistanceRequest'>;
export type Group = Schema<'SharingGroup'>;
export type Message = Schema<'SharingMessage'>;
export type LedgerEntry = Schema<'SharingLedgerEntry'>;
export type Checkpoint = Schema<'SharingLedgerCheckpoint'>;

export type Direction = Assistance['direction'];
export type AssistanceStatus = Assistance['status'];
export type MessageKind = Message['kind'];
export type Distribution = Message['distribution'];
export type Marking = Message['marking'];
export type MemberRole = Group['members'][number]['role'];
export type MemberType = Group['members'][number]['member_type'];
export type SubjectType = Assistance['subjects'][number]['ref_type'];

export const DIRECTIONS = ['outgoing', 'incoming'] as const satisfies readonly Direction[];
export const ASSISTANCE_STATUSES = [
  'draft',
  'sent',
  'answered',
  'closed',
  'refused',
  'withdrawn',
] as const satisfies readonly AssistanceStatus[];
export const MESSAGE_KINDS = [
  'warning',
  'seizure_report',
  'request',
  'feedback',
] as const satisfies readonly MessageKind[];
export const DISTRIBUTIONS = [
  'installation',
  'group',
  'connected_groups',
] as const satisfies readonly Distribution[];
export const MARKINGS = [
  'clear',
  'green',
  'amber',
  'amber+strict',
  'red',
] as const satisfies readonly Marking[];
export const MEMBER_ROLES = ['coordinator', 'member', 'observer'] as const satisfies readonly MemberRole[];
export const MEMBER_TYPES = ['partner', 'office'] as const satisfies readonly MemberType[];
export const SUBJECT_TYPES = [
  'graph_entity',
  'declaration',
  'case',
] as const satisfies readonly SubjectType[];

/** Moves that need a reason (refusal, withdrawal) or the answer's text. */
export const NEEDS_REASON: readonly AssistanceStatus[] = ['refused', 'withdrawn'];

const MARKING_COLOURS: Record<Marking, string> = {
  clear: 'gray',
  green: 'green',
  amber: 'orange',
  'amber+strict': 'orange',
  red: 'red',
};

/** A TLP marking, in its colour and named as TLP 2.0 names it (the same in every language). */
export function MarkingBadge({ marking }: { marking: Marking }) {
  return (
    <Badge
      color={MARKING_COLOURS[marking]}
      variant={marking === 'clear' ? 'outline' : 'filled'}
      tt="none"
      dir="ltr"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      styles={{ label: { overflow: 'visible' } }}
      data-testid="marking"
    >
      TLP:{marking.toUpperCase()}
    </Badge>
  );
}

const STATUS_COLOURS: Record<AssistanceStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  answered: 'teal',
  closed: 'dark',
  refused: 'red',
  withdrawn: 'gray',
};

export function StatusBadge({ status }: { status: AssistanceStatus }) {
  const { t } = useLang();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" tt="none">
      {t(`sharing.assistance.statuses.${status}`)}
    </Badge>
  );
}

/** A key id (32 hex digits) in groups of four, as read aloud over the phone to compare with the partner's. */
export function fingerprint(keyId: string): string {
  return (keyId.match(/.{1,4}/g) ?? []).join(' ');
}

/** A payload flattened to its leaves: `seizure.reference`, `lines[0].description`, … with their values. */
export function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[prefix, '[]']];
    return value.flatMap((v, i) => flatten(v, `${prefix}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [[prefix, '{}']];
    return entries.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

const shown = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : String(v));

/**
 * A payload field by field, as text; the paths in `removed` (what the group's agreement takes out) are listed too,
 * struck through and marked removed, so the liaison officer sees exactly what leaves and what does not.
 */
export function PayloadTable({
  payload,
  removed = [],
  label,
}: {
  payload: Record<string, unknown>;
  removed?: readonly string[];
  label: string;
}) {
  const { t } = useLang();
  const rows = flatten(payload);
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table fz="sm" striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sharing.payload.field')}</Table.Th>
            <Table.Th>{t('sharing.payload.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([path, value]) => (
            <Table.Tr key={path} data-testid="payload-row">
              <Table.Td>
                <Code dir="ltr">{path}</Code>
              </Table.Td>
              <Table.Td dir="auto" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {shown(value)}
              </Table.Td>
            </Table.Tr>
          ))}
          {removed.map((path) => (
            <Table.Tr key={`removed:${path}`} data-testid="removed-row">
              <Table.Td>
                <Code dir="ltr" style={{ textDecoration: 'line-through' }}>
                  {path}
                </Code>
              </Table.Td>
              <Table.Td>
                <Badge color="red" variant="light" tt="none">
                  {t('sharing.payload.removed')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A hash or signature: monospace, left to right whatever the language, broken anywhere. */
export function Hex({ value, short = false }: { value: string; short?: boolean }) {
  return (
    <Text
      span
      ff="monospace"
      fz="xs"
      dir="ltr"
      style={short ? { whiteSpace: 'nowrap' } : { wordBreak: 'break-all' }}
      title={value}
    >
      {short ? `${value.slice(0, 12)}…` : value}
    </Text>
  );
}
