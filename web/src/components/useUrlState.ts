/**
 * Filters and page kept in the address, so a view can be shared, bookmarked and reached with the back button.
 * A list page reads them from here and changes them through here; the other parameters of the address (a sort,
 * an open drawer) are left as they are.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/** The page in the address: 1 when absent, below 1 or not a number. */
export function pageOf(params: URLSearchParams): number {
  return Math.max(1, Number(params.get('page') ?? 1) || 1);
}

export function useUrlState<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<
    Name,
    string
  >;
  /** Changes a copy of the parameters and puts it in the address. */
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  return {
    params,
    page: pageOf(params),
    /** Each filter as in the address, '' when absent. */
    filters,
    update,
    /** Sets these parameters (an empty value removes one) and goes back to the first page. */
    setFilters: (values: Partial<Record<string, string>>) =>
      update((next) => {
        for (const [name, value] of Object.entries(values)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        next.delete('page');
      }),
    setPage: (page: number) => update((next) => next.set('page', String(page))),
    /** Empties the address: no filter, first page. */
    clear: () => setParams({}),
  };
}

/**
 * A list page's filter form over `useUrlState`: the draft the inputs edit, which follows the address (back button,
 * a shared link, "clear"), `set` to change one of its fields, and `apply` to put it (or `next`) in the address, back
 * on the first page.
 */
export function useFilterForm<Name extends string>(names: readonly Name[]) {
  const state = useUrlState(names);
  const [draft, setDraft] = useState(state.filters);
  const filterKey = names.map((name) => state.filters[name]).join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters
  useEffect(() => setDraft(state.filters), [filterKey]);
  const apply = (event?: FormEvent, next: Record<Name, string> = draft) => {
    event?.preventDefault();
    state.setFilters(next);
  };
  /** Sets one field of the draft; with `now`, applies it at once (a choice from a list, where typing waits). */
  const set = (name: Name, value: string, now = false) => {
    const next = { ...draft, [name]: value } as Record<Name, string>;
    setDraft(next);
    if (now) apply(undefined, next);
  };
  return { ...state, draft, setDraft, apply, set };
}
