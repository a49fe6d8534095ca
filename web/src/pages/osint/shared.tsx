/** What the online-monitoring pages share: the API's shapes, label badges, highlighted text, job progress. */
import {
  Alert,
  Anchor,
  Autocomplete,
  Badge,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ApiResponse, Schema } from '../../api/types.ts';
import { apiGet } from '../../api.ts';
import { formatNumber, useLang } from '../../i18n/index.ts';
import { type Segment, type Span, type SpanKind, segments } from './highlight.ts';

export type Label = Schema<'OsintItem'>['label'];
export type AlertStatus = Schema<'OsintAlert'>['status'];
export type WatchKind = Schema<'OsintWatchTerm'>['kind'];
/** The orders the filters and forms list them in. */
export const LABELS = [
  'counterfeit',
  'health_risk',
  'duty_evasion',
  'benign',
] as const satisfies readonly Label[];
export const RISK_LABELS = ['counterfeit', 'health_risk', 'duty_evasion'] as const satisfies readonly Label[];
export const ALERT_STATUSES = [
  'open',
  'confirmed',
  'dismissed',
  'case_opened',
] as const satisfies readonly AlertStatus[];
export const WATCH_KINDS = ['brand', 'product', 'keyword', 'phone'] as const satisfies readonly WatchKind[];
/** Platforms seen in exports and feeds (the filter accepts any other name too). */
export const PLATFORMS = [
  'facebook',
  'instagram',
  'tiktok',
  'telegram',
  'avito',
  'twitter',
  'youtube',
  'whatsapp',
  'web',
] as const;

export const LABEL_COLOURS: Record<Label, string> = {
  counterfeit: 'red',
  health_risk: 'grape',
  duty_evasion: 'orange',
  benign: 'gray',
};
export const STATUS_COLOURS: Record<string, string> = {
  ok: 'green',
  partial: 'yellow',
  failed: 'red',
  cancelled: 'gray',
  running: 'blue',
  open: 'red',
  confirmed: 'teal',
  dismissed: 'gray',
  case_opened: 'violet',
};
/** Chart colours matching the badges. */
export const LABEL_HEX: Record<Label, string> = {
  counterfeit: '#e03131',
  health_risk: '#9c36b5',
  duty_evasion: '#f08c00',
  benign: '#adb5bd',
};

export type OsintItem = Schema<'OsintItem'>;
export type OsintItemDetail = Schema<'OsintItemDetail'>;
export type Evidence = Schema<'OsintEvidence'>;
export type Verification = ApiResponse<'/api/osint/evidence/verify'>;
export type Source = Schema<'OsintSource'>;
export type Run = Schema<'OsintRun'>;
export type Problem = Run['problems'][number];
export type Seller = Schema<'OsintSeller'>;
export type SellerDetail = Schema<'OsintSellerDetail'>;
export type OsintAlert = Schema<'OsintAlert'>;
export type WatchTerm = Schema<'OsintWatchTerm'>;
export type OsintJob = Schema<'Job'>;
export type JobAnswer = ApiResponse<'/api/osint/sources/{id}/collect', 'post'>;

/**
 * The collection summary a finished collect job answers with: a job's result, which the API types as `unknown`
 * (jobs of every kind share the route), so its shape is written here.
 */
export interface RunSummary {
  status: Run['status'];
  items_new: number;
  items_seen: number;
  reposts: number;
  errors: number;
  warnings: number;
  alerts: number;
  problems: Problem[];
}

/** Badges keep their whole text in narrow table cells. */
export const BADGE_STYLE = { textTransform: 'none', flexShrink: 0, minWidth: 'max-content' } as const;

export const pct = (score: number | null | undefined) =>
  score === null || score === undefined ? '—' : String(Math.round(score * 100));

export function LabelBadge({ label, score }: { label: Label | null; score?: number | null }) {
  const { t } = useTranslation();
  if (!label) return <Text c="dimmed">—</Text>;
  return (
    <Badge
      color={LABEL_COLOURS[label]}
      variant={label === 'benign' ? 'light' : 'filled'}
      data-testid="label-badge"
      style={BADGE_STYLE}
    >
      {t(`osint.labels.${label}`)}
      {score !== undefined && score !== null ? ` · ${pct(score)}` : ''}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status)
    return (
      <Badge variant="outline" color="gray" style={BADGE_STYLE}>
        {t('osint.sources.never')}
      </Badge>
    );
  return (
    <Badge
      color={STATUS_COLOURS[status] ?? 'gray'}
      variant="light"
      data-testid="status-badge"
      style={BADGE_STYLE}
    >
      {t(`osint.status.${status}`)}
    </Badge>
  );
}

export function PlatformBadge({ platform }: { platform: string | null }) {
  if (!platform) return null;
  return (
    <Badge variant="default" size="sm" style={{ textTransform: 'none' }}>
      {platform}
    </Badge>
  );
}

const MARK_STYLES: Record<SpanKind, { background: string; decoration?: string }> = {
  counterfeit: { background: 'rgba(224, 49, 49, 0.18)' },
  health_risk: { background: 'rgba(156, 54, 181, 0.18)' },
  duty_evasion: { background: 'rgba(240, 140, 0, 0.22)' },
  sale_intent: { background: 'rgba(34, 139, 230, 0.16)' },
  context: { background: 'rgba(18, 184, 134, 0.16)' },
  negated: { background: 'rgba(134, 142, 150, 0.14)', decoration: 'line-through' },
};

/** The text with its evidence marked; Arabic, Darija and French are laid out by their own direction. */
export function HighlightedText({
  text,
  spans,
  lineClamp,
  size = 'sm',
  fw,
}: {
  text: string;
  spans: readonly Span[];
  lineClamp?: number;
  size?: string;
  fw?: number;
}) {
  const { t } = useTranslation();
  const parts: Segment[] = segments(text, spans);
  return (
    <Text
      size={size}
      dir="auto"
      lineClamp={lineClamp}
      fw={fw}
      style={{ whiteSpace: 'pre-wrap', unicodeBidi: 'plaintext' }}
      data-testid="post-text"
    >
      {parts.map((part, i) =>
        part.span ? (
          <Tooltip
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            key={i}
            label={`${t(`osint.kinds.${part.span.kind}`)}${part.span.detail ? ` — ${part.span.detail}` : ''}`}
            withArrow
            openDelay={200}
          >
            <mark
              data-kind={part.span.kind}
              style={{
                background: MARK_STYLES[part.span.kind].background,
                textDecoration: MARK_STYLES[part.span.kind].decoration,
                color: 'inherit',
                borderRadius: 3,
                padding: '0 2px',
              }}
            >
              {part.text}
            </mark>
          </Tooltip>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}

/** The key of highlight colours, for a legend. */
export function HighlightLegend({ kinds }: { kinds: readonly SpanKind[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {kinds.map((kind) => (
        <Text key={kind} size="xs" c="dimmed">
          <mark
            style={{
              background: MARK_STYLES[kind].background,
              textDecoration: MARK_STYLES[kind].decoration,
              color: 'inherit',
              borderRadius: 3,
              padding: '0 4px',
            }}
          >
            {t(`osint.kinds.${kind}`)}
          </mark>
        </Text>
      ))}
    </Group>
  );
}

const RUNNING = ['queued', 'running', 'retrying'];

/** Follows a collection job until it ends, then refreshes what it changed. */
export function useOsintJob(id: string | null) {
  const client = useQueryClient();
  const job = useQuery({
    queryKey: ['osint', 'job', id],
    queryFn: () => apiGet('/api/osint/jobs/{id}', { path: { id: id ?? '' } }),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && !RUNNING.includes(q.state.data.state) ? false : 1000),
  });
  const ended = job.data && !RUNNING.includes(job.data.state);
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: ['osint'], refetchType: 'active' });
  }, [ended, client]);
  return job;
}

/** A job's progress bar while it runs, then what it collected (or why it failed). */
export function JobProgress({ id }: { id: string }) {
  const { t, lang } = useLang();
  const job = useOsintJob(id);
  const data = job.data;
  if (job.error)
    return (
      <Text size="xs" c="red">
        {(job.error as Error).message}
      </Text>
    );
  if (!data) return <Progress value={0} animated size="sm" aria-label={t('osint.jobs.progress')} />;
  const running = RUNNING.includes(data.state);
  const percent = data.total ? Math.min(100, (100 * data.done) / data.total) : running ? 5 : 100;
  const summary = data.result as RunSummary | null;
  return (
    <Stack gap={4} data-testid="job-progress">
      {running ? (
        <>
          <Progress value={percent} animated size="sm" aria-label={t('osint.jobs.progress')} />
          <Text size="xs" c="dimmed">
            {t(`osint.jobs.states.${data.state}`)}
            {data.message ? ` — ${data.message}` : ''}
          </Text>
        </>
      ) : data.state === 'failed' ? (
        <Alert color="red" p="xs" role="alert">
          {data.error ?? t('osint.jobs.states.failed')}
        </Alert>
      ) : (
        <Group gap="xs">
          <Badge color={data.state === 'completed' ? 'green' : 'gray'} variant="light">
            {t(`osint.jobs.states.${data.state}`)}
          </Badge>
          {summary && typeof summary.items_new === 'number' && (
            <Text size="xs">
              {t('osint.jobs.summary', {
                items: formatNumber(lang, summary.items_new),
                seen: formatNumber(lang, summary.items_seen),
                alerts: formatNumber(lang, summary.alerts),
                errors: formatNumber(lang, summary.errors),
              })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** The post drawer is opened anywhere in the area by `?post=ID`. */
export function usePostLink() {
  const [params, setParams] = useSearchParams();
  return (id: number) => {
    const next = new URLSearchParams(params);
    next.set('post', String(id));
    setParams(next);
  };
}

/** A filter field: its value ('' for any) and what to do when it changes. */
interface FilterProps {
  value: string;
  onChange: (value: string) => void;
}

/** A filter chosen from a list, which may be cleared back to "any". */
export function ChoiceFilter({
  label,
  w,
  data,
  value,
  onChange,
}: FilterProps & { label: string; w: number; data: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      w={w}
      clearable
      placeholder={t('osint.feed.any')}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      data={data}
    />
  );
}

/** The filter fields the feed and the sellers share: the label, the platform, the minimum score. */
export function LabelFilter(props: FilterProps) {
  const { t } = useTranslation();
  return (
    <ChoiceFilter
      label={t('osint.feed.label')}
      w={170}
      data={LABELS.map((l) => ({ value: l, label: t(`osint.labels.${l}`) }))}
      {...props}
    />
  );
}

/** A platform typed or picked (`onPick`: picked from the list). */
export function PlatformFilter({
  value,
  onChange,
  onPick,
}: FilterProps & { onPick?: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Autocomplete
      label={t('osint.feed.platform')}
      w={150}
      placeholder={t('osint.feed.any')}
      value={value}
      onChange={onChange}
      onOptionSubmit={onPick}
      data={[...PLATFORMS]}
    />
  );
}

/** A minimum score among `steps` (from 0 to 1, shown in %). */
export function MinScoreFilter({ steps, ...props }: FilterProps & { steps: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ChoiceFilter
      label={t('osint.feed.minScore')}
      w={120}
      data={steps.map((v) => ({ value: v, label: `≥ ${Math.round(Number(v) * 100)}` }))}
      {...props}
    />
  );
}

/** A post's kind and author; the author links to the seller's page when the post is tied to one. */
export function KindAndAuthor({
  post,
  small,
}: {
  post: { kind: string; author: string | null; seller_id: number | null };
  small?: boolean;
}) {
  const { t } = useTranslation();
  const size = small ? 'sm' : undefined;
  return (
    <>
      <Text size={small ? 'xs' : 'sm'} c="dimmed">
        {t(`osint.itemKinds.${post.kind}`, { defaultValue: post.kind })}
      </Text>
      {post.author &&
        (post.seller_id ? (
          <Anchor component={Link} to={`/osint/sellers/${post.seller_id}`} size={size} fw={600} dir="auto">
            {post.author}
          </Anchor>
        ) : (
          <Text size={size} fw={600} dir="auto">
            {post.author}
          </Text>
        ))}
    </>
  );
}
