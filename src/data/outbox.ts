/**
 * The feedback outbox: every decision an agent makes on a suggestion is written here first, then
 * delivered with the adapter's `sendActionFeedback` — in order, one sender across tabs, retried with
 * backoff while the backend or the network is down, surviving reloads (IndexedDB), and deleted the
 * moment the backend accepts it, so no decision is sent again after a success. The backend
 * de-duplicates on `decisionId` for the rare crash between its answer and our delete.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ActionFeedback, CxAdapter } from '../adapters/adapter.js';
import { randomId } from '../internal/id.js';
import { sendFeedback } from './boundary.js';
import { DB_PREFIX } from './cache/persistent-cache.js';
import { adapterKey } from './resources.js';
import { onBeforeClear } from './store.js';

export interface OutboxEntry {
  seq?: number;
  adapterKey: string;
  customerId: string;
  actionId: string;
  feedback: ActionFeedback;
}

interface OutboxDB extends DBSchema {
  entries: { key: number; value: OutboxEntry & { seq: number } };
  meta: { key: string; value: { key: string; owner: string; expires: number } };
}

/** Statuses the backend will never accept: the entry is dropped (with a warning) instead of blocking the queue. */
const REJECTED = new Set([400, 404, 410, 422]);
const LEASE_MS = 15_000;
const MAX_BACKOFF_MS = 60_000;
const tabId = randomId();

class Outbox {
  private db: Promise<IDBPDatabase<OutboxDB> | undefined> | undefined;
  private memory: Array<OutboxEntry & { seq: number }> = [];
  private memorySeq = 0;
  private readonly adapters = new Map<string, CxAdapter>();
  private draining: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private readonly lockName: string;

  constructor(private readonly name: string) {
    this.lockName = `${name}:sender`;
    if (typeof window !== 'undefined') window.addEventListener('online', () => void this.flush());
  }

  private open(): Promise<IDBPDatabase<OutboxDB> | undefined> {
    this.db ??= (async () => {
      try {
        if (typeof indexedDB === 'undefined') return undefined;
        return await openDB<OutboxDB>(this.name, 1, {
          upgrade(db) {
            db.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true });
            db.createObjectStore('meta', { keyPath: 'key' });
          },
          blocking: () => this.close(),
          terminated: () => {
            this.db = undefined;
          },
        });
      } catch (e) {
        console.warn('cxdesk: the feedback outbox works from memory for this page (decisions made offline are lost on reload):', e);
        return undefined;
      }
    })();
    return this.db;
  }

  close(): void {
    const db = this.db;
    this.db = undefined;
    void db?.then((d) => d?.close()).catch(() => undefined);
  }

  /** Lets entries for this adapter be sent (adapters cannot be stored, so each page registers its own). */
  register(adapter: CxAdapter): void {
    const key = adapterKey(adapter);
    if (this.adapters.get(key) === adapter) return;
    this.adapters.set(key, adapter);
    void this.flush();
  }

  async add(adapter: CxAdapter, customerId: string, actionId: string, feedback: ActionFeedback): Promise<void> {
    this.adapters.set(adapterKey(adapter), adapter);
    const entry: OutboxEntry = { adapterKey: adapterKey(adapter), customerId, actionId, feedback };
    const db = await this.open();
    let stored = false;
    if (db) {
      try {
        await db.add('entries', entry as OutboxEntry & { seq: number });
        stored = true;
      } catch (e) {
        console.warn('cxdesk: the feedback outbox could not store a decision; keeping it in memory:', e);
      }
    }
    if (!stored) this.memory.push({ ...entry, seq: ++this.memorySeq });
    await this.flush();
  }

  /** How many decisions wait to be delivered (in this namespace). */
  async pending(): Promise<number> {
    const db = await this.open();
    let n = this.memory.length;
    if (db) {
      try {
        n += await db.count('entries');
      } catch {
        /* counted what we could */
      }
    }
    return n;
  }

  /** Delivers what can be delivered now; resolves when this attempt is over. */
  flush(): Promise<void> {
    if (this.draining) return this.draining;
    clearTimeout(this.retryTimer);
    this.draining = this.withSenderLock(() => this.drain()).finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** One sender across tabs: Web Locks where the page is a secure context, else a lease in IndexedDB. */
  private async withSenderLock(work: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
    if (locks?.request) {
      await locks.request(this.lockName, { ifAvailable: true }, async (lock) => {
        if (lock) await work(); // else another tab is sending: it takes ours too
      });
      return;
    }
    const db = await this.open();
    if (!db) return work();
    const acquired = await this.lease(db, true);
    if (!acquired) return;
    try {
      await work();
    } finally {
      await this.lease(db, false);
    }
  }

  private async lease(db: IDBPDatabase<OutboxDB>, take: boolean): Promise<boolean> {
    try {
      const tx = db.transaction('meta', 'readwrite');
      const current = await tx.store.get('lease');
      const now = Date.now();
      if (take) {
        if (current && current.owner !== tabId && current.expires > now) {
          await tx.done;
          return false;
        }
        await tx.store.put({ key: 'lease', owner: tabId, expires: now + LEASE_MS });
      } else if (current?.owner === tabId) await tx.store.delete('lease');
      await tx.done;
      return true;
    } catch {
      return take; // no lease store: carry on alone
    }
  }

  private async oldest(db: IDBPDatabase<OutboxDB> | undefined): Promise<(OutboxEntry & { seq: number; inMemory?: boolean }) | undefined> {
    if (this.memory.length) return { ...this.memory[0]!, inMemory: true };
    if (!db) return undefined;
    try {
      const cursor = await db.transaction('entries').store.openCursor();
      return cursor?.value;
    } catch {
      return undefined;
    }
  }

  private async remove(db: IDBPDatabase<OutboxDB> | undefined, entry: OutboxEntry & { seq: number; inMemory?: boolean }): Promise<void> {
    if (entry.inMemory) this.memory = this.memory.filter((e) => e.seq !== entry.seq);
    else await db?.delete('entries', entry.seq);
  }

  private async drain(): Promise<void> {
    const db = await this.open();
    for (;;) {
      const entry = await this.oldest(db);
      if (!entry) {
        this.failures = 0;
        return;
      }
      const adapter = this.adapters.get(entry.adapterKey);
      if (!adapter) return; // this page cannot send it; a page with that adapter will
      try {
        const sent = await sendFeedback(adapter, entry.customerId, entry.actionId, entry.feedback);
        if (!sent) console.info('cxdesk: the adapter has no sendActionFeedback; the decision is kept only in this browser.');
        await this.remove(db, entry);
        this.failures = 0;
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (status !== undefined && REJECTED.has(status)) {
          console.warn(`cxdesk: the backend refused feedback for ${entry.actionId} (${status}); it was dropped:`, e);
          await this.remove(db, entry);
          continue;
        }
        // the backend or the network is down: keep it, in order, and try again later
        this.failures++;
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures - 1, 6));
        this.retryTimer = setTimeout(() => void this.flush(), delay / 2 + Math.random() * (delay / 2));
        return;
      }
    }
  }
}

const outboxes = new Map<string, Outbox>();

/** The outbox of a cache namespace. */
export function outboxFor(namespace: string): Outbox {
  let o = outboxes.get(namespace);
  if (!o) {
    o = new Outbox(`${DB_PREFIX}${namespace}:outbox`);
    outboxes.set(namespace, o);
  }
  return o;
}

export type { Outbox };

// clearCache(): try to deliver what is queued first, within the time it allows
onBeforeClear(async (deadline) => {
  let left = 0;
  for (const o of outboxes.values()) {
    const remaining = deadline - Date.now();
    if (remaining > 0) await Promise.race([o.flush(), new Promise((r) => setTimeout(r, remaining))]);
    left += await o.pending();
    o.close();
  }
  return left;
});
