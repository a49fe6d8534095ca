/**
 * An entity's page (/graph/entity/:id): what it is, the record that first brought it, what was merged into it,
 * and every link with its provenance (the record it came from: table and id, first and last seen, confidence),
 * with the way to the declaration, seller or company pages the workbench has; a vehicle's sightings by date.
 */
import { Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiGet } from '../../api.ts';
import { Pending } from '../../components/ErrorAlert.tsx';
import { ListPager } from '../../components/paging.tsx';
import { TableHead } from '../../components/table.tsx';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { GraphEntityCaseButton } from '../cases/OpenFrom.tsx';
import { recordLink, TypeBadge, workbenchLink } from './shared.tsx';

const PAGE = 50;

export function EntityPage() {
  const { t, lang } = useLang();
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['graph', 'entity', id, page],
    queryFn: () =>
      apiGet('/api/graph/entities/{ref}', {
        path: { ref: id },
        query: { limit: PAGE, offset: (page - 1) * PAGE },
      }),
  });
  const back = (
    <Anchor component={Link} to="/graph" size="sm">
      {t('graph.entity.back')}
    </Anchor>
  );
  if (!query.data) return <Pending query={query} back={back} />;
  const { entity, merged, links } = query.data;
  const go = workbenchLink(entity);
  // A vehicle's sightings (each its own record and `seen_at` link), by date: where and when it was seen.
  const sightings = links.items
    .filter((l) => l.type === 'seen_at' && l.direction === 'out')
    .sort((a, b) => (a.first_seen ?? '').localeCompare(b.first_seen ?? ''));
  const attributes = Object.entries(entity.attributes).filter(
    ([, v]) => v !== null && v !== undefined && v !== '',
  );
  return (
    <Stack gap="sm">
      {back}
      <Group gap="sm" align="center">
        <TypeBadge type={entity.type} />
        <Title order={3} dir="auto" data-testid="entity-title">
          {entity.label}
        </Title>
        {entity.hub && <Badge color="gray">{t('graph.chart.hub')}</Badge>}
      </Group>
      <Group gap="md">
        <Text size="sm">
          {t('graph.entity.key')}: <Code dir="ltr">{`${entity.type}:${entity.key}`}</Code>
        </Text>
        {entity.source_table && (
          <Text size="sm">
            {t('graph.entity.source')}:{' '}
            <Code dir="ltr">
              {entity.source_table} #{entity.source_id}
            </Code>
          </Text>
        )}
        {entity.manual && <Badge variant="light">{t('graph.entity.manual')}</Badge>}
        {entity.merged_into !== null && (
          <Anchor component={Link} to={`/graph/entity/${entity.merged_into}`} size="sm">
            {t('graph.entity.mergedInto', { id: entity.merged_into })}
          </Anchor>
        )}
      </Group>
      {entity.note && (
        <Text size="sm" dir="auto">
          {t('graph.entity.note')}: {entity.note}
        </Text>
      )}
      <Group gap="sm">
        <Button
          size="xs"
          variant="light"
          component={Link}
          to={`/graph?key=${encodeURIComponent(String(entity.id))}`}
        >
          {t('graph.entity.showOnChart')}
        </Button>
        {go && (
          <Button size="xs" variant="default" component={Link} to={go.to} data-testid="entity-workbench-link">
            {t(go.label)}
          </Button>
        )}
        <GraphEntityCaseButton entity={entity} />
      </Group>
      {attributes.length > 0 && (
        <Paper withBorder p="xs">
          <Text size="sm" fw={600}>
            {t('graph.entity.attributes')}
          </Text>
          {attributes.map(([name, value]) => (
            <Text key={name} size="sm" dir="auto">
              <Text span c="dimmed" size="sm">
                {name}:
              </Text>{' '}
              {Array.isArray(value)
                ? value.join(', ')
                : typeof value === 'object'
                  ? JSON.stringify(value)
                  : String(value)}
            </Text>
          ))}
        </Paper>
      )}
      {merged.length > 0 && (
        <Paper withBorder p="xs">
          <Text size="sm" fw={600}>
            {t('graph.entity.merged')}
          </Text>
          {merged.map((m) => (
            <Group key={m.id} gap="xs">
              <Anchor component={Link} to={`/graph/entity/${m.id}`} size="sm" dir="auto">
                {m.label}
              </Anchor>
              <Text size="xs" c="dimmed" dir="ltr">
                {m.type}:{m.key}
              </Text>
            </Group>
          ))}
        </Paper>
      )}
      {sightings.length > 0 && (
        <Paper withBorder p="xs" data-testid="entity-sightings">
          <Text size="sm" fw={600}>
            {t('graph.entity.sightings', { count: sightings.length })}
          </Text>
          {sightings.map((l) => (
            <Group key={l.id} gap={6} data-testid="entity-sighting">
              <Text size="sm" w={110}>
                {l.first_seen ? formatDate(lang, l.first_seen) : '—'}
              </Text>
              <TypeBadge type={l.other.type} />
              <Anchor component={Link} to={`/graph/entity/${l.other.id}`} size="sm" dir="auto">
                {l.other.label}
              </Anchor>
              <Text size="xs" c="dimmed" dir="ltr">
                {l.source_table} #{l.source_id}
              </Text>
            </Group>
          ))}
        </Paper>
      )}
      <Title order={4}>
        {t('graph.entity.links')} ({formatNumber(lang, links.total)})
      </Title>
      {links.items.length === 0 ? (
        <Text size="sm">{t('graph.entity.noLinks')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped fz="sm" aria-label={t('graph.entity.links')}>
            <TableHead
              columns={[
                t('graph.entity.linkType'),
                t('graph.entity.other'),
                t('graph.entity.record'),
                t('graph.entity.firstSeen'),
                t('graph.entity.lastSeen'),
                { label: t('graph.entity.confidence'), ta: 'end' },
                t('graph.entity.note'),
              ]}
            />
            <Table.Tbody>
              {links.items.map((l) => {
                const record = recordLink(l.source_table, l.source_id);
                return (
                  <Table.Tr key={l.id} data-testid="entity-link">
                    <Table.Td>
                      <Text size="sm" dir="ltr">
                        {l.direction === 'out' ? '→' : '←'} {l.type}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <TypeBadge type={l.other.type} />
                        <Anchor component={Link} to={`/graph/entity/${l.other.id}`} size="sm" dir="auto">
                          {l.other.label}
                        </Anchor>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {record ? (
                        <Anchor component={Link} to={record} size="sm" dir="ltr">
                          {l.source_table} #{l.source_id}
                        </Anchor>
                      ) : (
                        <Text size="sm" dir="ltr">
                          {l.source_table} #{l.source_id}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(lang, l.first_seen)}</Table.Td>
                    <Table.Td>{formatDate(lang, l.last_seen)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, l.confidence, 2)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" dir="auto">
                        {l.note ?? ''}
                        {l.created_by ? ` (${l.created_by})` : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {links.total > PAGE && <ListPager total={links.total} size={PAGE} page={page} onChange={setPage} />}
    </Stack>
  );
}
