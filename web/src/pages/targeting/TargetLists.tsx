/**
 * Target lists (risk watchlists: traders, declarants, sellers, HS codes, countries, transport documents that rules
 * match against), for those who may see the intelligence behind rules (`risk:intelligence`). The list of lists with
 * its filters; a list's page with its entries, paged. Those with `risk:manage` create a list, add values and remove
 * one (audited on the server).
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending } from '../../components/ErrorAlert.tsx';
import { FilterBar, SelectFilter, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody, useFilteredList } from '../../components/ListBody.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListPager, rangeOf, usePagedQuery } from '../../components/paging.tsx';
import { RemoveButton } from '../../components/RemoveButton.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

export const LIST_TYPES = [
  'trader',
  'declarant',
  'seller',
  'hs_code',
  'country',
  'transport_document',
] as const;
const FILTERS = ['type', 'q'] as const;
const PAGE_SIZE = 25;

function NewList() {
  const { t } = useLang();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [type, setType] = useState<(typeof LIST_TYPES)[number]>('trader');
  const [description, setDescription] = useState('');
  const [expires, setExpires] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await apiSend('post', '/api/risk/watchlists', {
        json: {
          name: name.trim(),
          type,
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(expires ? { expires_on: expires } : {}),
        },
      });
      await client.invalidateQueries({ queryKey: ['targeting', 'lists'] });
      navigate(`/targeting/lists/${created.id}`);
    });
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('targeting.lists.new')}>
      <Text fw={600} mb="xs">
        {t('targeting.lists.new')}
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          label={t('targeting.lists.name')}
          description={t('targeting.lists.nameHint')}
          w={220}
          required
          maxLength={64}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Select
          label={t('targeting.lists.type')}
          w={200}
          allowDeselect={false}
          value={type}
          onChange={(v) => v && setType(v as (typeof LIST_TYPES)[number])}
          data={LIST_TYPES.map((k) => ({ value: k, label: t(`targeting.lists.types.${k}`) }))}
        />
        <TextInput
          label={t('targeting.lists.description')}
          style={{ flex: 1, minWidth: 200 }}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          dir="auto"
        />
        <TextInput
          type="date"
          label={t('targeting.lists.expires')}
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
        />
        <Button type="submit" loading={busy} disabled={!name.trim()}>
          {t('targeting.lists.create')}
        </Button>
      </Group>
      <ErrorAlert error={error} mt={8} />
    </Card>
  );
}

export function TargetLists() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const { can } = useSession();
  const { form, bar, body } = useFilteredList(FILTERS, ['targeting', 'lists'], PAGE_SIZE, (query) =>
    apiGet('/api/risk/watchlists', { query }),
  );
  return (
    <Stack>
      <PageHeader title={t('targeting.lists.title')} subtitle={t('targeting.lists.subtitle')} />
      {can('risk:manage') && <NewList />}
      <FilterBar
        {...bar}
        label={t('targeting.filters')}
        apply={t('targeting.apply')}
        reset={t('targeting.reset')}
      >
        <SelectFilter
          form={form}
          name="type"
          label={t('targeting.lists.type')}
          w={200}
          placeholder={t('targeting.any')}
          data={LIST_TYPES.map((k) => ({ value: k, label: t(`targeting.lists.types.${k}`) }))}
        />
        <TextFilter form={form} name="q" label={t('targeting.lists.search')} w={200} />
      </FilterBar>
      <ListBody
        {...body}
        label={t('targeting.lists.title')}
        countKey="targeting.count"
        emptyKey="targeting.lists.empty"
        columns={[
          t('targeting.lists.name'),
          t('targeting.lists.type'),
          t('targeting.lists.description'),
          { label: t('targeting.lists.entries'), ta: 'end' },
          t('targeting.lists.owner'),
          t('targeting.lists.expires'),
        ]}
        rows={(data) =>
          data.items.map((w) => (
            <OpenableRow
              key={w.id}
              onOpen={() => navigate(`/targeting/lists/${w.id}`)}
              data-testid="list-row"
            >
              <Table.Td fw={600}>{w.name}</Table.Td>
              <Table.Td>
                <Badge tt="none" variant="light">
                  {t(`targeting.lists.types.${w.type}`)}
                </Badge>
              </Table.Td>
              <Table.Td dir="auto">{w.description ?? '—'}</Table.Td>
              <Table.Td ta="end">{formatNumber(lang, w.entries)}</Table.Td>
              <Table.Td>{w.owner}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, w.expires_on)}</Table.Td>
            </OpenableRow>
          ))
        }
      />
    </Stack>
  );
}

function AddEntries({ id }: { id: number }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const values = [...new Set(text.split(/[\n,;]+/).map((v) => v.trim()))].filter(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await apiSend('post', '/api/risk/watchlists/{id}/entries', {
        path: { id },
        json: { values, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setAdded(answer.added);
      setText('');
      await client.invalidateQueries({ queryKey: ['targeting', 'list', id] });
    });
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('targeting.lists.add')}>
      <Text fw={600} mb="xs">
        {t('targeting.lists.add')}
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <Textarea
          label={t('targeting.lists.values')}
          description={t('targeting.lists.valuesHint')}
          autosize
          minRows={2}
          maxRows={8}
          style={{ flex: 1, minWidth: 220 }}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <TextInput
          label={t('targeting.lists.note')}
          w={220}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          dir="auto"
        />
        <Button type="submit" loading={busy} disabled={!values.length}>
          {t('targeting.lists.addButton', { count: values.length })}
        </Button>
      </Group>
      {added !== null && (
        <Text size="sm" c="green.8" mt={6} role="status">
          {t('targeting.lists.added', { count: added })}
        </Text>
      )}
      <ErrorAlert error={error} mt={8} />
    </Card>
  );
}

function RemoveEntry({ id, value }: { id: number; value: string }) {
  const { t } = useLang();
  const client = useQueryClient();
  return (
    <RemoveButton
      label={t('targeting.lists.remove', { value })}
      remove={async () => {
        await apiSend('delete', '/api/risk/watchlists/{id}/entries/{value}', { path: { id, value } });
        await client.invalidateQueries({ queryKey: ['targeting', 'list', id] });
      }}
    />
  );
}

export function TargetList() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const manage = can('risk:manage');
  const id = Number(useParams().id);
  const { page, setPage } = useUrlState([]);
  const list = usePagedQuery(['targeting', 'list', id], page, PAGE_SIZE, (paging) =>
    apiGet('/api/risk/watchlists/{id}', { path: { id }, query: paging }),
  );
  const back = (
    <Anchor component={Link} to="/targeting/lists" size="sm">
      ← {t('targeting.lists.back')}
    </Anchor>
  );
  if (!list.data) return <Pending query={list} back={back} />;
  const w = list.data;
  return (
    <Stack>
      {back}
      <Group gap="sm" align="center">
        <Title order={2} data-testid="list-title">
          {w.name}
        </Title>
        <Badge tt="none" variant="light">
          {t(`targeting.lists.types.${w.type}`)}
        </Badge>
      </Group>
      {w.description && (
        <Text dir="auto" size="sm">
          {w.description}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('targeting.lists.meta', {
          owner: w.owner,
          created: formatDate(lang, w.created_at),
          expires: formatDate(lang, w.expires_on),
        })}
      </Text>
      {manage && <AddEntries id={id} />}
      <Table.ScrollContainer minWidth={600}>
        <Table striped aria-label={t('targeting.lists.entries')}>
          <TableHead
            columns={[
              t('targeting.lists.value'),
              t('targeting.lists.note'),
              t('targeting.lists.addedBy'),
              t('targeting.lists.expires'),
              manage && '',
            ]}
          />
          <Table.Tbody>
            {w.page.items.map((e) => (
              <Table.Tr key={e.value} data-testid="entry-row">
                <Table.Td fw={600} dir="auto">
                  {e.value}
                </Table.Td>
                <Table.Td dir="auto">{e.note ?? '—'}</Table.Td>
                <Table.Td>
                  {e.added_by ?? '—'} · {formatDate(lang, e.added_at)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, e.expires_on)}</Table.Td>
                {manage && (
                  <Table.Td>
                    <RemoveEntry id={id} value={e.value} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {w.page.items.length === 0 ? (
        <Text c="dimmed">{t('targeting.lists.noEntries')}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('targeting.count', rangeOf(lang, w.page))}
        </Text>
      )}
      <ListPager total={w.page.total} size={PAGE_SIZE} page={page} onChange={setPage} />
    </Stack>
  );
}
