/**
 * Records at rest: IndexedDB through `idb`, one database per namespace (`cxdesk:<namespace>`), with an
 * in-memory fallback. IndexedDB failing at any point — missing, `open` throwing, an upgrade blocked by
 * another tab, a quota error (Chromium reports it as a transaction abort), the connection lost — never
 * reaches a consumer: the cache reopens once, then carries on in memory and says so in `mode`.
 */
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Bumped when the shape of a stored record changes; older records read as a miss. */
export const RECORD_VERSION = 1;
const DB_VERSION = 2;
export const DB_PREFIX = 'cxdesk:';

export interface CachedRecord<T = unknown> {
  key: string;
  value: T;
  /** When the data was fetched from the backend (ms since epoch). */
  storedAt: number;
  /** Last read or write, for least-recently-used eviction. */
  accessedAt: number;
  /** RECORD_VERSION at write time. */
  v: number;
}

interface CxDB extends DBSchema {
  records: {
    key: string;
    value: CachedRecord;
    indexes: { accessedAt: number; storedAt: number };
  };
  /** Small per-agent settings (e.g. collapsed sections). */
  prefs: {
    key: string;
    value: { key: string; value: unknown };
  };
}

export type CacheMode = 'indexeddb' | 'memory';

export interface CacheLimits {
  maxAge: number;
  maxEntries: number;
}

export interface PersistentCache {
  readonly mode: CacheMode;
  /** Why the cache is in memory, when it is. */
  readonly reason: string | undefined;
  get<T>(key: string): Promise<CachedRecord<T> | undefined>;
  put<T>(key: string, value: T, storedAt: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** A small per-agent preference (e.g. collapsed sections); kept apart from records, never evicted. */
  getPref<T>(key: string): Promise<T | undefined>;
  putPref<T>(key: string, value: T): Promise<void>;
  /** Closes the connection (so the database can be deleted). */
  close(): void;
}

/** Names a failure in words for the "working from memory" notice and the console. */
function describe(e: unknown): string {
  if (e instanceof DOMException || e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function validRecord(r: unknown): r is CachedRecord {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Partial<CachedRecord>;
  return typeof x.key === 'string' && typeof x.storedAt === 'number' && typeof x.accessedAt === 'number' && x.v === RECORD_VERSION && 'value' in x;
}

/** The in-memory store, also what IndexedDB falls back to. */
class MemoryStore {
  private readonly records = new Map<string, CachedRecord>();
  /** How many records are kept: `maxEntries`, or fewer while this only mirrors IndexedDB. */
  cap: number;
  constructor(private readonly limits: CacheLimits, cap = limits.maxEntries) {
    this.cap = Math.min(cap, limits.maxEntries);
  }

  get<T>(key: string): CachedRecord<T> | undefined {
    const r = this.records.get(key);
    if (!r) return undefined;
    if (Date.now() - r.storedAt > this.limits.maxAge) {
      this.records.delete(key);
      return undefined;
    }
    r.accessedAt = Date.now();
    // keep Map order = least recently used first
    this.records.delete(key);
    this.records.set(key, r);
    return r as CachedRecord<T>;
  }

  put<T>(key: string, value: T, storedAt: number): void {
    this.records.delete(key);
    this.records.set(key, { key, value, storedAt, accessedAt: Date.now(), v: RECORD_VERSION });
    while (this.records.size > this.cap) {
      const oldest = this.records.keys().next().value as string;
      this.records.delete(oldest);
    }
  }

  delete(key: string): void {
    this.records.delete(key);
  }
}

/**
 * Records kept in memory beside IndexedDB, for a database that fails in the middle of a session: the
 * most recent ones (a handful of customers), not all `maxEntries` twice over.
 */
const MIRROR_ENTRIES = 30;

/** How long an upgrade blocked by another tab may hold us before we carry on in memory. */
const OPEN_TIMEOUT_MS = 2000;

class IdbCache implements PersistentCache {
  mode: CacheMode = 'indexeddb';
  reason: string | undefined;
  private db: Promise<IDBPDatabase<CxDB> | undefined> | undefined;
  private reopened = false;
  private readonly memory: MemoryStore;
  private readonly prefs = new Map<string, unknown>();

  constructor(
    private readonly name: string,
    private readonly limits: CacheLimits,
  ) {
    this.memory = new MemoryStore(limits, MIRROR_ENTRIES);
    if (typeof indexedDB === 'undefined') this.fallBack('IndexedDB is not available in this browser');
  }

  private fallBack(reason: string): void {
    if (this.mode === 'memory') return;
    this.mode = 'memory';
    this.reason = reason;
    this.memory.cap = this.limits.maxEntries; // the whole cache now
    console.warn(`cxdesk: the cache works from memory for this page: ${reason}.`);
    void this.db?.then((db) => db?.close()).catch(() => undefined);
    this.db = Promise.resolve(undefined);
  }

  private open(): Promise<IDBPDatabase<CxDB> | undefined> {
    if (this.mode === 'memory') return Promise.resolve(undefined);
    if (!this.db) {
      let opening: Promise<IDBPDatabase<CxDB>>;
      try {
        opening = this.openConnection();
      } catch (e) {
        this.fallBack(`IndexedDB could not be opened (${describe(e)})`);
        return Promise.resolve(undefined);
      }
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`opening the database took longer than ${OPEN_TIMEOUT_MS} ms (blocked by another tab?)`)), OPEN_TIMEOUT_MS),
      );
      this.db = Promise.race([opening, timeout]).then(
        async (db) => {
          await this.sweep(db).catch(() => undefined);
          return db;
        },
        (e: unknown) => {
          void opening.then((db) => db.close()).catch(() => undefined);
          this.fallBack(`IndexedDB could not be opened (${describe(e)})`);
          return undefined;
        },
      );
    }
    return this.db;
  }

  private openConnection(): Promise<IDBPDatabase<CxDB>> {
    return openDB<CxDB>(this.name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // migrations: one block per version, never edited once released
        if (oldVersion < 1) {
          const records = db.createObjectStore('records', { keyPath: 'key' });
          records.createIndex('accessedAt', 'accessedAt');
          db.createObjectStore('prefs', { keyPath: 'key' });
        }
        if (oldVersion < 2) {
          // v2: expired records are found by age without reading every record
          tx.objectStore('records').createIndex('storedAt', 'storedAt');
        }
      },
      blocking: () => {
        // another tab wants to upgrade or delete the database: let it
        this.closeConnection();
      },
      terminated: () => {
        this.db = undefined;
        if (this.reopened) this.fallBack('the IndexedDB connection was lost twice');
        this.reopened = true;
      },
    });
  }

  /** Deletes what is past `maxAge`: personal data does not stay at rest longer. */
  private async sweep(db: IDBPDatabase<CxDB>): Promise<void> {
    const cutoff = Date.now() - this.limits.maxAge;
    const tx = db.transaction('records', 'readwrite');
    let cursor = await tx.store.index('storedAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  private closeConnection(): void {
    const db = this.db;
    this.db = undefined;
    void db?.then((d) => d?.close()).catch(() => undefined);
  }

  /** Runs an IndexedDB operation; a connection lost is retried once, anything else falls back. */
  private async attempt<T>(op: (db: IDBPDatabase<CxDB>) => Promise<T>, fallback: () => T): Promise<T> {
    for (let tries = 0; tries < 2; tries++) {
      const db = await this.open();
      if (!db) return fallback();
      try {
        return await op(db);
      } catch (e) {
        const name = (e as { name?: string } | null)?.name;
        if (name === 'InvalidStateError' && tries === 0 && !this.reopened) {
          // the connection was closed under us (versionchange, browser cleanup): reopen once
          this.reopened = true;
          this.db = undefined;
          continue;
        }
        const reason =
          name === 'QuotaExceededError' || name === 'AbortError'
            ? `the browser refused to store more (${describe(e)})`
            : `IndexedDB failed (${describe(e)})`;
        this.fallBack(reason);
        return fallback();
      }
    }
    return fallback();
  }

  async get<T>(key: string): Promise<CachedRecord<T> | undefined> {
    const mem = this.memory.get<T>(key);
    if (this.mode === 'memory') return mem;
    return this.attempt(
      async (db) => {
        const r = await db.get('records', key);
        if (r === undefined) return undefined;
        if (!validRecord(r) || Date.now() - r.storedAt > this.limits.maxAge) {
          // corrupt, from an older schema, or expired: a miss
          await db.delete('records', key).catch(() => undefined);
          return undefined;
        }
        if (Date.now() - r.accessedAt > 60_000) {
          void db.put('records', { ...r, accessedAt: Date.now() }).catch(() => undefined);
        }
        return r as CachedRecord<T>;
      },
      () => mem,
    );
  }

  async put<T>(key: string, value: T, storedAt: number): Promise<void> {
    this.memory.put(key, value, storedAt);
    if (this.mode === 'memory') return;
    await this.attempt(
      async (db) => {
        const tx = db.transaction('records', 'readwrite');
        await tx.store.put({ key, value, storedAt, accessedAt: Date.now(), v: RECORD_VERSION });
        const excess = (await tx.store.count()) - this.limits.maxEntries;
        if (excess > 0) {
          let cursor = await tx.store.index('accessedAt').openCursor();
          for (let i = 0; cursor && i < excess; i++) {
            await cursor.delete();
            cursor = await cursor.continue();
          }
        }
        await tx.done;
      },
      () => undefined,
    );
  }

  async delete(key: string): Promise<void> {
    this.memory.delete(key);
    if (this.mode === 'memory') return;
    await this.attempt(
      (db) => db.delete('records', key),
      () => undefined,
    );
  }

  async getPref<T>(key: string): Promise<T | undefined> {
    if (this.mode === 'memory') return this.prefs.get(key) as T | undefined;
    return this.attempt(
      async (db) => (await db.get('prefs', key))?.value as T | undefined,
      () => this.prefs.get(key) as T | undefined,
    );
  }

  async putPref<T>(key: string, value: T): Promise<void> {
    this.prefs.set(key, value);
    if (this.mode === 'memory') return;
    await this.attempt(
      async (db) => {
        await db.put('prefs', { key, value });
      },
      () => undefined,
    );
  }

  close(): void {
    this.closeConnection();
  }
}

/** A cache that keeps nothing at rest (`cacheOptions.enabled: false`). */
class VolatileCache implements PersistentCache {
  readonly mode: CacheMode = 'memory';
  readonly reason = 'the persistent cache is switched off (cacheOptions.enabled: false)';
  private readonly memory: MemoryStore;
  constructor(limits: CacheLimits) {
    this.memory = new MemoryStore(limits);
  }
  async get<T>(key: string) {
    return this.memory.get<T>(key);
  }
  async put<T>(key: string, value: T, storedAt: number) {
    this.memory.put(key, value, storedAt);
  }
  async delete(key: string) {
    this.memory.delete(key);
  }
  private readonly prefs = new Map<string, unknown>();
  async getPref<T>(key: string) {
    return this.prefs.get(key) as T | undefined;
  }
  async putPref<T>(key: string, value: T) {
    this.prefs.set(key, value);
  }
  close() {}
}

export function createPersistentCache(namespace: string, limits: CacheLimits, enabled: boolean): PersistentCache {
  return enabled ? new IdbCache(DB_PREFIX + namespace, limits) : new VolatileCache(limits);
}

/** Deletes every cxdesk database of this origin. Returns the names it deleted. */
export async function deleteAllDatabases(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  let names: string[] = [];
  try {
    names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(DB_PREFIX));
  } catch {
    return [];
  }
  await Promise.all(
    names.map((name) =>
      Promise.race([
        deleteDB(name).catch(() => undefined),
        new Promise((r) => setTimeout(r, 3000)),
      ]),
    ),
  );
  return names;
}
