/**
 * Follows a background job (an import, a back-test, a model's training) until it ends: server-sent events from
 * /api/jobs/{id}/events, or polling where the browser has none or the stream breaks. The imports page and the
 * back-test page shared the same logic in two copies; this is the one left.
 */
import { useEffect, useRef, useState } from 'react';
import type { Schema } from '../api/types.ts';
import { apiGet } from '../api.ts';

export type Job = Schema<'Job'>;
export const FINAL_STATES: readonly Job['state'][] = ['completed', 'failed', 'cancelled'];

/**
 * The job `id` as it goes (null while nothing is known, or when `id` is null). `initial`, when the caller already
 * holds the job, spares the first read; `onEnd` runs once when it ends while followed.
 */
export function useJob(
  id: string | null,
  options: { initial?: Job; onEnd?: (job: Job) => void } = {},
): { job: Job | null; error: unknown } {
  const [job, setJob] = useState<Job | null>(options.initial ?? null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const { initial } = latest.current;
    setJob(initial ?? null);
    setError(null);
    if (!id) return;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;
    const seen = (next: Job) => {
      if (closed) return false;
      setJob(next);
      const ended = FINAL_STATES.includes(next.state);
      if (ended) latest.current.onEnd?.(next);
      return !ended;
    };
    const poll = async () => {
      try {
        if (seen(await apiGet('/api/jobs/{id}', { path: { id } })))
          timer = setTimeout(() => void poll(), 1500);
      } catch (e) {
        if (!closed) setError(e);
      }
    };
    const follow = () => {
      if (typeof EventSource === 'undefined') {
        timer = setTimeout(() => void poll(), 1000);
        return;
      }
      const stream = new EventSource(`/api/jobs/${id}/events`);
      source = stream;
      const update = (event: Event) => seen(JSON.parse((event as MessageEvent).data) as Job);
      stream.addEventListener('progress', update);
      stream.addEventListener('end', (event) => {
        update(event);
        stream.close();
      });
      stream.onerror = () => {
        stream.close();
        if (!closed) void poll();
      };
    };
    if (initial && initial.id === id) {
      if (!FINAL_STATES.includes(initial.state)) follow();
    } else
      apiGet('/api/jobs/{id}', { path: { id } })
        .then((first) => {
          if (seen(first)) follow();
        })
        .catch((e) => {
          if (!closed) setError(e);
        });
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [id]);
  return { job, error };
}
