/**
 * One post in full: its text with every signal marked, the entities found, the classifier's reasons and scores,
 * its copies elsewhere, and the evidence it was captured in (SHA-256, time, source), which can be re-verified.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Drawer,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiGet } from '../../api.ts';
import { ErrorAlert, Pending } from '../../components/ErrorAlert.tsx';
import { webUrl } from '../../components/web-url.ts';
import { formatDateTime, formatMoney, formatNumber, useLang } from '../../i18n/index.ts';
import { useSources } from './Feed.tsx';
import { type Signal, spansFromSignals, textOffset } from './highlight.ts';
import {
  HighlightedText,
  HighlightLegend,
  KindAndAuthor,
  LABEL_COLOURS,
  LabelBadge,
  type OsintItemDetail,
  PlatformBadge,
  RISK_LABELS,
  type Verification,
} from './shared.tsx';

/** Arabic values read right to left; phones, URLs and Latin names left to right, even in the Arabic layout. */
export const dirOf = (value: string): 'rtl' | 'ltr' => (/\p{Script=Arabic}/u.test(value) ? 'rtl' : 'ltr');

/** An entity as text: a string, or the name/text/amount of an object. */
function entityText(value: unknown, lang: string): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.amount === 'number')
      return `${formatMoney(lang, o.amount, typeof o.currency === 'string' ? o.currency : null)}${
        typeof o.text === 'string' ? ` (“${o.text}”)` : ''
      }`;
    for (const key of ['name', 'text', 'value', 'handle', 'city', 'country'])
      if (typeof o[key] === 'string') return o[key] as string;
    return JSON.stringify(value);
  }
  return String(value);
}

function EntitiesTable({ entities }: { entities: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const rows = Object.entries(entities)
    .map(([kind, values]) => [kind, Array.isArray(values) ? values : [values]] as const)
    .filter(([, values]) => values.length > 0);
  if (!rows.length)
    return (
      <Text c="dimmed" size="sm">
        {t('osint.post.noEntities')}
      </Text>
    );
  return (
    <Table
      withTableBorder
      withColumnBorders
      fz="sm"
      aria-label={t('osint.post.entities')}
      data-testid="entities"
    >
      <Table.Tbody>
        {rows.map(([kind, values]) => (
          <Table.Tr key={kind}>
            <Table.Th w={140}>{t(`osint.entities.${kind}`, { defaultValue: kind })}</Table.Th>
            <Table.Td>
              {[...new Set(values.map((v) => entityText(v, i18n.language)))].map((v, i) => (
                <span key={v}>
                  {i > 0 && ' · '}
                  <bdi dir={dirOf(v)}>{v}</bdi>
                </span>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The evidence row of a capture and its re-verification. */
export function EvidenceBlock({ id, locator }: { id: number; locator: string | null }) {
  const { t, lang } = useLang();
  const sources = useSources();
  const evidence = useQuery({
    queryKey: ['osint', 'evidence', id],
    queryFn: () => apiGet('/api/osint/evidence/{id}', { path: { id } }),
  });
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async () => {
    setVerifying(true);
    setError(null);
    setVerification(null);
    try {
      setVerification(await apiGet('/api/osint/evidence/verify', { query: { from_id: id } }));
    } catch (e) {
      setError(e);
    } finally {
      setVerifying(false);
    }
  };
  const own = verification?.problems.filter((p) => p.id === id) ?? [];
  const e = evidence.data;
  const source = e?.source_id ? sources.data?.items.find((s) => s.id === e.source_id)?.name : undefined;
  return (
    <Paper withBorder p="sm" data-testid="evidence">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('osint.evidence.title', { id })}</Text>
        <Group gap="xs">
          <Anchor href={`/api/osint/evidence/${id}/content`} size="sm" download>
            {t('osint.evidence.download')}
          </Anchor>
          <Button size="xs" variant="light" onClick={() => void verify()} loading={verifying}>
            {t('osint.evidence.verify')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={evidence.error} onRetry={() => void evidence.refetch()} />
      {!e && !evidence.error && <Loader size="sm" />}
      {e && (
        <Table fz="sm" withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={150}>{t('osint.evidence.sha256')}</Table.Th>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Code style={{ wordBreak: 'break-all' }} data-testid="sha256">
                    {e.sha256}
                  </Code>
                  <CopyButton value={e.sha256}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="subtle" onClick={copy}>
                        {copied ? t('osint.evidence.copied') : t('osint.evidence.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('osint.evidence.capturedAt')}</Table.Th>
              <Table.Td>{formatDateTime(lang, e.fetched_at)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('osint.evidence.source')}</Table.Th>
              <Table.Td>
                {source ?? (e.source_id ? `#${e.source_id}` : '—')} ·{' '}
                {t(`osint.evidence.methods.${e.method}`)}
                {locator ? ` · ${locator}` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('osint.evidence.url')}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{e.final_url ?? e.url}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('osint.evidence.size')}</Table.Th>
              <Table.Td>
                {t('osint.evidence.bytes', { count: e.bytes, bytes: formatNumber(lang, e.bytes) })}
                {e.http_status ? ` · HTTP ${e.http_status}` : ''} ·{' '}
                {t('osint.evidence.by', { who: e.collected_by })}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      {error !== null && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      {verification && own.length === 0 && (
        <Alert
          color="green"
          mt="xs"
          title={t('osint.evidence.match')}
          data-testid="verify-result"
          data-ok="true"
        >
          {t('osint.evidence.matchDetail', { checked: formatNumber(lang, verification.checked) })}
          {verification.problems.length > 0 &&
            ` ${t('osint.evidence.othersAltered', { count: verification.problems.length })}`}
        </Alert>
      )}
      {verification && own.length > 0 && (
        <Alert
          color="red"
          mt="xs"
          role="alert"
          title={t('osint.evidence.mismatch')}
          data-testid="verify-result"
          data-ok="false"
        >
          <List size="sm">
            {own.map((p) => (
              <List.Item key={p.kind}>
                {t(`osint.evidence.problems.${p.kind}`)} — {p.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}

/**
 * The learned model's calibrated probabilities (decision 0032), beside the rule evidence: what the model thinks of
 * the text, to weigh against the reasons an investigator can check above.
 */
function LearnedModel({ model }: { model: OsintItemDetail['model'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt="xs" data-testid="learned-model">
      <Title order={6}>{t('osint.post.learned')}</Title>
      {model ? (
        <>
          {([...RISK_LABELS, 'benign'] as const).map((l) => {
            const p = model.probabilities[l] ?? 0;
            return (
              <Group key={l} gap="xs" wrap="nowrap" data-label={l}>
                <Text size="xs" w={150}>
                  {t(`osint.labels.${l}`)}
                </Text>
                <Progress
                  value={p * 100}
                  color={l === 'benign' ? 'gray' : LABEL_COLOURS[l]}
                  size="sm"
                  style={{ flex: 1 }}
                />
                <Text size="xs" w={40} ta="end" data-testid="probability">
                  {`${Math.round(p * 100)} %`}
                </Text>
              </Group>
            );
          })}
          <Text size="xs" c="dimmed">
            {t('osint.post.learnedNote')}
          </Text>
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {t('osint.post.noLearned')}
        </Text>
      )}
    </Stack>
  );
}

export function PostDetail({ id }: { id: number }) {
  const { t, lang } = useLang();
  const item = useQuery({
    queryKey: ['osint', 'item', id],
    queryFn: () => apiGet('/api/osint/items/{id}', { path: { id } }),
  });
  const d = item.data;
  if (!d) return <Pending query={item} />;
  const signals = d.signals as Signal[];
  const offset = textOffset(d.title, d.text);
  const others = d.group.filter((g) => g.id !== d.id);
  return (
    <Stack gap="md" data-testid="post-detail">
      <Group justify="space-between" align="start">
        <Group gap="xs">
          <PlatformBadge platform={d.platform} />
          <KindAndAuthor post={d} />
          <Text size="sm" c="dimmed">
            {formatDateTime(lang, d.posted_at)}
          </Text>
        </Group>
        <Group gap="xs">
          {d.price !== null && <Text fw={700}>{formatMoney(lang, d.price, d.currency)}</Text>}
          <LabelBadge label={d.label} score={d.score} />
          {d.confirmed_label && (
            <Badge
              color={LABEL_COLOURS[d.confirmed_label]}
              variant="outline"
              style={{ textTransform: 'none' }}
            >
              {t('osint.post.confirmed', { label: t(`osint.labels.${d.confirmed_label}`) })}
            </Badge>
          )}
        </Group>
      </Group>
      {d.url &&
        (webUrl(d.url) ? (
          <Anchor
            href={webUrl(d.url)!}
            target="_blank"
            rel="noopener noreferrer nofollow"
            size="sm"
            style={{ wordBreak: 'break-all' }}
          >
            {d.url}
          </Anchor>
        ) : (
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {d.url}
          </Text>
        ))}
      <Paper withBorder p="sm" bg="gray.0">
        {d.title && offset > 0 && (
          <HighlightedText text={d.title} spans={spansFromSignals(d.title, signals, 0)} fw={600} />
        )}
        <HighlightedText text={d.text} spans={spansFromSignals(d.text, signals, offset)} />
        {d.text_truncated && (
          <Text size="xs" c="orange" mt={4}>
            {t('osint.post.truncated')}
          </Text>
        )}
      </Paper>
      <HighlightLegend
        kinds={['counterfeit', 'health_risk', 'duty_evasion', 'sale_intent', 'context', 'negated']}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="xs">
          <Title order={5}>{t('osint.post.scores')}</Title>
          {RISK_LABELS.map((l) => (
            <Group key={l} gap="xs" wrap="nowrap">
              <Text size="sm" w={150}>
                {t(`osint.labels.${l}`)}
              </Text>
              <Progress value={(d.scores[l] ?? 0) * 100} color={LABEL_COLOURS[l]} style={{ flex: 1 }} />
              <Text size="sm" w={32} ta="end">
                {Math.round((d.scores[l] ?? 0) * 100)}
              </Text>
            </Group>
          ))}
          <Title order={5} mt="xs">
            {t('osint.post.reasons')}
          </Title>
          <List size="sm" spacing={4} data-testid="reasons">
            {d.reasons.map((r) => (
              <List.Item key={r}>
                <span dir="auto">{r}</span>
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('osint.post.model', { version: d.model_version, language: d.language ?? '—' })}
          </Text>
          <LearnedModel model={d.model} />
        </Stack>
        <Stack gap="xs">
          <Title order={5}>{t('osint.post.entities')}</Title>
          <EntitiesTable entities={d.entities} />
          {d.identifiers.length > 0 && (
            <>
              <Title order={5} mt="xs">
                {t('osint.post.identifiers')}
              </Title>
              <Group gap={6}>
                {d.identifiers.map((i) => (
                  <Badge key={`${i.kind}:${i.value}`} variant="default" style={{ textTransform: 'none' }}>
                    {t(`osint.identifierKinds.${i.kind}`, { defaultValue: i.kind })}:{' '}
                    <bdi dir={dirOf(i.value)}>{i.value}</bdi>
                  </Badge>
                ))}
              </Group>
            </>
          )}
        </Stack>
      </SimpleGrid>
      {others.length > 0 && (
        <Stack gap={4}>
          <Title order={5}>{t('osint.post.copies', { count: others.length })}</Title>
          <Table fz="sm" striped>
            <Table.Tbody>
              {others.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td w={110}>
                    <PlatformBadge platform={g.platform} />
                  </Table.Td>
                  <Table.Td dir="auto">
                    {g.seller_id ? (
                      <Anchor component={Link} to={`/osint/sellers/${g.seller_id}`} size="sm">
                        {g.author ?? '—'}
                      </Anchor>
                    ) : (
                      (g.author ?? '—')
                    )}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{g.url}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Title order={5}>{t('osint.evidence.heading')}</Title>
      <EvidenceBlock id={d.evidence_id} locator={d.locator} />
      {d.captures.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('osint.evidence.captures', {
            list: d.captures.map((c) => `#${c.evidence_id} (${formatDateTime(lang, c.seen_at)})`).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** The post drawer, opened anywhere in the area by `?post=ID`. */
export function PostDrawer() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('post'));
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('post');
    setParams(next);
  };
  return (
    <Drawer
      opened={Number.isInteger(id) && id > 0}
      onClose={close}
      position="right"
      size="xl"
      title={<Text fw={700}>{t('osint.post.title', { id })}</Text>}
    >
      {id > 0 && <PostDetail id={id} />}
    </Drawer>
  );
}
