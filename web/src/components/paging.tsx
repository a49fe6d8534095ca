/**
 * What the paged lists share (declarations, the selection queue, posts, sellers, alerts, a campaign's queue): the
 * server query of one page (limit and offset from the page number, the previous page kept on screen while the next
 * loads), the "from–to of total" figures and the pager, so that every list pages alike.
 */
import { Group, Pagination } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
