/**
 * The body of a paged list page under its filters: the query's error (with a retry) or a loader, then the table in a
 * scroll container (a narrow screen scrolls the table, never the page), "rows 1 to 25 of 312", and the pager. Every
 * cell is given as React nodes, so values from data are always text.
 */
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLang } from '../i18n/index.ts';
import { QueryStatus } from './ErrorAlert.tsx';
import { ListPager, type Paged, rangeOf, usePagedQuery } from './paging.tsx';
import { type Column, TableHead } from './table.tsx';
import { useFilterForm } from './useUrlState.ts';

export function ListBody<T extends Paged>({
  query,
  page,
  size,
  onPage,
  label,
  columns,
  rows,
  countKey,
  emptyKey,
  minWidth = 700,
}: {
  query: { data: T | undefined; error: unknown; refetch: () => unknown };
  page: number;
  size: number;
  onPage: (page: number) => void;
  /** The table's accessible name. */
  label: string;
  columns: readonly Column[];
  /** The table rows of the page's items. */
  rows: (data: T) => ReactNode;
  /** Message keys: "{{from}}–{{to}} of {{total}}", and what an empty list says. */
  countKey: string;
  emptyKey: string;
  minWidth?: number;
}) {
  const { t, lang } = useLang();
  const data = query.data;
  return (
    <>
      <QueryStatus query={query} />
      {data && (
        <>
          <Table.ScrollContainer minWidth={minWidth}>
            <Table striped highlightOnHover aria-label={label}>
              <TableHead columns={columns} />
              <Table.Tbody>{rows(data)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t(emptyKey)}</Text>
          ) : (
            <Text size="sm" c="dimmed" data-testid="list-count">
              {t(countKey, rangeOf(lang, data))}
            </Text>
          )}
          <ListPager total={data.total} size={size} page={page} onChange={onPage} />
        </>
      )}
    </>
  );
}

/**
 * A filtered list page's state: its filter form (kept in the address), the page of rows `fetch` answers for the
 * applied filters (queried as `[...key, filters]`), and what FilterBar (`bar`) and ListBody (`body`) take from them.
 */
export function useFilteredList<Name extends string, T extends Paged>(
  names: readonly Name[],
  key: readonly unknown[],
  size: number,
  fetch: (query: Record<Name, string> & { limit: number; offset: number }) => Promise<T>,
) {
  const form = useFilterForm(names);
  const { page, filters, setPage, clear, apply } = form;
  const list = usePagedQuery([...key, filters], page, size, (paging) => fetch({ ...filters, ...paging }));
  return {
    form,
    filters,
    list,
    bar: { onSubmit: apply, onReset: clear },
    body: { query: list, page, size, onPage: setPage },
  };
}
