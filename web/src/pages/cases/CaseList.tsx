/**
 * Case files, newest first, filtered on the server by status, type, office and lead investigator (filters and page
 * in the address, so a view can be shared); "my cases" fills the lead with the user; "overdue tasks" keeps the cases
 * with a task to do past its due date. Rows open the case.
 */
import { Button, Checkbox, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { apiGet } from '../../api.ts';
import { QueryStatus } from '../../components/ErrorAlert.tsx';
import { FilterBar, SelectFilter, TextFilter } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListPager, rangeOf, usePagedQuery } from '../../components/paging.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { CASE_STATUSES, CASE_TYPES, CaseStatusBadge, caseKeys, PriorityBadge } from './shared.tsx';

const FILTERS = ['status', 'type', 'office', 'assignee', 'q', 'open', 'overdue'] as const;
const PAGE_SIZE = 25;

export function CaseList() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const { user, can } = useSession();
  const form = useFilterForm(FILTERS);
  const { page, filters, setPage, clear, draft, set, apply } = form;
  const list = usePagedQuery(caseKeys.list(filters), page, PAGE_SIZE, (paging) =>
    apiGet('/api/cases', { query: { ...filters, ...paging } }),
  );
  const data = list.data;
  return (
    <Stack>
      <PageHeader title={t('cases.title')}>
        {can('cases:manage') && (
          <Button component={Link} to="/cases/new">
            {t('cases.new.button')}
          </Button>
        )}
      </PageHeader>
      <FilterBar onSubmit={apply} label={t('cases.list.filters')}>
        <TextFilter form={form} name="q" label={t('cases.list.search')} w={200} />
        <SelectFilter
          form={form}
          name="status"
          label={t('cases.fields.status')}
          w={180}
          placeholder={t('cases.list.any')}
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
        />
        <SelectFilter
          form={form}
          name="type"
          label={t('cases.fields.type')}
          w={220}
          placeholder={t('cases.list.any')}
          data={CASE_TYPES.map((s) => ({ value: s, label: t(`cases.types.${s}`) }))}
        />
        <TextFilter form={form} name="office" label={t('cases.fields.office')} w={100} />
        <TextFilter form={form} name="assignee" label={t('cases.fields.assignee')} w={160} />
        <Checkbox
          label={t('cases.list.openOnly')}
          mb={8}
          checked={draft.open === 'true'}
          onChange={(e) => set('open', e.currentTarget.checked ? 'true' : '', true)}
        />
        <Checkbox
          label={t('cases.list.overdue')}
          mb={8}
          checked={draft.overdue === 'true'}
          onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : '', true)}
        />
        <Button type="submit">{t('cases.list.apply')}</Button>
        {user && (
          <Button variant="light" onClick={() => set('assignee', user.username, true)}>
            {t('cases.list.mine')}
          </Button>
        )}
        <Button variant="subtle" onClick={clear}>
          {t('cases.list.reset')}
        </Button>
      </FilterBar>
      <QueryStatus query={list} />
      {data && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover aria-label={t('cases.title')}>
              <TableHead
                columns={[
                  t('cases.fields.number'),
                  t('cases.fields.title'),
                  t('cases.fields.type'),
                  t('cases.fields.status'),
                  t('cases.fields.priority'),
                  t('cases.fields.assignee'),
                  t('cases.fields.openedAt'),
                ]}
              />
              <Table.Tbody>
                {data.items.map((c) => (
                  <OpenableRow key={c.id} onOpen={() => navigate(`/cases/${c.id}`)} data-testid="case-row">
                    <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {c.number}
                    </Table.Td>
                    <Table.Td dir="auto">{c.title}</Table.Td>
                    <Table.Td>{t(`cases.types.${c.type}`)}</Table.Td>
                    <Table.Td>
                      <CaseStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>
                      <PriorityBadge priority={c.priority} />
                    </Table.Td>
                    <Table.Td>{c.assignee ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, c.opened_at)}</Table.Td>
                  </OpenableRow>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.items.length === 0 && <Text c="dimmed">{t('cases.list.empty')}</Text>}
          <Text size="sm" c="dimmed">
            {t('cases.list.count', rangeOf(lang, data))}
          </Text>
          <ListPager total={data.total} size={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
