// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../api/types.ts';
import { type ApiMock, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { renderRoutes, stubMissingBrowserApis } from '../../test/pages.tsx';
import LinkAnalysis from './index.tsx';

const hub: Schema<'GraphHub'> = {
  id: 40,
  type: 'phone',
  key: '+212522990000',
  label: '+212522990000',
  degree: 30,
  excluded: false,
  updated_at: '2026-12-07T05:00:00.000Z',
};
const exclusion: Schema<'GraphExclusion'> = {
  type: 'email',
  key: 'support@souk.example',
  note: 'marketplace support',
  created_by: 'amina',
  created_at: '2026-12-07T05:00:00.000Z',
};

let api: ApiMock;
const show = () => renderRoutes('/graph/hubs', { '/graph/*': <LinkAnalysis /> });

stubMissingBrowserApis({ fonts: false });
setUpPageTests('en');

describe('hubs and exclusions', () => {
  it('shows the server refusal where it happened', async () => {
    api = stubApi(
      {
        'GET /api/graph/hubs': { body: { items: [hub] } },
        'GET /api/graph/exclusions': { body: { items: [] } },
        'POST /api/graph/exclusions': {
          status: 400,
          body: {
            code: 'graph_bad_exclusion_type',
            message: 'only identifiers can be excluded, not company',
          },
        },
      },
      signedIn(['graph:read', 'graph:manage']),
    );
    show();
    fireEvent.change(await screen.findByLabelText('Value (type:value)'), { target: { value: 'company:X' } });
    fireEvent.change(screen.getByLabelText('Why'), { target: { value: 'test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Exclude' }));
    expect((await screen.findByRole('alert')).textContent).toContain('only identifiers can be excluded');
  });

  it('offers no change to a reader', async () => {
    api = stubApi(
      {
        'GET /api/graph/hubs': { body: { items: [hub] } },
        'GET /api/graph/exclusions': { body: { items: [exclusion] } },
      },
      signedIn(['graph:read']),
    );
    show();
    const row = await screen.findByTestId('hub-row');
    expect(within(row).getByTestId('hub-degree').textContent).toBe('30');
    expect(within(row).queryByRole('button', { name: 'Keep linking' })).toBeNull();
    await screen.findByTestId('exclusion-row');
    expect(screen.queryByRole('button', { name: 'Exclude' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('lists hubs with their degree, keeps one linking with a reason, adds and removes an exclusion', async () => {
    let hubs = [hub];
    let exclusions: (typeof exclusion)[] = [];
    api = stubApi(
      ({ url, method, body }) => {
        if (url.pathname === '/api/graph/hubs' && method === 'GET') return { body: { items: hubs } };
        if (url.pathname === '/api/graph/exclusions' && method === 'GET')
          return { body: { items: exclusions } };
        if (url.pathname === '/api/graph/hubs/40/keep') {
          hubs = [];
          return { body: { ...hub, excluded: false } };
        }
        if (url.pathname === '/api/graph/exclusions' && method === 'POST') {
          exclusions = [{ ...exclusion, note: (body as { note: string }).note }];
          return { status: 201, body: exclusions[0] };
        }
        if (url.pathname === '/api/graph/exclusions' && method === 'DELETE') {
          exclusions = [];
          return { status: 204 };
        }
        return undefined;
      },
      signedIn(['graph:read', 'graph:manage']),
    );
    show();
    expect(await screen.findByRole('tab', { name: 'Hubs and exclusions' })).toBeTruthy();
    const row = await screen.findByTestId('hub-row');
    expect(row.textContent).toContain('+212522990000');
    expect(within(row).getByTestId('hub-degree').textContent).toBe('30');
    const keep = within(row).getByRole('button', { name: 'Keep linking' }) as HTMLButtonElement;
    expect(keep.disabled).toBe(true);
    fireEvent.change(within(row).getByLabelText('Reason'), { target: { value: 'one group' } });
    fireEvent.click(keep);
    await screen.findByText('No hub.');
    expect(api.sent('POST', '/api/graph/hubs/40/keep')).toEqual([{ reason: 'one group' }]);

    expect(screen.getByText('No excluded value.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Value (type:value)'), {
      target: { value: 'email:support@souk.example' },
    });
    fireEvent.change(screen.getByLabelText('Why'), { target: { value: 'marketplace support' } });
    fireEvent.click(screen.getByRole('button', { name: 'Exclude' }));
    const excluded = await screen.findByTestId('exclusion-row');
    expect(excluded.textContent).toContain('marketplace support');
    expect(api.sent('POST', '/api/graph/exclusions')).toEqual([
      { key: 'email:support@souk.example', note: 'marketplace support' },
    ]);
    fireEvent.click(within(excluded).getByRole('button', { name: 'Remove email:support@souk.example' }));
    await screen.findByText('No excluded value.');
    await waitFor(() =>
      expect(
        api.calls.filter((c) => c.method === 'DELETE').map((c) => c.url.searchParams.get('key')),
      ).toEqual(['email:support@souk.example']),
    );
  });
});
