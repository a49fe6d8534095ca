/**
 * Saved networks (/graph/networks, docs/graph.md "Saved networks"): the charts saved from the link chart, newest
 * first, with their note, author and date; open one on the chart (at its saved positions), export it (CSV of nodes
 * and links, GraphML — the PNG is the chart's own button once opened) or delete it (its author, or graph:manage).
 * What an opened network shows follows the records behind each link (online-only entities need osint:read).
 */
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Schema } from '../../api/types.ts';
import { apiGet, apiSend, route } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

type Saved = Schema<'GraphNetworkSummary'>;

const EXPORTS = [
  { label: 'csvNodes', format: 'csv', part: 'nodes' },
  { label: 'csvEdges', format: 'csv', part: 'edges' },
  { label: 'graphml', format: 'graphml', part: undefined },
] as const;

function NetworkRow({ network, onDeleted }: { network: Saved; onDeleted: () => void }) {
  const { t, lang } = useLang();
  const { can, user } = useSession();
  const action = useAction();
  const mayDelete = can('graph:manage') || user?.username === network.created_by;
  return (
    <Table.Tr data-testid="network-row">
      <Table.Td>
        <Anchor component={Link} to={`/graph?network=${network.id}`} size="sm" dir="auto" fw={600}>
          {network.name}
        </Anchor>
        {network.note && (
          <Text size="xs" c="dimmed" dir="auto">
            {network.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" dir="ltr">
          {network.start_key ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {network.created_by} · {formatDateTime(lang, network.created_at)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {EXPORTS.map(({ label, format, part }) => (
            <Button
              key={label}
              component="a"
              size="xs"
              variant="default"
              href={route('/api/graph/networks/{id}/export', {
                path: { id: network.id },
                query: { format, part },
              })}
              download
            >
              {t(`graph.chart.${label}`)}
            </Button>
          ))}
          {mayDelete && (
            <Button
              size="xs"
              color="gray"
              variant="light"
              aria-label={t('graph.networks.deleteOne', { name: network.name })}
              loading={action.busy}
              onClick={() =>
                void action.run(async () => {
                  await apiSend('delete', '/api/graph/networks/{id}', { path: { id: network.id } });
                  onDeleted();
                })
              }
            >
              {t('graph.networks.delete')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={action.error} mt={4} />
      </Table.Td>
    </Table.Tr>
  );
}

export function Networks() {
  const { t } = useLang();
  const client = useQueryClient();
  const networks = useQuery({
    queryKey: ['graph', 'networks'],
    queryFn: () => apiGet('/api/graph/networks', { query: { limit: 500 } }),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['graph', 'networks'] });
  return (
    <Stack gap="xs">
      <Title order={4}>{t('graph.networks.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('graph.networks.explain')}
      </Text>
      <QueryStatus query={networks} />
      {networks.data && networks.data.items.length === 0 && <Text size="sm">{t('graph.networks.none')}</Text>}
      {networks.data && networks.data.items.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('graph.networks.name')}</Table.Th>
              <Table.Th>{t('graph.networks.start')}</Table.Th>
              <Table.Th>{t('graph.networks.saved')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {networks.data.items.map((n) => (
              <NetworkRow key={n.id} network={n} onDeleted={refresh} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
