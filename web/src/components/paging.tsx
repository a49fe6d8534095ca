/**
 * What the paged lists share (declarations, the selection queue, posts, sellers, alerts, a campaign's queue): the
 * server query of one page (limit and offset from the page number, the previous page kept on screen while the next
 * loads), the "from–to of total" figures and the pager, so that every list pages alike.
 */
import { Group, Pagination } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { formatNumber } from '../i18n/index.ts';

export interface Paged {
  total: number;
  offset: number;
  items: readonly unknown[];
}

/** Page `page` (from 1) of a list route, `size` rows at a time; `key` names the list and its filters. */
export function usePagedQuery<T>(
  key: readonly unknown[],
  page: number,
  size: number,
  fetch: (paging: { limit: number; offset: number }) => Promise<T>,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...key, page],
    queryFn: () => fetch({ limit: size, offset: (page - 1) * size }),
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** How a page of a list that also pages by cursor is asked for: after the cursor of the page before, or by offset. */
export type CursorPaging = { limit: number; cursor: string } | { limit: number; offset: number };

/**
 * `usePagedQuery` for a list that answers `next_cursor` (keyset paging, docs/decisions/0011): the page after one
 * already read is asked for by that page's cursor, which costs the same at any depth; a page reached directly (a
 * shared address, a jump in the pager) by offset. `offset` in the answer is the page's own, whichever was used.
 */
export function useCursorPagedQuery<T extends { next_cursor?: string | null | undefined }>(
  key: readonly unknown[],
  page: number,
  size: number,
  fetch: (paging: CursorPaging) => Promise<T>,
  options: { enabled?: boolean } = {},
) {
  // The cursor that starts each page met so far, by list (key and filters) and page number.
  const cursors = useRef(new Map<string, string>());
  const at = (p: number) => JSON.stringify([...key, size, p]);
  return useQuery({
    queryKey: [...key, page],
    queryFn: async () => {
      const cursor = cursors.current.get(at(page));
      const data = await fetch(cursor ? { limit: size, cursor } : { limit: size, offset: (page - 1) * size });
      if (data.next_cursor) cursors.current.set(at(page + 1), data.next_cursor);
      return { ...data, offset: (page - 1) * size };
    },
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** The figures of "rows 26 to 50 of 1 234", formatted for `lang`. */
export function rangeOf(lang: string, data: Paged): { from: string; to: string; total: string } {
  return {
    from: formatNumber(lang, data.total ? data.offset + 1 : 0),
    to: formatNumber(lang, data.offset + data.items.length),
    total: formatNumber(lang, data.total),
  };
}

/** The pages of a list of `total` rows, `size` a page. */
interface PagerProps {
  total: number;
  size: number;
  page: number;
  onChange: (page: number) => void;
  small?: boolean;
}

export function Pager({ total, size, page, onChange, small }: PagerProps) {
  return (
    <Pagination
      total={Math.max(1, Math.ceil(total / size))}
      value={page}
      onChange={onChange}
      siblings={1}
      {...(small ? { size: 'sm' } : {})}
    />
  );
}

/** The pager under a list, centred; none while the list fits on one page. */
export function ListPager({ p, ...pager }: PagerProps & { /** Padding around it. */ p?: string }) {
  if (pager.total <= pager.size) return null;
  return (
    <Group justify="center" p={p}>
      <Pager {...pager} />
    </Group>
  );
}
