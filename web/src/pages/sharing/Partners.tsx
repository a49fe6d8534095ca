/**
 * Partner administrations and agencies: the list with the state of each link (what waits in the outbox, the oldest
 * waiting, failures, last contact both ways), this installation's own key to give partners, and a partner's page
 * with its key's fingerprint (to compare with the one the partner reads out) and, for those who may write, "pull
 * now" from its installation, add a partner and change one (PartnerForms.tsx).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending, QueryStatus } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { EditPartner, NewPartner } from './PartnerForms.tsx';
import { fingerprint, Hex, type PartnerStatus } from './shared.tsx';

const usePartners = () =>
  useQuery({ queryKey: ['sharing', 'partners'], queryFn: () => apiGet('/api/sharing/partners') });
const useStatus = () =>
  useQuery({ queryKey: ['sharing', 'status'], queryFn: () => apiGet('/api/sharing/status') });

/** The link's health in one word: failing (an error or refusals), waiting (a backlog), or up to date. */
function LinkState({ status }: { status: PartnerStatus | undefined }) {
  const { t } = useLang();
  if (!status) return <Text c="dimmed">—</Text>;
  const [colour, key] = status.last_error
    ? ['red', 'failing']
    : status.refused
      ? ['orange', 'refusals']
      : status.backlog
        ? ['yellow', 'waiting']
        : ['green', 'upToDate'];
  return (
    <Badge color={colour} variant="light" tt="none" data-testid="link-state">
      {t(`sharing.partners.state.${key}`)}
    </Badge>
  );
}

function InstallationKey() {
  const { t } = useLang();
  const key = useQuery({
    queryKey: ['sharing', 'installation'],
    queryFn: () => apiGet('/api/sharing/installation'),
  });
  if (!key.data) return null;
  return (
    <Card withBorder padding="sm" data-testid="installation-key">
      <Text fw={600}>{t('sharing.partners.ours')}</Text>
      <Text size="sm" c="dimmed">
        {t('sharing.partners.oursHint')}
      </Text>
      <Text size="sm" mt={4}>
        {t('sharing.partners.fingerprint')} : <Hex value={fingerprint(key.data.key_id)} />
      </Text>
    </Card>
  );
}

export function Partners() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const navigate = useNavigate();
  const partners = usePartners();
  const status = useStatus();
  const byCode = new Map((status.data?.items ?? []).map((s) => [s.partner, s]));
  return (
    <Stack>
      <PageHeader title={t('sharing.partners.title')} subtitle={t('sharing.partners.subtitle')} />
      <InstallationKey />
      {can('sharing:write') && <NewPartner />}
      <QueryStatus query={partners} />
      <ErrorAlert error={status.error} />
      {partners.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t('sharing.partners.title')}>
            <TableHead
              columns={[
                t('sharing.partners.code'),
                t('sharing.partners.name'),
                t('sharing.partners.kind'),
                t('sharing.partners.link'),
                { label: t('sharing.partners.backlog'), ta: 'end' },
                { label: t('sharing.partners.failures'), ta: 'end' },
                t('sharing.partners.lastPush'),
                t('sharing.partners.lastPull'),
              ]}
            />
            <Table.Tbody>
              {partners.data.items.map((p) => {
                const s = byCode.get(p.code);
                return (
                  <OpenableRow
                    key={p.code}
                    onOpen={() => navigate(`/sharing/partners/${encodeURIComponent(p.code)}`)}
                    data-testid="partner-row"
                  >
                    <Table.Td fw={600}>{p.code}</Table.Td>
                    <Table.Td dir="auto">
                      {p.name} {!p.active && <Badge color="gray">{t('sharing.partners.inactive')}</Badge>}
                    </Table.Td>
                    <Table.Td>
                      {t(`sharing.partners.kinds.${p.kind}`)} · {p.country}
                    </Table.Td>
                    <Table.Td>
                      <LinkState status={s} />
                    </Table.Td>
                    <Table.Td ta="end">{s ? formatNumber(lang, s.backlog) : '—'}</Table.Td>
                    <Table.Td ta="end">{s ? formatNumber(lang, s.attempts + s.refused) : '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(lang, s?.last_sent_at)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(lang, s?.last_received_at)}
                    </Table.Td>
                  </OpenableRow>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {partners.data?.items.length === 0 && <Text c="dimmed">{t('sharing.partners.empty')}</Text>}
    </Stack>
  );
}

type PullResult = ApiResponse<'/api/sharing/partners/{code}/pull', 'post'>;

function PullNow({ code }: { code: string }) {
  const { t } = useLang();
  const client = useQueryClient();
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<PullResult | null>(null);
  return (
    <Stack gap={4}>
      <Group>
        <Button
          loading={busy}
          onClick={() =>
            void run(async () => {
              setResult(null);
              setResult(await apiSend('post', '/api/sharing/partners/{code}/pull', { path: { code } }));
              await client.invalidateQueries({ queryKey: ['sharing'] });
            })
          }
        >
          {t('sharing.partners.pull')}
        </Button>
      </Group>
      {result && (
        <Text size="sm" c="green.8" role="status">
          {t('sharing.partners.pulled', {
            stored: result.stored,
            duplicate: result.duplicate,
            refused: result.refused,
          })}
        </Text>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}

export function PartnerPage() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const code = useParams().code ?? '';
  const partner = useQuery({
    queryKey: ['sharing', 'partner', code],
    queryFn: () => apiGet('/api/sharing/partners/{code}', { path: { code } }),
  });
  const status = useStatus();
  const back = (
    <Anchor component={Link} to="/sharing/partners" size="sm">
      ← {t('sharing.partners.back')}
    </Anchor>
  );
  if (!partner.data) return <Pending query={partner} back={back} />;
  const p = partner.data;
  const s = status.data?.items.find((x) => x.partner === p.code);
  const field = (label: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
  return (
    <Stack>
      {back}
      <Group gap="sm">
        <Title order={2} dir="auto" data-testid="partner-title">
          {p.name}
        </Title>
        <Badge variant="light" tt="none">
          {p.code}
        </Badge>
        {!p.active && <Badge color="gray">{t('sharing.partners.inactive')}</Badge>}
        <LinkState status={s} />
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {field(t('sharing.partners.kind'), `${t(`sharing.partners.kinds.${p.kind}`)} · ${p.country}`)}
          {field(t('sharing.partners.endpoint'), p.endpoint_url ? <Hex value={p.endpoint_url} /> : '—')}
          {field(t('sharing.partners.added'), `${p.created_by} · ${formatDateTime(lang, p.created_at)}`)}
        </SimpleGrid>
      </Card>
      <Card withBorder data-testid="partner-key">
        <Text fw={600}>{t('sharing.partners.key')}</Text>
        <Text size="sm" c="dimmed">
          {t('sharing.partners.keyHint')}
        </Text>
        <Text size="lg" ff="monospace" dir="ltr" mt="xs" data-testid="fingerprint">
          {fingerprint(p.key_id)}
        </Text>
        <Text size="xs" ff="monospace" dir="ltr" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {p.public_key}
        </Text>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('sharing.partners.link')}
        </Text>
        {s ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {field(t('sharing.partners.backlog'), formatNumber(lang, s.backlog))}
            {field(t('sharing.partners.oldest'), formatDateTime(lang, s.oldest_pending))}
            {field(t('sharing.partners.attempts'), formatNumber(lang, s.attempts))}
            {field(t('sharing.partners.refused'), formatNumber(lang, s.refused))}
            {field(t('sharing.partners.lastPush'), formatDateTime(lang, s.last_sent_at))}
            {field(t('sharing.partners.lastPull'), formatDateTime(lang, s.last_received_at))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sharing.partners.noStatus')}
          </Text>
        )}
        {s?.last_error && (
          <Alert color="red" mt="sm" title={t('sharing.partners.lastError')}>
            <Text size="sm" dir="auto" data-testid="last-error">
              {s.last_error}
            </Text>
          </Alert>
        )}
      </Card>
      {can('sharing:write') && p.active && p.endpoint_url && <PullNow code={p.code} />}
      {can('sharing:write') && <EditPartner key={`${p.code}.${p.updated_at}`} partner={p} />}
    </Stack>
  );
}
