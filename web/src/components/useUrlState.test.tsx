// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { pageOf, useUrlState } from './useUrlState.ts';

afterEach(cleanup);

/** The hook at `path`, with the address it leads to. */
function at(path: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => {
      const location = useLocation();
      return { ...useUrlState(['q', 'label'] as const), address: location.pathname + location.search };
    },
    { wrapper },
  );
}

describe('useUrlState', () => {
  it('reads the page as 1 when it is absent, below 1 or not a number', () => {
    expect(pageOf(new URLSearchParams(''))).toBe(1);
    expect(pageOf(new URLSearchParams('page=0'))).toBe(1);
    expect(pageOf(new URLSearchParams('page=-3'))).toBe(1);
    expect(pageOf(new URLSearchParams('page=abc'))).toBe(1);
    expect(pageOf(new URLSearchParams('page=4'))).toBe(4);
  });

  it('reads the named filters, empty when absent', () => {
    const { result } = at('/list?q=rolex&page=3&sort=score');
    expect(result.current.filters).toEqual({ q: 'rolex', label: '' });
    expect(result.current.page).toBe(3);
    expect(result.current.params.get('sort')).toBe('score');
  });

  it('sets and removes filters, back to the first page, keeping the other parameters', () => {
    const { result } = at('/list?q=rolex&page=3&sort=score');
    act(() => result.current.setFilters({ q: '', label: 'counterfeit' }));
    expect(result.current.address).toBe('/list?sort=score&label=counterfeit');
    expect(result.current.filters).toEqual({ q: '', label: 'counterfeit' });
    expect(result.current.page).toBe(1);
  });

  it('turns pages, and clears everything', () => {
    const { result } = at('/list?label=counterfeit');
    act(() => result.current.setPage(2));
    expect(result.current.address).toBe('/list?label=counterfeit&page=2');
    act(() => result.current.update((next) => next.set('post', '7')));
    expect(result.current.address).toBe('/list?label=counterfeit&page=2&post=7');
    act(() => result.current.clear());
    expect(result.current.address).toBe('/list');
    expect(result.current.filters).toEqual({ q: '', label: '' });
  });
});
