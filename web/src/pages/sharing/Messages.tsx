/**
 * Messages shared in closed user groups (CENcomm-like): the feed — inbox and outbox, by group and kind, filters in
 * the address — and a message's page: what was received exactly as it came (every field as text: a partner's words
 * are never markup), its marking and distribution, and its signature's status.
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
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiGet } from '../../api.ts';
import { Pending } from '../../components/ErrorAlert.tsx';
import { FilterBar, SelectFilter } from '../../components/FilterBar.tsx';
import { ListBody, useFilteredList } from '../../components/ListBody.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OpenableRow } from '../../components/table.tsx';
import { formatDateTime, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import {
  DIRECTIONS,
  fingerprint,
  Hex,
  MarkingBadge,
  MESSAGE_KINDS,
  type Message,
  PayloadTable,
} from './shared.tsx';

const FILTERS = ['direction', 'group', 'kind'] as const;
const PAGE_SIZE = 25;

function DirectionBadge({ message }: { message: Message }) {
  const { t } = useLang();
  return (
    <Badge variant="light" color={message.direction === 'incoming' ? 'violet' : 'blue'} tt="none">
      {t(`sharing.messages.directions.${message.direction}`)}
    </Badge>
  );
}

export function MessageFeed() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const { can } = useSession();
  const { form, bar, body } = useFilteredList(FILTERS, ['sharing', 'messages'], PAGE_SIZE, (query) =>
    apiGet('/api/sharing/messages', { query }),
  );
  const groups = useQuery({ queryKey: ['sharing', 'groups'], queryFn: () => apiGet('/api/sharing/groups') });
  return (
    <Stack>
      <PageHeader title={t('sharing.messages.title')} subtitle={t('sharing.messages.subtitle')}>
        {can('sharing:write') && (
          <Button component={Link} to="/sharing/compose">
            {t('sharing.messages.compose')}
          </Button>
        )}
      </PageHeader>
      <FilterBar {...bar} label={t('sharing.filters')} reset={t('sharing.reset')}>
        <SelectFilter
          form={form}
          name="direction"
          label={t('sharing.messages.box')}
          w={170}
          placeholder={t('sharing.any')}
          data={DIRECTIONS.map((d) => ({ value: d, label: t(`sharing.messages.directions.${d}`) }))}
        />
        <SelectFilter
          form={form}
          name="group"
          label={t('sharing.messages.group')}
          w={220}
          placeholder={t('sharing.any')}
          data={(groups.data?.items ?? []).map((g) => ({ value: g.code, label: `${g.code} — ${g.name}` }))}
        />
        <SelectFilter
          form={form}
          name="kind"
          label={t('sharing.messages.kind')}
          w={190}
          placeholder={t('sharing.any')}
          data={MESSAGE_KINDS.map((k) => ({ value: k, label: t(`sharing.messages.kinds.${k}`) }))}
        />
      </FilterBar>
      <ListBody
        {...body}
        label={t('sharing.messages.title')}
        countKey="sharing.count"
        emptyKey="sharing.messages.empty"
        minWidth={900}
        columns={[
          t('sharing.messages.when'),
          t('sharing.messages.box'),
          t('sharing.messages.kind'),
          t('sharing.messages.titleField'),
          t('sharing.messages.group'),
          t('sharing.messages.partner'),
          t('sharing.messages.marking'),
        ]}
        rows={(data) =>
          data.items.map((m) => (
            <OpenableRow
              key={m.id}
              onOpen={() => navigate(`/sharing/messages/${m.id}`)}
              data-testid="message-row"
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, m.sent_at)}</Table.Td>
              <Table.Td>
                <DirectionBadge message={m} />
              </Table.Td>
              <Table.Td>{t(`sharing.messages.kinds.${m.kind}`)}</Table.Td>
              <Table.Td dir="auto" fw={600}>
                {m.title}
              </Table.Td>
              <Table.Td>{m.group ?? '—'}</Table.Td>
              <Table.Td>{m.partner ?? t('sharing.messages.us')}</Table.Td>
              <Table.Td>
                <MarkingBadge marking={m.marking} />
              </Table.Td>
            </OpenableRow>
          ))
        }
      />
    </Stack>
  );
}

/**
 * What the signature of a message says. A received message was stored only after its sender's signature and its
 * payload's hash were checked (a forged or tampered one is refused and logged), so a stored one is verified; it
 * says whether the key is the partner's current one or an earlier one (rotated since).
 */
function SignatureStatus({ message }: { message: Message }) {
  const { t } = useLang();
  const partner = useQuery({
    queryKey: ['sharing', 'partner', message.partner],
    queryFn: () => apiGet('/api/sharing/partners/{code}', { path: { code: message.partner ?? '' } }),
    enabled: message.direction === 'incoming' && !!message.partner,
  });
  const incoming = message.direction === 'incoming';
  const current = partner.data?.key_id === message.sender_key_id;
  return (
    <Alert
      color="green"
      title={t(incoming ? 'sharing.messages.signature.verified' : 'sharing.messages.signature.ours')}
      data-testid="signature-status"
    >
      <Stack gap={4}>
        <Text size="sm">
          {incoming
            ? t('sharing.messages.signature.verifiedHint', { partner: message.partner ?? '—' })
            : t('sharing.messages.signature.oursHint')}
        </Text>
        {incoming && partner.data && (
          <Text size="sm" data-testid="signature-key">
            {t(current ? 'sharing.messages.signature.currentKey' : 'sharing.messages.signature.earlierKey')}
          </Text>
        )}
        <Text size="sm">
          {t('sharing.partners.fingerprint')} : <Hex value={fingerprint(message.sender_key_id)} />
        </Text>
        <Text size="sm">
          {t('sharing.messages.payloadHash')} : <Hex value={message.payload_sha256} />
        </Text>
      </Stack>
    </Alert>
  );
}

export function MessagePage() {
  const { t, lang } = useLang();
  const id = Number(useParams().id);
  const message = useQuery({
    queryKey: ['sharing', 'message', id],
    queryFn: () => apiGet('/api/sharing/messages/{id}', { path: { id } }),
  });
  const back = (
    <Anchor component={Link} to="/sharing" size="sm">
      ← {t('sharing.messages.back')}
    </Anchor>
  );
  if (!message.data) return <Pending query={message} back={back} />;
  const m = message.data;
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
        <DirectionBadge message={m} />
        <MarkingBadge marking={m.marking} />
        <Badge variant="outline" tt="none">
          {t(`sharing.messages.kinds.${m.kind}`)}
        </Badge>
      </Group>
      <Title order={2} dir="auto" data-testid="message-title">
        {m.title}
      </Title>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {field(t('sharing.messages.partner'), m.partner ?? t('sharing.messages.us'))}
          {field(t('sharing.messages.group'), m.group ?? '—')}
          {field(t('sharing.messages.distribution'), t(`sharing.messages.distributions.${m.distribution}`))}
          {field(t('sharing.messages.sentAt'), formatDateTime(lang, m.sent_at))}
          {field(t('sharing.messages.recorded'), `${m.recorded_by} · ${formatDateTime(lang, m.recorded_at)}`)}
          {field(
            t('sharing.messages.nominal'),
            t(m.nominal ? 'sharing.messages.nominalYes' : 'sharing.messages.nominalNo'),
          )}
          {m.source_ref && field(t('sharing.messages.source'), `${m.source_type ?? ''} ${m.source_ref}`)}
          {field(t('sharing.messages.messageId'), <Hex value={m.message_id} />)}
        </SimpleGrid>
      </Card>
      <SignatureStatus message={m} />
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t(m.direction === 'incoming' ? 'sharing.messages.received' : 'sharing.messages.left')}
        </Text>
        <PayloadTable payload={m.payload} label={t('sharing.messages.payload')} />
      </Card>
    </Stack>
  );
}
