// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../test/harness.tsx';
import { Declarations } from './Declarations.tsx';

setUpPageTests('en');

/** A list of 1,000 declarations, 25 a page, whose answers carry the cursor of the page after them. */
function serve() {
  return stubApi(signedIn(['declarations:read']), {
    'GET /api/declarations': ({ url }) => {
      const cursor = url.searchParams.get('cursor');
      const offset = cursor ? Number(cursor.slice(1)) : Number(url.searchParams.get('offset') ?? 0);
      const items = Array.from({ length: 25 }, (_, i) => ({
        id: offset + i + 1,
        reference: `R${offset + i + 1}`,
        office: '300',
        lodged_on: '2026-01-02',
        importer_code: 'IMP',
        importer_name: null,
        declarant_code: null,
        item_count: 1,
        total_value: 100,
        currency: 'MAD',
        inspected_items: 0,
        fraud_items: 0,
        critical_items: 0,
      }));
      return {
        body: {
          total: 1000,
          total_estimated: true,
          limit: 25,
          offset: cursor ? 0 : offset,
          items,
          next_cursor: `c${offset + 25}`,
        },
      };
    },
  });
}

const listCalls = (api: ReturnType<typeof serve>) =>
  api.calls.filter((c) => c.path === '/api/declarations').map((c) => Object.fromEntries(c.url.searchParams));

describe('the declarations list pages by cursor where it can', () => {
  it('asks for the next page by the cursor of the page before, a page reached directly by offset', async () => {
    const api = serve();
    renderPage(<Declarations />, { route: '/declarations' });
    expect(await screen.findByText('R1')).toBeTruthy();
    expect(listCalls(api)[0]).toMatchObject({ limit: '25', offset: '0' });

    fireEvent.click(screen.getByRole('button', { name: '2' }));
    expect(await screen.findByText('R26')).toBeTruthy();
    const second = listCalls(api).at(-1)!;
    expect(second).toMatchObject({ limit: '25', cursor: 'c25' });
    expect(second.offset).toBeUndefined();
    // The range shown is the page's own, although the answer to a cursor says offset 0.
    await waitFor(() => expect(document.body.textContent).toMatch(/26\D+50/));

    fireEvent.click(screen.getByRole('button', { name: '5' }));
    expect(await screen.findByText('R101')).toBeTruthy();
    expect(listCalls(api).at(-1)).toMatchObject({ limit: '25', offset: '100' });
  });
});
