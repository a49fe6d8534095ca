// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { SearchBox } from './SearchBox.tsx';

setUpPageTests('en');

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

const answer = {
  q: 'atlas',
  groups: [
    {
      kind: 'importer',
      hits: [
        {
          kind: 'importer',
          id: 'ATLASIMP',
          title: 'Atlas Import',
          subtitle: 'ATLASIMP',
          link: '/declarations?importer=ATLASIMP',
          matched: 'name',
        },
      ],
    },
    {
      kind: 'company',
      hits: [
        {
          kind: 'company',
          id: 'X1',
          title: '<img src=x onerror="window.hacked=1">',
          subtitle: null,
          link: '/declarations?importer=X1',
          matched: 'name',
        },
      ],
    },
  ],
};

function render() {
  const api = stubApi(signedIn(['declarations:read']), { 'GET /api/search': { body: answer } });
  renderPage(
    <Routes>
      <Route
        path="*"
        element={
          <>
            <SearchBox />
            <Where />
          </>
        }
      />
    </Routes>,
  );
  return api;
}

describe('global search box', () => {
  it('asks nothing under two characters, and says so', async () => {
    const api = render();
    const input = await screen.findByRole('combobox', { name: 'Search everywhere' });
    fireEvent.change(input, { target: { value: 'a' } });
    expect(await screen.findByText('Type at least 2 characters')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(api.calls.filter((c) => c.path === '/api/search')).toEqual([]);
  });

  it('asks once after typing stops, groups the results, escapes them and opens one with the keyboard', async () => {
    const api = render();
    const input = await screen.findByRole('combobox', { name: 'Search everywhere' });
    for (const value of ['a', 'at', 'atl', 'atla', 'atlas']) fireEvent.change(input, { target: { value } });
    expect(await screen.findByRole('group', { name: 'Importers' })).toBeTruthy();
    const searches = api.calls.filter((c) => c.path === '/api/search');
    expect(searches.map((c) => c.url.searchParams.get('q'))).toEqual(['atlas']);
    // The hostile title is text, not markup.
    expect(screen.getByText('<img src=x onerror="window.hacked=1">')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/declarations?importer=ATLASIMP'),
    );
  });
});
