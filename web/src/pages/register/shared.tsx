/**
 * What the register's lists share: their filters and paged table, a declaration reference that opens the declaration
 * (when the user may read it), a code with its name.
 */
import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody, useFilteredList } from '../../components/ListBody.tsx';
import type { Paged } from '../../components/paging.tsx';
import type { Column } from '../../components/table.tsx';
import { useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

const PAGE_SIZE = 25;

/** A declaration's reference, a link to its page for those who may read it. */
export function DeclarationLink({ reference }: { reference: string | null }) {
  const { can } = useSession();
  if (!reference) return <>—</>;
  if (!can('declarations:read')) return <>{reference}</>;
  return (
    <Anchor component={Link} to={`/declarations/${encodeURIComponent(reference)}`} size="sm">
      {reference}
    </Anchor>
  );
}

/** A code and, under it, the name it stands for. */
export function CodeAndName({ code, name }: { code: string | null; name: string | null }) {
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>{code ?? '—'}</div>
      {name && (
        <div
          dir="auto"
          style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}
        >
          {name}
        </div>
      )}
    </>
  );
}

/** A text filter of a register list: the address parameter it sets, its label and its width. */
export interface RegisterFilter<Name extends string> {
  name: Name;
  label: string;
  w: number;
}

/**
 * One of the register's lists: its text filters (kept in the address) with Search and Clear, then the page of rows
 * `fetch` answers for them, 25 at a time.
 */
export function RegisterList<Name extends string, T extends Paged>({
  tab,
  filters: fields,
  fetch,
  ...body
}: {
  /** The list's tab, which names its query and its table. */
  tab: string;
  filters: readonly RegisterFilter<Name>[];
  fetch: (query: Record<Name, string> & { limit: number; offset: number }) => Promise<T>;
  minWidth: number;
  columns: readonly Column[];
  rows: (data: T) => ReactNode;
}) {
  const { t } = useLang();
  const {
    form,
    bar,
    body: list,
  } = useFilteredList(
    fields.map((f) => f.name),
    ['register', tab],
    PAGE_SIZE,
    fetch,
  );
  return (
    <>
      <FilterBar
        {...bar}
        label={t('register.filters')}
        apply={t('register.apply')}
        reset={t('register.reset')}
      >
        {fields.map(({ name, label, w }) => (
          <TextFilter key={name} form={form} name={name} label={label} w={w} />
        ))}
      </FilterBar>
      <ListBody
        {...list}
        label={t(`register.tabs.${tab}`)}
        countKey="register.count"
        emptyKey="register.empty"
        {...body}
      />
    </>
  );
}
