/**
 * Hubs and exclusions (over-correlation control, docs/graph.md): the identifiers shared too widely (hubs: in the
 * graph but no longer crossed), most linked first, with "keep linking" (a reason, audited); and the exclusion
 * list (values that never link) with add and remove. Changing needs `graph:manage`.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schema } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { TypeBadge } from './shared.tsx';

type Hub = Schema<'GraphHub'>;
type Exclusion = Schema<'GraphExclusion'>;

function HubRow({ hub, onKept }: { hub: Hub; onKept: () => void }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const [reason, setReason] = useState('');
  const action = useAction();
  const keep = () =>
    action.run(async () => {
      await apiSend('post', '/api/graph/hubs/{id}/keep', {
        path: { id: hub.id },
        json: { reason: reason.trim() },
      });
      onKept();
    });
  return (
    <Table.Tr data-testid="hub-row">
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <TypeBadge type={hub.type} />
          <Anchor component={Link} to={`/graph/entity/${hub.id}`} size="sm" dir="ltr">
            {hub.key}
          </Anchor>
          {hub.excluded && (
            <Badge color="gray" variant="light">
              {t('graph.hubs.excluded')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td data-testid="hub-degree">{formatNumber(lang, hub.degree)}</Table.Td>
      <Table.Td>
        {can('graph:manage') && !hub.excluded && (
          <Group gap="xs" align="end" wrap="nowrap">
            <TextInput
              size="xs"
              w={240}
              aria-label={t('graph.hubs.reason')}
              placeholder={t('graph.hubs.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!reason.trim()}
              loading={action.busy}
              onClick={() => void keep()}
            >
              {t('graph.hubs.keep')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={action.error} mt={4} />
      </Table.Td>
    </Table.Tr>
  );
}

function ExclusionRow({ exclusion, onRemoved }: { exclusion: Exclusion; onRemoved: () => void }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const action = useAction();
  const key = `${exclusion.type}:${exclusion.key}`;
  return (
    <Table.Tr data-testid="exclusion-row">
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <TypeBadge type={exclusion.type} />
          <Text size="sm" dir="ltr">
            {exclusion.key}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" dir="auto">
          {exclusion.note}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {exclusion.created_by} · {formatDateTime(lang, exclusion.created_at)}
        </Text>
      </Table.Td>
      <Table.Td>
        {can('graph:manage') && (
          <Button
            size="xs"
            color="gray"
            variant="light"
            aria-label={t('graph.exclusions.removeOne', { key })}
            loading={action.busy}
            onClick={() =>
              void action.run(async () => {
                await apiSend('delete', '/api/graph/exclusions', { query: { key } });
                onRemoved();
              })
            }
          >
            {t('graph.exclusions.remove')}
          </Button>
        )}
        <ErrorAlert error={action.error} mt={4} />
      </Table.Td>
    </Table.Tr>
  );
}

function AddExclusion({ onAdded }: { onAdded: () => void }) {
  const { t } = useLang();
  const [key, setKey] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  return (
    <Paper withBorder p="sm">
      <Group gap="xs" align="end">
        <TextInput
          size="xs"
          w={260}
          label={t('graph.exclusions.key')}
          placeholder="phone:+212522000000"
          dir="ltr"
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          w={320}
          label={t('graph.exclusions.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button
          size="xs"
          disabled={!key.trim() || !note.trim()}
          loading={action.busy}
          onClick={() =>
            void action.run(async () => {
              await apiSend('post', '/api/graph/exclusions', {
                json: { key: key.trim(), note: note.trim() },
              });
              setKey('');
              setNote('');
              onAdded();
            })
          }
        >
          {t('graph.exclusions.add')}
        </Button>
      </Group>
      <ErrorAlert error={action.error} mt={8} />
    </Paper>
  );
}

export function Hubs() {
  const { t } = useLang();
  const { can } = useSession();
  const client = useQueryClient();
  const hubs = useQuery({ queryKey: ['graph', 'hubs'], queryFn: () => apiGet('/api/graph/hubs') });
  const exclusions = useQuery({
    queryKey: ['graph', 'exclusions'],
    queryFn: () => apiGet('/api/graph/exclusions'),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['graph', 'hubs'] });
    void client.invalidateQueries({ queryKey: ['graph', 'exclusions'] });
  };
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={4}>{t('graph.hubs.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('graph.hubs.explain')}
        </Text>
        <QueryStatus query={hubs} />
        {hubs.data && hubs.data.items.length === 0 && <Text size="sm">{t('graph.hubs.none')}</Text>}
        {hubs.data && hubs.data.items.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('graph.hubs.value')}</Table.Th>
                <Table.Th>{t('graph.hubs.degree')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hubs.data.items.map((h) => (
                <HubRow key={h.id} hub={h} onKept={refresh} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('graph.exclusions.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('graph.exclusions.explain')}
        </Text>
        {can('graph:manage') && <AddExclusion onAdded={refresh} />}
        <QueryStatus query={exclusions} />
        {exclusions.data && exclusions.data.items.length === 0 && (
          <Text size="sm">{t('graph.exclusions.none')}</Text>
        )}
        {exclusions.data && exclusions.data.items.length > 0 && (
          <Table>
            <Table.Tbody>
              {exclusions.data.items.map((x) => (
                <ExclusionRow key={`${x.type}:${x.key}`} exclusion={x} onRemoved={refresh} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
