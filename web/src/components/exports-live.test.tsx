// @vitest-environment happy-dom
/**
 * The export button (the list's filters and the format in the address, the server's file name, busy while it runs,
 * the server's error in the user's language), the inspection order's button, and the live updates (an event
 * refreshes the lists it changes, counts as unread, says what happened; unknown events are ignored).
 */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/index.ts';
import { fileNameOf } from './download.ts';
import { ExportButton, exportUrl, OrderButton } from './ExportButton.tsx';
import { LiveEvents } from './tools/LiveEvents.tsx';

function wrap(node: ReactNode, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  return render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={client}>{node}</QueryClientProvider>
    </MantineProvider>,
  );
}

/** A fetch that waits for `release` before answering `response`. */
function heldFetch(response: () => Response) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetch = vi.fn(async (_url: string) => {
    await held;
    return response();
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, release };
}

let saved: { href: string; download: string }[] = [];
beforeEach(async () => {
  await i18n.changeLanguage('fr');
  saved = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('export button', () => {
  it('shows the server’s refusal in the user’s language and lets the user try again', async () => {
    const { release } = heldFetch(
      () =>
        new Response(JSON.stringify({ code: 'auth.forbidden', message: 'no' }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        }),
    );
    wrap(<ExportButton path="/api/audit/export" filters={{ actor: 'x' }} />);
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByTestId('export-csv'));
    await waitFor(() => expect(screen.getByTestId('export-button').hasAttribute('disabled')).toBe(true));
    release();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Votre rôle ne permet pas cette action.');
    expect(screen.getByTestId('export-button').hasAttribute('disabled')).toBe(false);
    expect(saved).toEqual([]);
  });

  it('passes the filters and the format, leaves paging out, and saves under the server’s name', async () => {
    expect(
      exportUrl('/api/risk/decisions/export', { office: '301', limit: 50, offset: 100, channel: '' }, 'xlsx'),
    ).toBe('/api/risk/decisions/export?office=301&format=xlsx');
    const { fetch, release } = heldFetch(
      () =>
        new Response('a,b\n', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="risk.decisions-2026-12-07.xlsx"' },
        }),
    );
    wrap(<ExportButton path="/api/risk/decisions/export" filters={{ office: '301', offset: 100 }} />);
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByTestId('export-xlsx'));
    release();
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(fetch.mock.calls[0]![0]).toBe('/api/risk/decisions/export?office=301&format=xlsx');
    expect(saved[0]!.download).toBe('risk.decisions-2026-12-07.xlsx');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads the file name of either form of Content-Disposition', () => {
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
    expect(fileNameOf('attachment; filename="a b.csv"', 'x')).toBe('a b.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''ordre%20%C3%A9.pdf", 'x')).toBe('ordre é.pdf');
  });

  it('prints the inspection order in the workbench’s language', async () => {
    await i18n.changeLanguage('ar');
    const { fetch, release } = heldFetch(
      () =>
        new Response('%PDF-', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="ordre-R-1-ar.pdf"' },
        }),
    );
    wrap(<OrderButton decisionId={42} />);
    fireEvent.click(screen.getByTestId('order-button'));
    release();
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(fetch.mock.calls[0]![0]).toBe('/api/risk/decisions/42/order.pdf?lang=ar');
    expect(saved[0]!.download).toBe('ordre-R-1-ar.pdf');
  });
});

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.closed = true;
  }
}

/** How many times each list was fetched: once on show, once more per refreshing event. */
const fetched = { queue: 0, osint: 0 };
function Lists() {
  useQuery({ queryKey: ['risk-queue', {}], queryFn: async () => ++fetched.queue });
  useQuery({ queryKey: ['osint', 'alerts'], queryFn: async () => ++fetched.osint });
  return null;
}

describe('live updates', () => {
  it('refresh the lists an event changes, count it unread and say what happened', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    fetched.queue = 0;
    fetched.osint = 0;
    const view = wrap(
      <>
        <Lists />
        <LiveEvents />
      </>,
      client,
    );
    await waitFor(() => expect(fetched).toEqual({ queue: 1, osint: 1 }));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events');
    act(() => source.onopen?.());

    act(() =>
      source.emit('risk.selection', {
        id: 'a-1',
        type: 'risk.selection',
        at: '2026-12-07T10:00:00Z',
        office: '301',
        data: { office: '301', day: '2024-03-18', run_id: 4 },
      }),
    );
    await waitFor(() => expect(fetched.queue).toBe(2));
    expect(fetched.osint).toBe(1);
    expect(await screen.findByText('Nouvelle sélection : bureau 301, 2024-03-18')).toBeTruthy();
    expect(screen.getByTestId('live-badge').textContent).toContain('1');

    act(() =>
      source.emit('osint.alert', {
        id: 'a-2',
        type: 'osint.alert',
        at: '2026-12-07T10:01:00Z',
        office: null,
        data: { count: 2, source: '<b>Souk</b>' },
      }),
    );
    await waitFor(() => expect(fetched.osint).toBe(2));
    // The source's name is text, never markup.
    expect(await screen.findByText(/\(<b>Souk<\/b>\)/)).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByTestId('live-badge').textContent).toContain('2');

    // Opening the list marks everything read.
    fireEvent.click(screen.getByRole('button', { name: /Nouveautés/ }));
    await waitFor(() => expect(screen.getByTestId('live-badge').textContent).not.toContain('2'));
    expect(screen.getAllByTestId('live-event')).toHaveLength(2);

    view.unmount();
    expect(source.closed).toBe(true);
  });
});
