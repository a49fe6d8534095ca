/**
 * Operations (`cases:read`): joint or national enforcement operations (STOP IV, PANCEA, a national campaign). The
 * list, an operation's page with the cases tagged to it, the form that creates or changes one (`cases:manage`; the
 * API's refusals under their field), and the final report (`reports:read`, OperationReport.tsx).
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending, QueryStatus, useErrorMessage } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { OperationReportPage } from './OperationReport.tsx';
import {
  CATEGORIES,
  CaseStatusBadge,
  type Category,
  caseKeys,
  fieldErrorsOf,
  type Operation,
} from './shared.tsx';

function Period({ operation }: { operation: Operation }) {
  const { lang } = useLang();
  return (
    <>
      {formatDate(lang, operation.starts_on)} – {formatDate(lang, operation.ends_on)}
    </>
  );
}

function OperationList() {
  const { t } = useLang();
  const { can } = useSession();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: caseKeys.operations(), queryFn: () => apiGet('/api/operations') });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <PageHeader title={t('operations.title')}>
        {can('cases:manage') && (
          <Button component={Link} to="/operations/new">
            {t('operations.new')}
          </Button>
        )}
      </PageHeader>
      <QueryStatus query={list} />
      {list.data &&
        (items.length === 0 ? (
          <Text c="dimmed">{t('operations.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table fz="sm" highlightOnHover>
              <TableHead
                columns={[
                  t('operations.code'),
                  t('operations.name'),
                  t('operations.period'),
                  t('operations.participants'),
                  t('operations.categories'),
                  t('operations.coordinator'),
                ]}
              />
              <Table.Tbody>
                {items.map((o) => (
                  <OpenableRow
                    key={o.id}
                    onOpen={() => navigate(`/operations/${o.id}`)}
                    data-testid="operation-row"
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/operations/${o.id}`} size="sm">
                        {o.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td dir="auto">{o.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Period operation={o} />
                    </Table.Td>
                    <Table.Td>{o.participants.join(', ')}</Table.Td>
                    <Table.Td>
                      {o.threat_categories.map((c) => t(`cases.categories.${c}`)).join(', ')}
                    </Table.Td>
                    <Table.Td dir="auto">{o.coordinator ?? '—'}</Table.Td>
                  </OpenableRow>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Stack>
  );
}

interface Draft {
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  participants: string;
  threat_categories: string[];
  coordinator: string;
  description: string;
}

const draftOf = (o: Operation | null): Draft => ({
  code: o?.code ?? '',
  name: o?.name ?? '',
  starts_on: o?.starts_on ?? '',
  ends_on: o?.ends_on ?? '',
  participants: (o?.participants ?? []).join(', '),
  threat_categories: o?.threat_categories ?? [],
  coordinator: o?.coordinator ?? '',
  description: o?.description ?? '',
});

/** The refusals that concern one field though the API names none. */
const CODE_FIELDS: Record<string, string> = { 'operation.period': 'ends_on', 'operation.exists': 'code' };

function OperationForm({ operation }: { operation: Operation | null }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const message = useErrorMessage();
  const [d, setD] = useState<Draft>(() => draftOf(operation));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((old) => ({ ...old, [key]: value }));
  const { busy, error, run } = useAction();
  const errors = fieldErrorsOf(error);
  if (error instanceof ApiError && CODE_FIELDS[error.code]) errors[CODE_FIELDS[error.code]!] = message(error);
  const creating = operation === null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const changes = {
        name: d.name.trim(),
        starts_on: d.starts_on,
        ends_on: d.ends_on,
        participants: d.participants
          .split(/[,;\n]/)
          .map((p) => p.trim())
          .filter(Boolean),
        threat_categories: d.threat_categories as Category[],
        coordinator: d.coordinator.trim() || null,
        description: d.description.trim() || null,
      };
      const saved = creating
        ? await apiSend('post', '/api/operations', { json: { code: d.code.trim(), ...changes } })
        : await apiSend('patch', '/api/operations/{id}', { path: { id: operation.id }, json: changes });
      await client.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/operations/${saved.id}`);
    });
  };
  const label = t(creating ? 'operations.new' : 'operations.edit');
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={label}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('operations.code')}
              required
              maxLength={32}
              disabled={!creating}
              value={d.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={errors.code}
            />
            <TextInput
              label={t('operations.name')}
              required
              maxLength={300}
              value={d.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              dir="auto"
            />
            <TextInput
              type="date"
              label={t('operations.startsOn')}
              required
              value={d.starts_on}
              onChange={(e) => set('starts_on', e.currentTarget.value)}
              error={errors.starts_on}
            />
            <TextInput
              type="date"
              label={t('operations.endsOn')}
              required
              value={d.ends_on}
              onChange={(e) => set('ends_on', e.currentTarget.value)}
              error={errors.ends_on}
            />
            <TextInput
              label={t('operations.participants')}
              description={t('operations.participantsHint')}
              value={d.participants}
              onChange={(e) => set('participants', e.currentTarget.value)}
              error={errors.participants}
            />
            <TextInput
              label={t('operations.coordinator')}
              maxLength={200}
              value={d.coordinator}
              onChange={(e) => set('coordinator', e.currentTarget.value)}
              error={errors.coordinator}
              dir="auto"
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('operations.categories')}
            value={d.threat_categories}
            onChange={(v) => set('threat_categories', v)}
            error={errors.threat_categories}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} mt={4}>
              {CATEGORIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`cases.categories.${c}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={t('operations.description')}
            autosize
            minRows={2}
            maxLength={10_000}
            value={d.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
            dir="auto"
          />
          {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button
              variant="subtle"
              component={Link}
              to={creating ? '/operations' : `/operations/${operation.id}`}
            >
              {t('cases.common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              disabled={!d.code.trim() || !d.name.trim() || !d.starts_on || !d.ends_on}
            >
              {t(creating ? 'operations.create' : 'operations.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const back = (label: string, to = '/operations') => (
  <Anchor component={Link} to={to} size="sm">
    ← {label}
  </Anchor>
);

function NewOperation() {
  const { t } = useLang();
  const { can } = useSession();
  return (
    <Stack>
      {back(t('operations.back'))}
      <Title order={2}>{t('operations.new')}</Title>
      {can('cases:manage') ? <OperationForm operation={null} /> : <ErrorAlert error={forbidden()} />}
    </Stack>
  );
}

const forbidden = () => new ApiError(403, 'auth.forbidden', 'forbidden');

/** The operation an address names, read from the API. */
function useOperation() {
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: caseKeys.operation(id),
    queryFn: () => apiGet('/api/operations/{id}', { path: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
  return { id, query };
}

function EditOperation() {
  const { t } = useLang();
  const { can } = useSession();
  const { id, query } = useOperation();
  const to = back(t('operations.back'), `/operations/${id}`);
  if (!query.data) return <Pending query={query} back={to} />;
  return (
    <Stack>
      {to}
      <Title order={2} dir="auto">
        {t('operations.edit')} · {query.data.name}
      </Title>
      {can('cases:manage') ? <OperationForm operation={query.data} /> : <ErrorAlert error={forbidden()} />}
    </Stack>
  );
}

function TaggedCases({ id }: { id: number }) {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const filters = { operation_id: id, limit: 100 };
  const list = useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: () => apiGet('/api/cases', { query: filters }),
  });
  const items = list.data?.items ?? [];
  return (
    <Card withBorder data-testid="operation-cases">
      <Text fw={600} mb="xs">
        {t('operations.cases')} {list.data ? `(${list.data.total})` : ''}
      </Text>
      <QueryStatus query={list} />
      {list.data &&
        (items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('operations.noCases')}
          </Text>
        ) : (
          <Table fz="sm" highlightOnHover>
            <TableHead
              columns={[
                t('cases.fields.number'),
                t('cases.fields.title'),
                t('cases.fields.type'),
                t('cases.fields.status'),
                t('cases.fields.openedAt'),
              ]}
            />
            <Table.Tbody>
              {items.map((c) => (
                <OpenableRow key={c.id} onOpen={() => navigate(`/cases/${c.id}`)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="auto">{c.title}</Table.Td>
                  <Table.Td>{t(`cases.types.${c.type}`)}</Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, c.opened_at)}</Table.Td>
                </OpenableRow>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Card>
  );
}

function OperationPage() {
  const { t } = useLang();
  const { can } = useSession();
  const { id, query } = useOperation();
  const to = back(t('operations.back'));
  const o = query.data;
  if (!o) return <Pending query={query} back={to} />;
  return (
    <Stack>
      {to}
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} dir="auto" data-testid="operation-name">
              {o.name}
            </Title>
            <Badge variant="outline" style={{ textTransform: 'none' }}>
              {o.code}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            <Period operation={o} />
            {o.coordinator ? ` · ${t('operations.coordinator')} : ${o.coordinator}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          {can('reports:read') && (
            <Button component={Link} to={`/operations/${id}/report`}>
              {t('operations.report')}
            </Button>
          )}
          {can('cases:manage') && (
            <Button variant="light" component={Link} to={`/operations/${id}/edit`}>
              {t('operations.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Card withBorder>
        <Stack gap={4}>
          <Text size="sm">
            <Text span c="dimmed">
              {t('operations.participants')} :{' '}
            </Text>
            {o.participants.join(', ') || '—'}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('operations.categories')} :{' '}
            </Text>
            {o.threat_categories.map((c) => t(`cases.categories.${c}`)).join(', ') || '—'}
          </Text>
          {o.description && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {o.description}
            </Text>
          )}
        </Stack>
      </Card>
      <TaggedCases id={id} />
    </Stack>
  );
}

const ROUTES: RouteMap = {
  '': OperationList,
  new: NewOperation,
  ':id': OperationPage,
  ':id/edit': EditOperation,
  ':id/report': OperationReportPage,
};

export function Operations() {
  return <RouteTable routes={ROUTES} fallback="/operations" />;
}
