/**
 * The workbench's live updates: one EventSource on GET /api/events while signed in (the server sends each user only
 * what their permissions and office allow). Each event refreshes the lists it changes (react-query invalidation),
 * is kept for the header's badge (the last 20, unread counted) and shown as a toast. The browser reconnects by
 * itself and sends Last-Event-ID, so the server replays what was missed.
 */
import { notifications } from '@mantine/notifications';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface LiveEvent {
  id: string;
  type: string;
  at: string;
  office: string | null;
  data: Record<string, unknown>;
}

/** The events the workbench knows, and the queries each one makes stale (their keys' first parts). */
export const LIVE_TYPES: Record<string, readonly (readonly string[])[]> = {
  'osint.alert': [['osint'], ['overview']],
  'risk.selection': [['risk-queue'], ['risk'], ['overview']],
  'risk.decision': [['risk-queue'], ['risk'], ['overview']],
};

const KEEP = 20;

/** Invalidates the queries an event changes; answers whether the workbench knows the event. */
export function refreshFor(client: QueryClient, type: string): boolean {
  const stale = LIVE_TYPES[type];
  if (!stale) return false;
  for (const queryKey of stale) void client.invalidateQueries({ queryKey: [...queryKey] });
  return true;
}

export function useLiveEvents(
  enabled: boolean,
  describe: (event: LiveEvent) => string,
): { events: LiveEvent[]; unread: number; connected: boolean; markRead: () => void } {
  const client = useQueryClient();
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [unread, setUnread] = useState(0);
  const [connected, setConnected] = useState(false);
  const describeRef = useRef(describe);
  describeRef.current = describe;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const receive = (message: Event) => {
      let event: LiveEvent;
      try {
        event = JSON.parse((message as MessageEvent).data) as LiveEvent;
      } catch {
        return;
      }
      if (!refreshFor(client, event.type)) return;
      setEvents((list) => [event, ...list.filter((e) => e.id !== event.id)].slice(0, KEEP));
      setUnread((n) => n + 1);
      notifications.show({ id: `live-${event.id}`, message: describeRef.current(event), autoClose: 6000 });
    };
    for (const type of Object.keys(LIVE_TYPES)) source.addEventListener(type, receive);
    source.onopen = () => setConnected(true);
    // The browser retries by itself (the server says after 5 s); meanwhile the badge says it is offline.
    source.onerror = () => setConnected(false);
    return () => {
      source.close();
      setConnected(false);
    };
  }, [enabled, client]);

  const markRead = useCallback(() => setUnread(0), []);
  return { events, unread, connected, markRead };
}
