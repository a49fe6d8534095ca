/** Rule profiles grouped by name: the active version first and highlighted, then every version's history. */
import { Badge, Button, Card, Center, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { apiGet } from '../../api.ts';
import { DateRange } from '../../components/DateRange.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { formatDateTime, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { type ProfileStatus, type ProfileSummary, STATUS_COLOURS } from './types.ts';

export function StatusBadge({ status }: { status: ProfileStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[status]}
      variant={status === 'active' ? 'filled' : 'light'}
      style={{ minWidth: 'max-content' }}
    >
      {t(`rules.status.${status}`)}
    </Badge>
  );
}

/** "from – to", "from –", "– to" or "always". */
export function Validity({ from, to }: { from: string | null; to: string | null }) {
  const { t, i18n } = useTranslation();
  return <DateRange from={from} to={to} lang={i18n.language} unbounded={t('rules.always')} />;
}

export function Profiles() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = useQuery({
    queryKey: ['risk-profiles', status],
    queryFn: () => apiGet('/api/risk/profiles', { query: { status, limit: 200 } }),
  });
  const groups = useMemo(() => {
    const byName = new Map<string, ProfileSummary[]>();
    for (const p of list.data?.items ?? []) {
      const versions = byName.get(p.name) ?? [];
      versions.push(p);
      byName.set(p.name, versions);
    }
    return [...byName.entries()]
      .map(([name, versions]) => ({
        name,
        versions: versions.sort((a, b) => b.version - a.version),
        active: versions.find((v) => v.status === 'active') ?? null,
      }))
      .sort((a, b) => Number(Boolean(b.active)) - Number(Boolean(a.active)) || a.name.localeCompare(b.name));
  }, [list.data]);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Select
          aria-label={t('rules.filterStatus')}
          placeholder={t('rules.allStatuses')}
          value={status || null}
          onChange={(value) => setParams(value ? { status: value } : {})}
          data={(['active', 'draft', 'retired'] as const).map((s) => ({
            value: s,
            label: t(`rules.status.${s}`),
          }))}
          clearable
          w={200}
        />
        {can('risk:manage') && (
          <Button component={Link} to="/rules/profiles/new">
            {t('rules.newProfile')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isLoading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {list.data && groups.length === 0 && (
        <Card withBorder>
          <Text c="dimmed" ta="center" py="lg">
            {status ? t('rules.noneWithStatus') : t('rules.none')}
          </Text>
        </Card>
      )}
      {groups.map((group) => (
        <Card withBorder key={group.name} data-testid={`profile-group-${group.name}`} padding="md">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Group gap="sm">
              <Text fw={700} size="lg" ff="monospace">
                {group.name}
              </Text>
              {group.active ? (
                <Badge color="green" variant="light">
                  {t('rules.activeVersion', { version: group.active.version })}
                </Badge>
              ) : (
                <Badge color="gray" variant="outline">
                  {t('rules.noActive')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('rules.versionCount', { count: group.versions.length })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing={6} fz="sm">
              <TableHead
                columns={[
                  { label: t('rules.version'), w: 70 },
                  { label: t('rules.statusLabel'), w: 100 },
                  { label: t('rules.ruleCount'), w: 70 },
                  t('rules.validity'),
                  t('rules.author'),
                  t('rules.reason'),
                  t('rules.created'),
                  t('rules.activated'),
                  t('rules.retired'),
                ]}
              />
              <Table.Tbody>
                {group.versions.map((v) => (
                  <OpenableRow
                    key={v.id}
                    bg={v.status === 'active' ? 'var(--mantine-color-green-0)' : undefined}
                    onOpen={() => navigate(`/rules/profiles/${v.id}`)}
                  >
                    <Table.Td fw={v.status === 'active' ? 700 : undefined}>v{v.version}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={v.status} />
                    </Table.Td>
                    <Table.Td>{v.rules}</Table.Td>
                    <Table.Td>
                      <Validity from={v.valid_from} to={v.valid_to} />
                    </Table.Td>
                    <Table.Td>{v.author}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lineClamp={2}>
                        {v.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDateTime(lang, v.created_at)}</Table.Td>
                    <Table.Td>
                      {v.activated_at
                        ? `${formatDateTime(lang, v.activated_at)} · ${v.activated_by ?? ''}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {v.retired_at ? `${formatDateTime(lang, v.retired_at)} · ${v.retired_by ?? ''}` : '—'}
                    </Table.Td>
                  </OpenableRow>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
    </Stack>
  );
}
