/**
 * The live events of one database (docs/decisions/0041-exports-order-live.md): modules publish what the workbench
 * should see at once (a new online-monitoring alert, a new selection or decision) and `GET /api/events` streams it
 * to every signed-in user allowed to see it. Each event names the permission it needs and, when office-scoped, its
 * office; the platform filters, the modules decide what they publish. In-process: one bus per database object, a
 * short history kept so that a browser that reconnects with `Last-Event-ID` gets what it missed.
 */
import { randomBytes } from 'node:crypto';
import type { Permission } from '../auth/permissions.ts';
import type { AuthUser } from '../auth/user.ts';
import type { Database } from '../db/database.ts';

export interface LiveEventInput {
  /** `osint.alert`, `risk.selection`, `risk.decision`… */
  type: string;
  /** What a user needs to receive it. */
  permission: Permission;
  /** Office-scoped events reach users of every office (`risk:all_offices`) and the office's own users only. */
  office?: string | null;
  data: Record<string, unknown>;
}

export interface LiveEvent extends Required<LiveEventInput> {
  /** `<process boot>-<counter>`: unique, ordered within one process. */
  id: string;
  at: string;
}

type Listener = (event: LiveEvent) => void;

/** How many past events a reconnecting browser may catch up on. */
export const HISTORY = 500;

export class EventBus {
  private readonly boot = randomBytes(4).toString('hex');
  private counter = 0;
  private readonly listeners = new Set<Listener>();
  private readonly history: LiveEvent[] = [];

  publish(input: LiveEventInput): LiveEvent {
    const event: LiveEvent = {
      id: `${this.boot}-${++this.counter}`,
      at: new Date().toISOString(),
      office: null,
      ...input,
    };
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.shift();
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's failure (a closed socket) is its own; the others still get the event.
      }
    }
    return event;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The events after `lastId`, when it is one of this process's and still in the history; else none. */
  since(lastId: string | undefined): LiveEvent[] {
    if (!lastId) return [];
    const [boot, n] = lastId.split('-');
    const after = Number(n);
    if (boot !== this.boot || !Number.isInteger(after)) return [];
    return this.history.filter((e) => Number(e.id.split('-')[1]) > after);
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}

const buses = new WeakMap<Database, EventBus>();

/** The bus of a database: what its modules publish to and its event stream reads. */
export function eventBus(database: Database): EventBus {
  let bus = buses.get(database);
  if (!bus) {
    bus = new EventBus();
    buses.set(database, bus);
  }
  return bus;
}

/** Publishes a live event; call it once the change is committed. */
export function publishEvent(database: Database, input: LiveEventInput): LiveEvent {
  return eventBus(database).publish(input);
}

/** Whether `user` may receive `event`: its permission, and its office when it has one. */
export function mayReceive(user: AuthUser, event: LiveEvent): boolean {
  if (!user.permissions.has(event.permission)) return false;
  if (event.office === null || user.permissions.has('risk:all_offices')) return true;
  return user.office_code === event.office;
}
