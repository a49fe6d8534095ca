/** What the case and seizure pages share: the API's shapes, the lists forms offer, badges, per-field API errors. */
import { Badge, Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiBody, ApiResponse, Schema } from '../../api/types.ts';
import { ApiError } from '../../api.ts';

export type Case = Schema<'Case'>;
export type CaseDetail = ApiResponse<'/api/cases/{id}'>;
export type CaseLink = Schema<'CaseLink'>;
export type CaseTask = Schema<'CaseTask'>;
export type CaseNote = Schema<'CaseNote'>;
export type CaseEvidence = Schema<'CaseEvidence'>;
export type CaseEvent = Schema<'CaseEvent'>;
export type OffenceReport = Schema<'OffenceReport'>;
export type TaxLoss = Schema<'TaxLoss'>;
export type Seizure = Schema<'Seizure'>;
export type Figures = Schema<'CaseFigures'>;
export type TestPurchase = Schema<'TestPurchase'>;
export type Takedown = Schema<'Takedown'>;
export type Operation = Schema<'Operation'>;
export type OperationReport = Schema<'OperationReport'>;
export type SeizureBody = ApiBody<'/api/seizures', 'post'>;
export type CaseBody = ApiBody<'/api/cases', 'post'>;

export type CaseStatus = Case['status'];
export type CaseType = Case['type'];
export type Priority = Case['priority'];
export type OriginType = NonNullable<Case['origin_type']>;
export type LinkType = CaseLink['target_type'];
export type Category = Seizure['category'];
export type DetectionSource = NonNullable<Seizure['detection_source']>;

/** The orders the filters and forms list them in (checked against the API's types). */
export const CASE_STATUSES = [
  'open',
  'investigation',
  'offence_report',
  'settled',
  'prosecuted',
  'closed',
] as const satisfies readonly CaseStatus[];
export const FINAL_STATUSES: readonly CaseStatus[] = ['settled', 'prosecuted', 'closed'];
export const CASE_TYPES = [
  'customs_offence',
  'counterfeiting',
  'health_products',
  'smuggling',
  'undervaluation',
  'origin_fraud',
  'prohibited_goods',
  'money_laundering',
  'other',
] as const satisfies readonly CaseType[];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly Priority[];
export const ORIGIN_TYPES = [
  'manual',
  'declaration',
  'alert',
  'osint_item',
  'osint_seller',
  'graph_entity',
  'valuation_finding',
  'intelligence',
] as const satisfies readonly OriginType[];
export const LINK_TYPES = [
  'company',
  'declaration',
  'osint_item',
  'osint_seller',
  'trademark',
  'graph_entity',
  'person',
  'vehicle',
  'premises',
] as const satisfies readonly LinkType[];
export const CATEGORIES = [
  'counterfeit_clothing',
  'counterfeit_footwear',
  'counterfeit_accessories',
  'counterfeit_electronics',
  'counterfeit_cosmetics',
  'counterfeit_toys',
  'counterfeit_spare_parts',
  'counterfeit_other',
  'medicines',
  'medical_products',
  'foodstuffs',
  'tobacco',
  'alcohol',
  'drugs',
  'weapons',
  'waste',
  'wildlife_timber',
  'cultural_goods',
  'cash',
  'other',
] as const satisfies readonly Category[];
export const DETECTION_SOURCES = [
  'selectivity_rule',
  'model',
  'random',
  'online_monitoring',
  'intelligence',
  'mutual_assistance',
  'operation',
  'other',
] as const satisfies readonly DetectionSource[];
export const UNITS = ['pieces', 'pairs', 'kg', 'l', 'cartons', 'packets', 'boxes', 'units'] as const;

export const STATUS_COLOURS: Record<CaseStatus, string> = {
  open: 'blue',
  investigation: 'indigo',
  offence_report: 'orange',
  settled: 'teal',
  prosecuted: 'red',
  closed: 'gray',
};
export const PRIORITY_COLOURS: Record<Priority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

const BADGE = { textTransform: 'none', flexShrink: 0 } as const;

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" style={BADGE} data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLOURS[priority]} variant="outline" style={BADGE}>
      {t(`cases.priority.${priority}`)}
    </Badge>
  );
}

/** Today in the device's own time zone. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const isOverdue = (task: Pick<CaseTask, 'status' | 'due_on'>, day = today()) =>
  task.status === 'todo' && task.due_on !== null && task.due_on < day;

/**
 * The API's refusal of a form, field by field: a 400's `details` name each field by its JSON path (`/hs_code`), so
 * each message goes under its field; what names no field stays for the form's own alert.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const detail of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof detail?.path !== 'string') continue;
    const field = detail.path.replace(/^\//, '').split('/')[0];
    if (field && !out[field]) out[field] = String(detail.message ?? '');
  }
  return out;
}

/** Where a linked record is shown in the workbench, when it has a page. */
export function linkHref(type: LinkType, ref: string): string | null {
  const id = encodeURIComponent(ref);
  if (type === 'declaration') return `/declarations/${id}`;
  if (type === 'osint_seller') return `/osint/sellers/${id}`;
  if (type === 'osint_item') return `/osint/feed?post=${id}`;
  return null;
}

/** Query keys: every case view starts with 'cases' so one invalidation refreshes them. */
export const caseKeys = {
  list: (filters: unknown) => ['cases', 'list', filters] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
  timeline: (id: number) => ['cases', 'timeline', id] as const,
  taxLoss: (id: number) => ['cases', 'tax-loss', id] as const,
  figures: (filters: unknown) => ['cases', 'figures', filters] as const,
  operations: () => ['cases', 'operations'] as const,
  operation: (id: number) => ['cases', 'operation', id] as const,
  operationReport: (id: number) => ['cases', 'operation-report', id] as const,
};

/** A file to download: where it is and the name it is saved under. */
export interface Download {
  href: string;
  download: string;
}

/**
 * The exports of a figures page: a menu of its tables as CSV, then a PDF button a language (French, Arabic).
 * `gap`: the space between them.
 */
export function ExportLinks({
  label,
  tables,
  tableLabel,
  csv,
  pdf,
  gap,
}: {
  /** The menu's button. */
  label: string;
  tables: readonly string[];
  tableLabel: (table: string) => string;
  csv: (table: string) => Download;
  pdf: (lang: 'fr' | 'ar') => Download;
  gap: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={gap}>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="light">{label}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {tables.map((table) => (
            <Menu.Item key={table} component="a" {...csv(table)} data-testid={`export-${table}`}>
              {tableLabel(table)} (CSV)
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {(['fr', 'ar'] as const).map((l) => (
        <Button key={l} component="a" {...pdf(l)} variant="default" data-testid={`export-pdf-${l}`}>
          {t('operations.pdf', { lang: l.toUpperCase() })}
        </Button>
      ))}
    </Group>
  );
}
