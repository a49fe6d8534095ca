/**
 * Link a case to what the link graph knows (`graph:read`): search its entities by name or key, and link one — a
 * company by its register identifier, an online seller by its id, declarations by their reference, anything else
 * as a graph entity by its id.
 */
import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ApiItem } from '../../api/types.ts';
import { apiGet } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import type { LinkType } from './shared.tsx';

type Entity = ApiItem<'/api/graph/entities'>;

/** What a case links for a graph entity. */
export function linkForEntity(entity: Pick<Entity, 'id' | 'type' | 'key'>): { type: LinkType; ref: string } {
  if (entity.type === 'company') return { type: 'company', ref: entity.key };
  if (entity.type === 'online_seller') return { type: 'osint_seller', ref: entity.key };
  if (entity.type === 'declaration') return { type: 'declaration', ref: entity.key };
  return { type: 'graph_entity', ref: String(entity.id) };
}

export function GraphLinkSearch({
  onLink,
  busy,
}: {
  onLink: (link: { type: LinkType; ref: string; note: string }) => void;
  busy: boolean;
}) {
  const { t } = useLang();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['cases', 'graph-search', q],
    queryFn: () => apiGet('/api/graph/entities', { query: { q, limit: 8 } }),
    enabled: q.length > 0,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <Stack gap={6} mt="sm" data-testid="graph-link-search">
      <Group component="form" gap="xs" align="end" onSubmit={submit}>
        <TextInput
          label={t('cases.links.graphSearch')}
          style={{ flex: 1, minWidth: 200 }}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          dir="auto"
        />
        <Button type="submit" size="sm" variant="light" disabled={!text.trim()} loading={found.isFetching}>
          {t('cases.links.search')}
        </Button>
      </Group>
      {found.error ? <ErrorAlert error={found.error} /> : null}
      {found.data && found.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('cases.links.noEntity')}
        </Text>
      )}
      {found.data?.items.map((entity) => {
        const link = linkForEntity(entity);
        return (
          <Group key={entity.id} gap="xs" wrap="nowrap" data-testid="graph-entity">
            <Badge variant="outline" color="gray" style={{ textTransform: 'none', flexShrink: 0 }}>
              {entity.type}
            </Badge>
            <Text size="sm" fw={600} dir="auto" truncate style={{ flex: 1, minWidth: 0 }}>
              {entity.label}{' '}
              <Text span size="xs" c="dimmed">
                {entity.key}
              </Text>
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              disabled={busy}
              onClick={() => onLink({ ...link, note: t('cases.links.fromGraph', { label: entity.label }) })}
            >
              {t('cases.links.linkAs', { type: t(`cases.linkTypes.${link.type}`) })}
            </Button>
          </Group>
        );
      })}
    </Stack>
  );
}
