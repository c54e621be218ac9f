/**
 * One view from several systems: a CRM for the profile, a helpdesk for cases and tickets, a shop for
 * orders, a telephony platform for calls. `composeAdapters` turns them into one adapter.
 *
 * - Profiles merge field by field, earlier sources winning; lists of records merge by `id`, lists of
 *   text (tags, emails) merge without duplicates.
 * - Timelines merge by time, each item's `source` set to its source's name, paged with one composite
 *   cursor that stays stable across pages.
 * - Next actions pool; feedback goes back to the source that suggested the action.
 * - A failing source degrades to a notice on the element; only when every source fails does the call
 *   fail. A source that does not know the customer (404) is simply left out.
 * - `resolveId` maps the customer id the page uses to each source's own id.
 */
import type { ActionFeedback, CustomerLookup, CxAdapter, InteractionQuery } from './adapter.js';
import { isNotFoundError, toCxError, type CxError } from '../model/errors.js';
import type { Channel, Customer, Interaction, InteractionPage, LiveEvent, NextAction } from '../model/types.js';

export interface ComposedSource {
  /** Shown as each item's `source`, and in notices. */
  name: string;
  adapter: Partial<CxAdapter>;
  /** Maps the page's customer id to this source's id. */
  resolveId?: (customerId: string) => string | Promise<string>;
}

export interface ComposeOptions {
  /** Identifies the composition in the cache (default: built from the sources). */
  cacheKey?: string;
}

/** Carried on composed records so the boundary can turn failing sources into notices. */
export const SOURCE_ERRORS = '__cxSourceErrors';

export interface SourceError {
  source: string;
  message: string;
}

const plain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Merges values of one field: objects key by key, lists by id or value, the rest: first wins. */
function mergeValue(a: unknown, b: unknown): unknown {
  if (a === undefined || a === null) return b;
  if (b === undefined || b === null) return a;
  if (plain(a) && plain(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = mergeValue(a[k], v);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const seen = new Set<string>();
    const out: unknown[] = [];
    for (const item of [...a, ...b]) {
      const key = plain(item) && item['id'] !== undefined ? `id:${String(item['id'])}` : plain(item) ? JSON.stringify(item) : `v:${String(item)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
    return out;
  }
  return a;
}

function b64encode(s: string): string {
  return btoa(unescape(encodeURIComponent(s)));
}
function b64decode(s: string): string {
  return decodeURIComponent(escape(atob(s)));
}

/** Per source: the cursor of the page being read, and how many of its items were already used. */
type CompositeCursor = Record<string, { cursor: string | null; skip: number; done: boolean }>;

function encodeCursor(c: CompositeCursor): string {
  return b64encode(JSON.stringify(c));
}

function decodeCursor(s: string): CompositeCursor {
  try {
    const c = JSON.parse(b64decode(s)) as unknown;
    if (plain(c)) return c as CompositeCursor;
  } catch {
    /* below */
  }
  throw Object.assign(new Error(`Invalid composite cursor "${s}"`), { status: 400 });
}

const time = (i: Interaction) => Date.parse(i.occurredAt) || 0;

/**
 * Composes several adapters into one.
 *
 * @example
 * const adapter = composeAdapters([
 *   { name: 'crm', adapter: crmAdapter },
 *   { name: 'shop', adapter: shopAdapter, resolveId: (id) => lookupShopId(id) },
 * ]);
 */
export function composeAdapters(sources: ComposedSource[], options: ComposeOptions = {}): Required<Omit<CxAdapter, 'cacheKey'>> & { readonly cacheKey: string } {
  if (!Array.isArray(sources) || sources.length === 0) {
    throw new TypeError('composeAdapters(sources) needs a non-empty list of { name, adapter }');
  }
  const names = new Set<string>();
  for (const s of sources) {
    if (!s || typeof s.name !== 'string' || !s.name || !s.adapter || typeof s.adapter !== 'object') {
      throw new TypeError('composeAdapters: every source needs a name and an adapter object');
    }
    if (names.has(s.name)) throw new TypeError(`composeAdapters: two sources are named "${s.name}"`);
    names.add(s.name);
  }
  /** Which source suggested which action, for feedback. */
  const actionSource = new Map<string, ComposedSource>();

  const idFor = async (s: ComposedSource, customerId: string) => (s.resolveId ? await s.resolveId(customerId) : customerId);

  /** Runs a call on every source that has the method; splits results and failures. */
  async function fanOut<T>(method: keyof CxAdapter, run: (s: ComposedSource) => Promise<T>) {
    const able = sources.filter((s) => typeof s.adapter[method] === 'function');
    const settled = await Promise.allSettled(able.map(run));
    const ok: Array<{ source: ComposedSource; value: T }> = [];
    const failed: Array<{ source: ComposedSource; error: CxError }> = [];
    settled.forEach((r, i) => {
      const source = able[i]!;
      if (r.status === 'fulfilled') ok.push({ source, value: r.value });
      else failed.push({ source, error: toCxError(r.reason) });
    });
    return { able, ok, failed };
  }

  function rethrowIfAborted(signal: AbortSignal) {
    if (signal.aborted) throw signal.reason;
  }

  function notices(failed: Array<{ source: ComposedSource; error: CxError }>): SourceError[] {
    return failed.filter((f) => !isNotFoundError(f.error)).map((f) => ({ source: f.source.name, message: f.error.message }));
  }

  const composed = {
    cacheKey: options.cacheKey ?? `compose:${sources.map((s) => (typeof s.adapter.cacheKey === 'string' ? s.adapter.cacheKey : s.name)).join('+')}`,

    async getCustomer(customerId: string, { signal }: { signal: AbortSignal }): Promise<Customer> {
      const { ok, failed } = await fanOut('getCustomer', async (s) => s.adapter.getCustomer!(await idFor(s, customerId), { signal }));
      rethrowIfAborted(signal);
      if (!ok.length) throw failed[0]?.error ?? new Error('No source can load customers');
      let merged: Record<string, unknown> = {};
      for (const { value } of ok) merged = mergeValue(merged, value) as Record<string, unknown>;
      merged['id'] = customerId;
      const errors = notices(failed);
      if (errors.length) merged[SOURCE_ERRORS] = errors;
      return merged as Customer;
    },

    async findCustomer(query: CustomerLookup, { signal }: { signal: AbortSignal }): Promise<Customer | null> {
      for (const s of sources) {
        if (typeof s.adapter.findCustomer !== 'function') continue;
        const found = await s.adapter.findCustomer(query, { signal });
        if (found) return found;
      }
      return null;
    },

    async listInteractions(customerId: string, query: InteractionQuery): Promise<InteractionPage> {
      const state: CompositeCursor = query.cursor ? decodeCursor(query.cursor) : {};
      const { signal, cursor: _c, ...rest } = query;
      const { able, ok, failed } = await fanOut('listInteractions', async (s) => {
        const st = state[s.name];
        if (st?.done) return { page: { items: [] } as InteractionPage, skip: 0 };
        const page = await s.adapter.listInteractions!(await idFor(s, customerId), {
          ...rest,
          ...(st?.cursor ? { cursor: st.cursor } : {}),
          limit: query.limit + (st?.skip ?? 0),
          signal,
        });
        return { page, skip: st?.skip ?? 0 };
      });
      rethrowIfAborted(signal);
      if (!ok.length && failed.length) throw failed[0]!.error;
      // candidates: each source's unread items, tagged with their source
      const queues = ok.map(({ source, value }) => ({
        source,
        page: value.page,
        items: (Array.isArray(value.page?.items) ? value.page.items : []).slice(value.skip).map((i) => ({ ...i, source: i.source ?? source.name })),
        used: 0,
        skip: value.skip,
      }));
      const items: Interaction[] = [];
      while (items.length < query.limit) {
        let best: (typeof queues)[number] | undefined;
        for (const q of queues) {
          const next = q.items[q.used];
          if (next && (!best || time(next) > time(best.items[best.used]!))) best = q;
        }
        if (!best) break;
        items.push(best.items[best.used]!);
        best.used++;
      }
      const next: CompositeCursor = { ...state };
      let more = false;
      for (const q of queues) {
        const prev = state[q.source.name];
        if (q.used < q.items.length) {
          // items left on this page: read it again next time, skipping what was used
          next[q.source.name] = { cursor: prev?.cursor ?? null, skip: q.skip + q.used, done: false };
          more = true;
        } else if (q.page?.nextCursor) {
          next[q.source.name] = { cursor: q.page.nextCursor, skip: 0, done: false };
          more = true;
        } else next[q.source.name] = { cursor: null, skip: 0, done: true };
      }
      const counts: Partial<Record<Channel, number>> = {};
      let total: number | undefined = 0;
      for (const q of queues) {
        for (const [ch, n] of Object.entries(q.page?.counts ?? {})) counts[ch] = (counts[ch] ?? 0) + (n ?? 0);
        total = total !== undefined && typeof q.page?.total === 'number' ? total + q.page.total : undefined;
      }
      const page: InteractionPage & { [SOURCE_ERRORS]?: SourceError[] } = { items, nextCursor: more ? encodeCursor(next) : null };
      if (total !== undefined && ok.length === able.length) page.total = total;
      if (Object.keys(counts).length) page.counts = counts;
      const errors = notices(failed);
      if (errors.length) page[SOURCE_ERRORS] = errors;
      return page;
    },

    async getNextActions(customerId: string, { signal }: { signal: AbortSignal }): Promise<NextAction[]> {
      const { ok, failed } = await fanOut('getNextActions', async (s) => s.adapter.getNextActions!(await idFor(s, customerId), { signal }));
      rethrowIfAborted(signal);
      if (!ok.length && failed.length) throw failed[0]!.error;
      const seen = new Set<string>();
      const pooled: NextAction[] = [];
      for (const { source, value } of ok) {
        for (const a of Array.isArray(value) ? value : []) {
          if (!a || seen.has(a.id)) continue;
          seen.add(a.id);
          actionSource.set(a.id, source);
          pooled.push({ ...a, source: a.source ?? source.name });
        }
      }
      return pooled;
    },

    async sendActionFeedback(customerId: string, actionId: string, feedback: ActionFeedback): Promise<void> {
      const known = actionSource.get(actionId);
      const target = known && typeof known.adapter.sendActionFeedback === 'function' ? known : sources.find((s) => typeof s.adapter.sendActionFeedback === 'function');
      if (!target) return;
      await target.adapter.sendActionFeedback!(await idFor(target, customerId), actionId, feedback);
    },

    subscribe(customerId: string, onEvent: (event: LiveEvent) => void): () => void {
      const stops: Array<() => void> = [];
      let stopped = false;
      const pooledActions = new Map<string, NextAction[]>();
      for (const s of sources) {
        if (typeof s.adapter.subscribe !== 'function') continue;
        void Promise.resolve(idFor(s, customerId)).then((id) => {
          if (stopped) return;
          stops.push(
            s.adapter.subscribe!(id, (event) => {
              if (event?.type === 'interaction') onEvent({ type: 'interaction', interaction: { ...event.interaction, source: event.interaction.source ?? s.name } });
              else if (event?.type === 'next-actions') {
                pooledActions.set(s.name, (event.actions ?? []).map((a) => ({ ...a, source: a.source ?? s.name })));
                onEvent({ type: 'next-actions', actions: [...pooledActions.values()].flat() });
              } else if (event?.type === 'customer') {
                // one source's profile is only part of the customer: send the merged one
                const controller = new AbortController();
                composed.getCustomer(customerId, { signal: controller.signal }).then(
                  (customer) => onEvent({ type: 'customer', customer }),
                  () => undefined,
                );
              }
            }),
          );
        });
      }
      return () => {
        stopped = true;
        for (const stop of stops) stop();
      };
    },
  };
  return composed;
}
