/**
 * An adapter over data held in memory: for demos, tests and prototypes. It behaves like a real
 * backend: answers asynchronously, honours `AbortSignal`, pages with opaque cursors that stay stable
 * when new items arrive, filters by channel, searches text, jumps to a date, counts per channel,
 * looks customers up, logs feedback (de-duplicated by `decisionId`) and pushes live events.
 */
import type { ActionFeedback, CustomerLookup, CxAdapter, InteractionQuery } from '../adapter.js';
import { AdapterError, NotFoundError } from '../../model/errors.js';
import { wait } from '../../internal/signals.js';
import { randomId } from '../../internal/id.js';
import { searchableText } from '../../model/search.js';
import type { Customer, Interaction, InteractionPage, LiveEvent, NextAction } from '../../model/types.js';

export interface MemoryAdapterOptions {
  customers: Customer[];
  /** Interactions by customer id, in any order (they are served newest first). */
  interactions?: Record<string, Interaction[]>;
  /** Next actions by customer id. */
  nextActions?: Record<string, NextAction[]>;
  /** Simulated latency of every call, in ms. Default 0. */
  latencyMs?: number;
}

export interface FeedbackRecord {
  customerId: string;
  actionId: string;
  feedback: ActionFeedback;
}

/** The memory adapter: a full `CxAdapter` plus `push()` and the `feedback` log. */
export interface MemoryAdapter extends Required<CxAdapter> {
  /** Delivers a live event to subscribers of that customer, and applies it to the data. */
  push(customerId: string, event: LiveEvent): void;
  /** Every feedback received, in order (one entry per `decisionId`). */
  readonly feedback: FeedbackRecord[];
  /** Simulated latency in ms; can be changed at any time. */
  latencyMs: number;
  /** Unique per memory adapter: its records never mix with another adapter's in the cache. */
  readonly cacheKey: string;
}

interface Sorted {
  t: number;
  item: Interaction;
}

const time = (iso: unknown): number => {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? 0 : t;
};

/** Newest first; ties broken by id so the order is total and cursors are stable. */
const newer = (a: Sorted, b: Sorted): number =>
  b.t - a.t || (String(a.item.id) < String(b.item.id) ? 1 : String(a.item.id) > String(b.item.id) ? -1 : 0);

const clone = <T>(x: T): T => (x === undefined ? x : structuredClone(x));

function encodeCursor(pos: { t: number; id: string }): string {
  return btoa(JSON.stringify([pos.t, pos.id])).replace(/=+$/, '');
}

function decodeCursor(cursor: string): { t: number; id: string } {
  try {
    const [t, id] = JSON.parse(atob(cursor)) as [unknown, unknown];
    if (typeof t === 'number' && typeof id === 'string') return { t, id };
  } catch {
    /* fall through */
  }
  throw new AdapterError(`Invalid cursor "${cursor}"`, { status: 400 });
}

const digits = (s: string) => s.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');

/**
 * Creates an adapter over in-memory data.
 *
 * @example
 * const adapter = createMemoryAdapter({
 *   customers: [{ id: 'c-1', name: 'Ada Quinn', emails: ['ada@example.com'] }],
 *   interactions: { 'c-1': [{ id: 'i-1', channel: 'chat', occurredAt: '2026-11-20T09:30:00Z' }] },
 * });
 * adapter.push('c-1', { type: 'interaction', interaction: { id: 'i-2', channel: 'sms', occurredAt: new Date().toISOString() } });
 */
export function createMemoryAdapter(options: MemoryAdapterOptions): MemoryAdapter {
  if (!options || !Array.isArray(options.customers)) {
    throw new TypeError('createMemoryAdapter({ customers }) needs customers: an array of Customer records');
  }
  const customers = new Map<string, Customer>();
  for (const c of options.customers) if (c && c.id !== undefined) customers.set(String(c.id), clone(c));
  const timelines = new Map<string, Sorted[]>();
  for (const [id, list] of Object.entries(options.interactions ?? {})) {
    if (!Array.isArray(list)) continue;
    timelines.set(
      id,
      list.filter((i) => i && typeof i === 'object').map((item) => ({ t: time(item.occurredAt), item: clone(item) })).sort(newer),
    );
  }
  const actions = new Map<string, NextAction[]>();
  for (const [id, list] of Object.entries(options.nextActions ?? {})) if (Array.isArray(list)) actions.set(id, clone(list));
  const subscribers = new Map<string, Set<(e: LiveEvent) => void>>();
  const feedback: FeedbackRecord[] = [];
  const seenDecisions = new Set<string>();

  const adapter: MemoryAdapter = {
    latencyMs: Math.max(0, Number(options.latencyMs) || 0),
    feedback,
    cacheKey: `memory:${randomId()}`,

    async getCustomer(customerId, { signal }) {
      await wait(adapter.latencyMs, signal);
      const c = customers.get(customerId);
      if (!c) throw new NotFoundError(`No customer with id "${customerId}"`);
      return clone(c);
    },

    async findCustomer(query: CustomerLookup, { signal }) {
      await wait(adapter.latencyMs, signal);
      const email = query.email?.trim().toLowerCase();
      const phone = query.phone ? digits(query.phone) : undefined;
      const ref = query.ref?.trim();
      for (const c of customers.values()) {
        if (email && c.emails?.some((e) => typeof e === 'string' && e.toLowerCase() === email)) return clone(c);
        if (phone && phone.replace('+', '').length >= 3 && c.phones?.some((p) => typeof p === 'string' && digits(p).replace('+', '') === phone.replace('+', ''))) {
          return clone(c);
        }
        if (ref && (c.id === ref || c['ref'] === ref || c['externalId'] === ref)) return clone(c);
      }
      return null;
    },

    async listInteractions(customerId, query: InteractionQuery) {
      await wait(adapter.latencyMs, query.signal);
      if (!customers.has(customerId)) throw new NotFoundError(`No customer with id "${customerId}"`);
      const limit = Math.max(1, Math.min(500, Math.floor(Number(query.limit)) || 25));
      const channels = query.channels?.length ? new Set<string>(query.channels) : undefined;
      const needle = query.search?.trim().toLowerCase();
      const before = query.before !== undefined ? Date.parse(query.before) : undefined;
      if (before !== undefined && Number.isNaN(before)) {
        throw new AdapterError(`Invalid "before" date "${query.before}"`, { status: 400 });
      }
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;

      const all = timelines.get(customerId) ?? [];
      const counts: Record<string, number> = {};
      const matching: Sorted[] = [];
      for (const s of all) {
        if (before !== undefined && s.t >= before) continue;
        if (needle && !searchableText(s.item).includes(needle)) continue;
        counts[s.item.channel] = (counts[s.item.channel] ?? 0) + 1;
        if (channels && !channels.has(s.item.channel)) continue;
        matching.push(s);
      }
      let start = 0;
      if (after) {
        const pivot: Sorted = { t: after.t, item: { id: after.id } as Interaction };
        // first index strictly after the cursor position in newest-first order
        let lo = 0;
        let hi = matching.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (newer(matching[mid]!, pivot) <= 0) lo = mid + 1;
          else hi = mid;
        }
        start = lo;
      }
      const page = matching.slice(start, start + limit);
      const last = page[page.length - 1];
      const more = start + limit < matching.length;
      const result: InteractionPage = {
        items: page.map((s) => clone(s.item)),
        nextCursor: more && last ? encodeCursor({ t: last.t, id: String(last.item.id) }) : null,
        total: matching.length,
        counts,
      };
      return result;
    },

    async getNextActions(customerId, { signal }) {
      await wait(adapter.latencyMs, signal);
      if (!customers.has(customerId)) throw new NotFoundError(`No customer with id "${customerId}"`);
      return clone(actions.get(customerId) ?? []);
    },

    async sendActionFeedback(customerId, actionId, fb) {
      await wait(adapter.latencyMs);
      if (!fb || typeof fb.decisionId !== 'string' || !fb.decisionId) {
        throw new AdapterError('Feedback needs a decisionId', { status: 400 });
      }
      if (seenDecisions.has(fb.decisionId)) return;
      seenDecisions.add(fb.decisionId);
      feedback.push({ customerId, actionId, feedback: clone(fb) });
    },

    subscribe(customerId, onEvent) {
      let set = subscribers.get(customerId);
      if (!set) subscribers.set(customerId, (set = new Set()));
      const listener = (e: LiveEvent) => onEvent(clone(e));
      set.add(listener);
      return () => {
        set!.delete(listener);
      };
    },

    push(customerId, event) {
      switch (event?.type) {
        case 'interaction': {
          const list = timelines.get(customerId) ?? [];
          const entry = { t: time(event.interaction.occurredAt), item: clone(event.interaction) };
          const existing = list.findIndex((s) => s.item.id === entry.item.id);
          if (existing >= 0) list.splice(existing, 1);
          let i = 0;
          while (i < list.length && newer(list[i]!, entry) < 0) i++;
          list.splice(i, 0, entry);
          timelines.set(customerId, list);
          break;
        }
        case 'customer':
          customers.set(customerId, clone(event.customer));
          break;
        case 'next-actions':
          actions.set(customerId, clone(event.actions));
          break;
        default:
          throw new TypeError('push(customerId, event): event.type must be interaction, customer or next-actions');
      }
      const set = subscribers.get(customerId);
      if (set) for (const l of [...set]) queueMicrotask(() => l(event));
    },
  };
  return adapter;
}
