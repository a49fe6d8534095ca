/** Surveillance campaigns: the list with their queues and findings, and the form to start one. */
import {
  Badge,
  Button,
  Card,
  Center,
  Collapse,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { DateRange } from '../../components/DateRange.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import type { Campaign } from './types.ts';

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function CampaignStatus({ status }: { status: Campaign['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green' : 'gray'} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`campaigns.status.${status}`)}
    </Badge>
  );
}

export function CampaignWindow({ from, to }: { from: string | null; to: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <DateRange
      from={from}
      to={to}
      lang={i18n.language}
      unbounded={t('campaigns.anyDate')}
      openEnd={t('campaigns.open')}
    />
  );
}

export function Criteria({ campaign }: { campaign: Pick<Campaign, 'hs_prefixes' | 'keywords' | 'origins'> }) {
  const { t } = useTranslation();
  const chips = [
    ...campaign.hs_prefixes.map((v) => ({ v, kind: 'hs', colour: 'blue' })),
    ...campaign.origins.map((v) => ({ v, kind: 'origin', colour: 'grape' })),
    ...campaign.keywords.map((v) => ({ v, kind: 'keyword', colour: 'teal' })),
  ];
  if (!chips.length)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {chips.map((c) => (
        <Badge
          key={`${c.kind}:${c.v}`}
          size="sm"
          variant="outline"
          color={c.colour}
          title={t(`campaigns.kinds.${c.kind}`)}
          tt="none"
        >
          {c.kind === 'hs' ? `${t('campaigns.hsShort')} ${c.v}` : c.kind === 'keyword' ? `“${c.v}”` : c.v}
        </Badge>
      ))}
    </Group>
  );
}

/** The form to start a campaign; errors from the server stay in the form. */
export function CampaignForm({ onCreated, onCancel }: { onCreated(c: Campaign): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [hs, setHs] = useState<string[]>([]);
  const [keywords, setKeywords] = useState<string[]>([]);
  const [origins, setOrigins] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { busy, error, setError, run } = useAction();
  const [fields, setFields] = useState<{ name?: string; to?: string; criteria?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const problems: typeof fields = {};
    if (!NAME.test(name)) problems.name = t('campaigns.nameInvalid');
    if (from && to && to < from) problems.to = t('campaigns.dateOrder');
    if (!hs.length && !keywords.length && !origins.length)
      problems.criteria = t('campaigns.criteriaRequired');
    setFields(problems);
    if (Object.keys(problems).length) return;
    await run(async () => {
      const created = await apiSend('post', '/api/risk/campaigns', {
        json: {
          name,
          description: description.trim() || null,
          hs_prefixes: hs,
          keywords,
          origins,
          date_from: from || null,
          date_to: to || null,
        },
      });
      onCreated(created);
    });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={t('campaigns.create')}>
      <Stack gap="sm">
        <Text fw={600}>{t('campaigns.create')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={t('campaigns.name')}
            description={t('campaigns.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            withAsterisk
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('campaigns.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('campaigns.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={fields.to}
            />
          </Group>
        </SimpleGrid>
        <Textarea
          label={t('campaigns.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          rows={2}
        />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TagsInput
            label={t('campaigns.hsPrefixes')}
            description={t('campaigns.hsHint')}
            value={hs}
            onChange={(v) => setHs(v.map((x) => x.replace(/\D/g, '')).filter(Boolean))}
            splitChars={[',', ' ', ';']}
            clearable
          />
          <TagsInput
            label={t('campaigns.keywords')}
            description={t('campaigns.keywordsHint')}
            value={keywords}
            onChange={setKeywords}
            splitChars={[',', ';']}
            clearable
          />
          <TagsInput
            label={t('campaigns.origins')}
            description={t('campaigns.originsHint')}
            value={origins}
            onChange={(v) => setOrigins([...new Set(v.map((x) => x.trim().toUpperCase()).filter(Boolean))])}
            splitChars={[',', ' ', ';']}
            clearable
          />
        </SimpleGrid>
        {fields.criteria && (
          <Text size="sm" c="red">
            {fields.criteria}
          </Text>
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('rules.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('campaigns.createButton')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function Campaigns() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'active';
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['risk-campaigns', status],
    queryFn: () =>
      apiGet('/api/risk/campaigns', { query: { status: status === 'all' ? undefined : status, limit: 200 } }),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label={t('campaigns.filterStatus')}
          value={status}
          onChange={(v) => setParams(v === 'active' ? {} : { status: v })}
          data={[
            { value: 'active', label: t('campaigns.status.active') },
            { value: 'closed', label: t('campaigns.status.closed') },
            { value: 'all', label: t('campaigns.all') },
          ]}
        />
        {can('risk:manage') && !creating && (
          <Button onClick={() => setCreating(true)}>{t('campaigns.create')}</Button>
        )}
      </Group>
      {can('risk:manage') && (
        <Collapse expanded={creating}>
          {creating && (
            <CampaignForm
              onCancel={() => setCreating(false)}
              onCreated={(c) => {
                setCreating(false);
                void client.invalidateQueries({ queryKey: ['risk-campaigns'] });
                navigate(`/rules/campaigns/${c.id}`);
              }}
            />
          )}
        </Collapse>
      )}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isLoading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {list.data && list.data.items.length === 0 && (
        <Card withBorder>
          <Text c="dimmed" ta="center" py="lg">
            {t('campaigns.none')}
          </Text>
        </Card>
      )}
      {list.data && list.data.items.length > 0 && (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing={8} fz="sm" aria-label={t('campaigns.title')}>
              <TableHead
                columns={[
                  t('campaigns.name'),
                  t('campaigns.criteria'),
                  t('campaigns.window'),
                  t('campaigns.statusLabel'),
                  { label: t('campaigns.queued'), style: { textAlign: 'end', whiteSpace: 'nowrap' } },
                  { label: t('campaigns.findings'), style: { textAlign: 'end', whiteSpace: 'nowrap' } },
                  t('campaigns.owner'),
                ]}
              />
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <OpenableRow key={c.id} onOpen={() => navigate(`/rules/campaigns/${c.id}`)}>
                    <Table.Td>
                      <Text size="sm" fw={600} ff="monospace">
                        {c.name}
                      </Text>
                      {c.description && (
                        <Text size="xs" c="dimmed" lineClamp={1} maw={360} dir="auto">
                          {c.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Criteria campaign={c} />
                    </Table.Td>
                    <Table.Td>
                      <CampaignWindow from={c.date_from} to={c.date_to} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <CampaignStatus status={c.status} />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end' }}>{formatNumber(lang, c.queued)}</Table.Td>
                    <Table.Td
                      style={{ textAlign: 'end' }}
                      fw={c.findings ? 700 : undefined}
                      c={c.findings ? 'red.7' : undefined}
                    >
                      {formatNumber(lang, c.findings)}
                    </Table.Td>
                    <Table.Td>{c.owner}</Table.Td>
                  </OpenableRow>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
