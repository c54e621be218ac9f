/**
 * The store: stale-while-revalidate over the persistent cache. Every element asks it for resources
 * (a customer, a lookup, a page of interactions, next actions) and is told the truth about them:
 * loading, fresh, stale with its "as of" time, refreshing, failed (with the cached data kept), offline.
 *
 * - A cached record is shown at once and refreshed in the background when older than `staleTime`.
 * - Identical requests in flight are made once, however many consumers ask; when the last consumer
 *   leaves, the request is aborted.
 * - Revalidates on window focus and on reconnect (throttled), `refresh()` and `invalidate()`.
 * - A 401, 403 or 404 on refresh removes the record from the cache and from the screen.
 * - Other tabs of the same origin learn of new records over a BroadcastChannel and rerender from
 *   the cache without a request of their own.
 */
import { isCxError, type CxError } from '../model/errors.js';
import type { Loaded } from './boundary.js';
import { createPersistentCache, deleteAllDatabases, type CacheMode, type PersistentCache } from './cache/persistent-cache.js';

/** `cacheOptions` (contract §7). */
export interface CxCacheOptions {
  /** Separates tenants and agents: one database per namespace. Default `default`. */
  namespace?: string;
  /** After this many ms a record is refreshed in the background. Default 30 000. */
  staleTime?: number;
  /** Records older than this are never shown and are deleted. Default 24 h. */
  maxAge?: number;
  /** Most records kept; the least recently used go first. Default 500. */
  maxEntries?: number;
  /** `false` keeps nothing at rest (memory only, for this page). Default true. */
  enabled?: boolean;
}

export const DEFAULT_CACHE_OPTIONS: Required<CxCacheOptions> = {
  namespace: 'default',
  staleTime: 30_000,
  maxAge: 24 * 60 * 60 * 1000,
  maxEntries: 500,
  enabled: true,
};

/** What a consumer sees of one resource. */
export interface ResourceView<T> {
  /** `loading` until there is data or a failure; `ready` with data; `error` without data. */
  status: 'loading' | 'ready' | 'error';
  data: Loaded<T> | undefined;
  /** The last failure; may come with (older) data. */
  error: CxError | undefined;
  /** When the data shown was fetched from the backend. */
  storedAt: number | undefined;
  /** Older than `staleTime`. */
  stale: boolean;
  /** A request for it is in flight. */
  refreshing: boolean;
  /** The browser says it is offline. */
  offline: boolean;
  /** Where records live: `indexeddb`, or `memory` when IndexedDB is unavailable or failing. */
  cacheMode: CacheMode;
  /** Why the cache is in memory, when it is. */
  cacheReason: string | undefined;
}

type Fetcher<T> = (signal: AbortSignal) => Promise<Loaded<T>>;

interface Entry<T = unknown> {
  key: string;
  data?: Loaded<T>;
  storedAt?: number;
  error?: CxError;
  /** The persistent cache has been read for this key. */
  hydrated: boolean;
  hydrating?: Promise<void>;
  inflight?: { controller: AbortController; promise: Promise<void> };
  fetcher?: Fetcher<T>;
  listeners: Set<() => void>;
  lastRevalidate: number;
  /** Bumped on invalidate/remove: a late answer of an older generation is ignored. */
  generation: number;
  /** Marked stale by `invalidate()`, whatever its age, until new data comes. */
  invalid?: boolean;
}

const FOCUS_THROTTLE_MS = 5000;
const REMOVE_ON = new Set([401, 403, 404, 410]);

function sanitizeOptions(o: CxCacheOptions | undefined): Required<CxCacheOptions> {
  const d = DEFAULT_CACHE_OPTIONS;
  const num = (v: unknown, fallback: number, name: string) => {
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
    console.warn(`cxdesk: cacheOptions.${name} must be a number of 0 or more; using ${fallback}.`);
    return fallback;
  };
  const ns = o?.namespace;
  const namespace = typeof ns === 'string' && ns.trim() ? ns.trim() : d.namespace;
  if (ns !== undefined && namespace !== ns) console.warn('cxdesk: cacheOptions.namespace must be non-empty text; using "default".');
  return {
    namespace,
    staleTime: num(o?.staleTime, d.staleTime, 'staleTime'),
    maxAge: num(o?.maxAge, d.maxAge, 'maxAge'),
    maxEntries: Math.max(1, Math.floor(num(o?.maxEntries, d.maxEntries, 'maxEntries'))),
    enabled: o?.enabled !== false,
  };
}

/**
 * Records kept in memory that nothing on screen shows, most recently used last: a handful of
 * customers to go back to at once. Older ones are read again from the persistent cache when needed,
 * so an agent's long session does not pile every customer up in memory.
 */
const IDLE_ENTRIES = 30;

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export class CxStore {
  readonly options: Required<CxCacheOptions>;
  private readonly cache: PersistentCache;
  private readonly entries = new Map<string, Entry>();
  private readonly channel: BroadcastChannel | undefined;
  /**
   * When `invalidate()` last ran, for all records ('*') and per customer: a record read back from
   * the persistent cache later (no longer in memory then) is stale if it was stored before.
   */
  private readonly invalidated = new Map<string, number>();

  /** One store per namespace, for the life of the page: its window listeners and channel stay with it. */
  constructor(options: Required<CxCacheOptions>) {
    this.options = options;
    this.cache = createPersistentCache(options.namespace, options, options.enabled);
    this.channel =
      options.enabled && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(`cxdesk:${options.namespace}`) : undefined;
    if (this.channel) this.channel.onmessage = (e: MessageEvent) => this.onBroadcast(e.data as Broadcast);
    const onFocus = (e: Event) => {
      // a focused window is in use; a visibility change counts only when the page becomes visible
      if (e.type === 'focus' || document.visibilityState === 'visible') this.revalidateWatched(false);
    };
    const onOnline = () => this.revalidateWatched(false, true);
    const onOffline = () => this.notifyAll();
    if (typeof window !== 'undefined') {
      window.addEventListener('focus', onFocus);
      document.addEventListener('visibilitychange', onFocus);
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
    }
  }

  get cacheMode(): CacheMode {
    return this.cache.mode;
  }

  /**
   * Watches one resource. `listener` runs on every change; read the state with `view()`. Returns the
   * function that stops watching (the last watcher leaving aborts a request in flight).
   */
  watch<T>(key: string, fetcher: Fetcher<T>, listener: () => void): () => void {
    const entry = this.entry<T>(key);
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, entry as Entry);
    entry.fetcher = fetcher;
    entry.listeners.add(listener);
    void this.ensure(entry);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0 && entry.inflight) {
        const { controller } = entry.inflight;
        entry.inflight = undefined; // a watcher coming back starts a new request
        controller.abort(new DOMException('No one is watching this any more', 'AbortError'));
      }
      if (entry.listeners.size === 0) this.trim();
    };
  }

  /** Stored within `staleTime` and not invalidated since. */
  private fresh(e: Entry, now = Date.now()): boolean {
    return e.storedAt !== undefined && !e.invalid && now - e.storedAt <= this.options.staleTime;
  }

  private invalidatedAt(key: string): number {
    let at = this.invalidated.get('*') ?? 0;
    for (const [id, t] of this.invalidated) if (t > at && id !== '*' && keyMentions(key, id)) at = t;
    return at;
  }

  /** Lets go of the least recently used records that nothing shows, beyond `IDLE_ENTRIES`. */
  private trim(): void {
    let idle = 0;
    for (const e of this.entries.values()) if (!e.listeners.size) idle++;
    for (const e of this.entries.values()) {
      if (idle <= IDLE_ENTRIES) break;
      if (e.listeners.size || e.inflight || (e.hydrating && !e.hydrated)) continue;
      this.entries.delete(e.key);
      idle--;
    }
  }

  view<T>(key: string): ResourceView<T> {
    const e = this.entries.get(key) as Entry<T> | undefined;
    const data = e?.data;
    const storedAt = e?.storedAt;
    return {
      status: data ? 'ready' : e?.error ? 'error' : 'loading',
      data,
      error: e?.error,
      storedAt,
      stale: !!e && storedAt !== undefined && !this.fresh(e),
      refreshing: !!e?.inflight,
      offline: !online(),
      cacheMode: this.cache.mode,
      cacheReason: this.cache.reason,
    };
  }

  /** A per-agent preference kept in this namespace (e.g. which panel sections are collapsed). */
  getPref<T>(key: string): Promise<T | undefined> {
    return this.cache.getPref<T>(key).catch(() => undefined);
  }

  setPref<T>(key: string, value: T): Promise<void> {
    return this.cache.putPref(key, value).catch(() => undefined);
  }

  /**
   * Puts data that arrived another way (a live event) in place of what is cached: on screen at once,
   * at rest, and in the other tabs.
   */
  put<T>(key: string, data: Loaded<T>): void {
    const e = this.entry<T>(key);
    e.generation++;
    if (e.inflight) {
      const { controller } = e.inflight;
      e.inflight = undefined;
      controller.abort(new DOMException('Replaced by a live update', 'AbortError'));
    }
    const storedAt = Date.now();
    e.data = data;
    e.storedAt = storedAt;
    e.invalid = false;
    e.error = undefined;
    e.hydrated = true;
    this.notify(e as Entry);
    void this.cache.put(key, data, storedAt).then(() => this.channel?.postMessage({ type: 'put', key, storedAt } satisfies Broadcast));
    if (!e.listeners.size) this.trim();
  }

  /** Fetches again now, whatever the age. */
  refresh(key: string): void {
    const e = this.entries.get(key);
    if (e) void this.revalidate(e, true);
  }

  /** Marks records stale (all, or those of one customer) and refetches the watched ones. */
  invalidate(customerId?: string): void {
    if (customerId === undefined) this.invalidated.clear();
    this.invalidated.set(customerId ?? '*', Date.now());
    for (const e of this.entries.values()) {
      if (customerId !== undefined && !keyMentions(e.key, customerId)) continue;
      if (e.storedAt !== undefined) e.invalid = true;
      if (e.listeners.size) void this.revalidate(e, true);
    }
  }

  /** Forgets everything in memory (after the databases were deleted). */
  reset(): void {
    for (const e of this.entries.values()) {
      e.inflight?.controller.abort(new DOMException('The cache was cleared', 'AbortError'));
      e.generation++;
      e.data = undefined;
      e.storedAt = undefined;
      e.error = undefined;
      e.hydrated = true;
    }
    this.cache.close();
    this.notifyAll();
    for (const e of this.entries.values()) if (e.listeners.size) void this.revalidate(e, true);
  }

  /** Closes the database connection (so it can be deleted). */
  close(): void {
    this.cache.close();
  }

  private entry<T>(key: string): Entry<T> {
    let e = this.entries.get(key) as Entry<T> | undefined;
    if (!e) {
      e = { key, hydrated: false, listeners: new Set(), lastRevalidate: 0, generation: 0 };
      this.entries.set(key, e as Entry);
    }
    return e;
  }

  private notify(e: Entry): void {
    for (const l of [...e.listeners]) l();
  }

  private notifyAll(): void {
    for (const e of this.entries.values()) this.notify(e);
  }

  private async hydrate(e: Entry): Promise<void> {
    if (e.hydrated) return;
    e.hydrating ??= (async () => {
      const generation = e.generation;
      const record = await this.cache.get<Loaded<unknown>>(e.key).catch(() => undefined);
      e.hydrated = true;
      if (record && generation === e.generation && (e.storedAt === undefined || record.storedAt > e.storedAt)) {
        e.data = record.value;
        e.storedAt = record.storedAt;
        e.invalid = record.storedAt <= this.invalidatedAt(e.key);
        this.notify(e);
      }
    })();
    await e.hydrating;
  }

  private async ensure(e: Entry): Promise<void> {
    await this.hydrate(e);
    if (!this.fresh(e) && !e.inflight && e.listeners.size) await this.revalidate(e, false);
  }

  private revalidateWatched(force: boolean, reconnect = false): void {
    const now = Date.now();
    for (const e of this.entries.values()) {
      if (!e.listeners.size) continue;
      if (reconnect) this.notify(e);
      const stale = !this.fresh(e, now);
      if ((force || stale || e.error) && now - e.lastRevalidate > FOCUS_THROTTLE_MS) void this.revalidate(e, true);
    }
  }

  private revalidate(e: Entry, force: boolean): Promise<void> {
    if (e.inflight) return e.inflight.promise;
    if (!e.fetcher) return Promise.resolve();
    if (!force && this.fresh(e)) return Promise.resolve();
    const controller = new AbortController();
    const generation = e.generation;
    const fetcher = e.fetcher;
    e.lastRevalidate = Date.now();
    let settled = false;
    /** Ends the request's in-flight state and tells the watchers, once. */
    const settle = () => {
      if (settled) return;
      settled = true;
      if (e.inflight?.controller === controller) e.inflight = undefined;
      this.notify(e);
    };
    const promise = (async () => {
      try {
        const data = await fetcher(controller.signal);
        if (controller.signal.aborted || generation !== e.generation) return;
        const storedAt = Date.now();
        e.data = data;
        e.storedAt = storedAt;
        e.invalid = false;
        e.error = undefined;
        settle();
        // on screen first, then at rest, then in the other tabs
        await this.cache.put(e.key, data, storedAt);
        this.channel?.postMessage({ type: 'put', key: e.key, storedAt } satisfies Broadcast);
      } catch (err) {
        if (controller.signal.aborted || generation !== e.generation) return;
        const error = isCxError(err) ? err : undefined;
        e.error = error;
        const remove = error?.status !== undefined && REMOVE_ON.has(error.status);
        if (remove) {
          // revoked access or a deleted customer never keeps showing from cache
          e.data = undefined;
          e.storedAt = undefined;
        }
        settle();
        if (remove) {
          await this.cache.delete(e.key);
          this.channel?.postMessage({ type: 'delete', key: e.key } satisfies Broadcast);
        }
      } finally {
        settle();
      }
    })();
    e.inflight = { controller, promise };
    this.notify(e);
    return promise;
  }

  private onBroadcast(message: Broadcast): void {
    if (!message || typeof message !== 'object') return;
    if (message.type === 'clear') {
      this.reset();
      return;
    }
    const e = this.entries.get(message.key);
    if (!e) return;
    if (message.type === 'delete') {
      e.generation++;
      e.data = undefined;
      e.storedAt = undefined;
      this.notify(e);
      return;
    }
    if (message.type === 'put' && (e.storedAt === undefined || message.storedAt > e.storedAt)) {
      void this.cache.get<Loaded<unknown>>(message.key).then((record) => {
        if (record && (e.storedAt === undefined || record.storedAt > e.storedAt)) {
          e.data = record.value;
          e.storedAt = record.storedAt;
          e.invalid = false;
          e.error = undefined;
          this.notify(e);
        }
      });
    }
  }
}

type Broadcast =
  | { type: 'put'; key: string; storedAt: number }
  | { type: 'delete'; key: string }
  | { type: 'clear' };

function keyMentions(key: string, customerId: string): boolean {
  return key.split('|').includes(customerId);
}

// ---- one store per namespace --------------------------------------------------------------------

const stores = new Map<string, CxStore>();

/** The store for these cache options (one per namespace; options of the first use win). */
export function storeFor(options: CxCacheOptions | undefined): CxStore {
  const o = sanitizeOptions(options);
  const id = `${o.namespace}|${o.enabled}`;
  let store = stores.get(id);
  if (!store) {
    store = new CxStore(o);
    stores.set(id, store);
    listenForClear();
  }
  return store;
}

let clearListener: BroadcastChannel | undefined;
/** Tabs whose stores use other namespaces still hear a clearCache(). */
function listenForClear(): void {
  if (clearListener || typeof BroadcastChannel === 'undefined') return;
  clearListener = new BroadcastChannel('cxdesk:*');
  clearListener.onmessage = (e: MessageEvent) => {
    if ((e.data as Broadcast | undefined)?.type === 'clear') for (const s of stores.values()) s.reset();
  };
}

/** Hooks `clearCache()` runs first (delivering queued feedback), each given the time left. */
const flushHooks = new Set<(deadline: number) => Promise<number>>();

/** Registers work `clearCache()` must try to finish first; returns the function that removes it. */
export function onBeforeClear(hook: (deadline: number) => Promise<number>): () => void {
  flushHooks.add(hook);
  return () => flushHooks.delete(hook);
}

/**
 * Call on agent sign-out: tries for up to 3 s to deliver queued feedback, then deletes every cxdesk
 * database of this origin, in every tab, and forgets what is in memory.
 *
 * @example
 * signOutButton.onclick = async () => { await CxDesk.clearCache(); location.href = '/logout'; };
 */
export async function clearCache(): Promise<{ undelivered: number }> {
  const deadline = Date.now() + 3000;
  let undelivered = 0;
  const results = await Promise.all(
    [...flushHooks].map((hook) =>
      // the hooks stop trying at the deadline and then count what is left; this only guards against a hook that hangs
      Promise.race([hook(deadline), new Promise<number>((r) => setTimeout(() => r(0), 4000))]).catch(() => 0),
    ),
  );
  for (const n of results) undelivered += n;
  // tell every tab to let go, close our own connections, then delete
  const namespaces = new Set([...stores.values()].map((s) => s.options.namespace));
  for (const ns of namespaces) {
    if (typeof BroadcastChannel === 'undefined') break;
    const ch = new BroadcastChannel(`cxdesk:${ns}`);
    ch.postMessage({ type: 'clear' } satisfies Broadcast);
    ch.close();
  }
  if (typeof BroadcastChannel !== 'undefined') {
    const all = new BroadcastChannel('cxdesk:*');
    all.postMessage({ type: 'clear' } satisfies Broadcast);
    all.close();
  }
  for (const s of stores.values()) s.close();
  await deleteAllDatabases();
  for (const s of stores.values()) s.reset();
  return { undelivered };
}

/** Marks records stale and refetches what is on screen: all, or one customer's. */
export function invalidate(customerId?: string): void {
  for (const s of stores.values()) s.invalidate(customerId);
}

