import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { storeFor, invalidate, type CxStore } from '../../src/data/store.js';
import { customerTarget } from '../../src/data/resources.js';
import type { CxAdapter } from '../../src/adapters/adapter.js';
import type { Customer } from '../../src/model/types.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import { deepText, isolatedCacheOptions, sleep } from '../helpers.js';

/** An adapter that counts getCustomer calls and answers what the test says. */
function countingAdapter(answer: (id: string) => Customer | Error = (id) => ({ id, name: `Customer ${id}` }), delayMs = 0) {
  const calls: string[] = [];
  const adapter: CxAdapter & { calls: string[] } = {
    calls,
    cacheKey: `counting-${Math.random()}`,
    async getCustomer(id, { signal }) {
      calls.push(id);
      await sleep(delayMs);
      signal.throwIfAborted();
      const a = answer(id);
      if (a instanceof Error) throw a;
      return a;
    },
    listInteractions: async () => ({ items: [] }),
    getNextActions: async () => [],
  };
  return adapter;
}

function watchOnce(store: CxStore, adapter: CxAdapter, id: string) {
  const target = customerTarget(store, adapter, id);
  let changes = 0;
  const stop = store.watch(target.key, target.load, () => changes++);
  return { key: target.key, stop, changes: () => changes };
}

async function records(namespace: string): Promise<Array<{ key: string; storedAt: number }>> {
  type Row = { key: string; storedAt: number };
  const db = await openDB(`cxdesk:${namespace}`);
  try {
    return db.objectStoreNames.contains('records') ? ((await db.getAll('records')) as Row[]) : [];
  } finally {
    db.close();
  }
}

describe('store', () => {
  afterEach(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('keeps only the most recent records nothing shows in memory, and reads the others back from IndexedDB', async () => {
    const options = isolatedCacheOptions();
    const store = storeFor(options);
    const adapter = countingAdapter();
    const inMemory = (key: string) => store.view(key).status === 'ready';
    const keys: string[] = [];
    for (let i = 0; i < 100; i++) {
      const w = watchOnce(store, adapter, `c-${i}`);
      keys.push(w.key);
      await waitUntil(() => inMemory(w.key), `c-${i} did not load`);
      w.stop();
    }
    expect(adapter.calls.length).to.equal(100);
    const kept = keys.filter(inMemory);
    expect(kept.length, 'records held in memory').to.be.within(1, 30);
    expect(kept).to.deep.equal(keys.slice(-kept.length), 'the most recent ones are kept');
    expect(inMemory(keys[0]!)).to.equal(false);
    // the first customer again: from IndexedDB, within staleTime, so nothing is fetched
    await waitUntil(async () => (await records(options.namespace)).length === 100, 'not every record reached IndexedDB');
    const again = watchOnce(store, adapter, 'c-0');
    await waitUntil(() => inMemory(again.key), 'c-0 did not come back from IndexedDB');
    expect(adapter.calls.length).to.equal(100);
    again.stop();
  });

  it('invalidate() reaches records no longer in memory, and keeps the time the data is from', async () => {
    const options = isolatedCacheOptions({ staleTime: 60_000 });
    const store = storeFor(options);
    const adapter = countingAdapter();
    const keys: string[] = [];
    for (let i = 0; i < 40; i++) {
      const w = watchOnce(store, adapter, `c-${i}`);
      keys.push(w.key);
      await waitUntil(() => store.view(w.key).status === 'ready');
      w.stop();
    }
    await waitUntil(async () => (await records(options.namespace)).length === 40, 'not every record reached IndexedDB');
    expect(store.view(keys[0]!).status, 'c-0 is no longer in memory').to.equal('loading');
    const shownAt = store.view(keys[39]!).storedAt;
    invalidate('c-0');
    invalidate('c-39');
    expect(store.view(keys[39]!).stale).to.equal(true);
    expect(store.view(keys[39]!).storedAt, 'the data is still from when it was fetched').to.equal(shownAt);
    // c-0 comes back from IndexedDB stale, and is fetched again although younger than staleTime
    const again = watchOnce(store, adapter, 'c-0');
    await waitUntil(() => adapter.calls.filter((c) => c === 'c-0').length === 2, 'the invalidated record was not fetched again');
    await waitUntil(() => !store.view(again.key).stale, 'c-0 stayed stale');
    again.stop();
    // a customer not invalidated comes back fresh, without a request
    const other = watchOnce(store, adapter, 'c-1');
    await waitUntil(() => store.view(other.key).status === 'ready');
    await sleep(100);
    expect(adapter.calls.filter((c) => c === 'c-1').length).to.equal(1);
    other.stop();
  });

  it('makes one request however many consumers watch the same resource', async () => {
    const store = storeFor(isolatedCacheOptions());
    const adapter = countingAdapter(undefined, 50);
    const watchers = [1, 2, 3].map(() => watchOnce(store, adapter, 'c-1'));
    await waitUntil(() => store.view(watchers[0]!.key).status === 'ready');
    expect(adapter.calls).to.deep.equal(['c-1']);
    watchers.forEach((w) => w.stop());
  });

  it('serves a second watcher within staleTime from cache, without a request', async () => {
    const store = storeFor(isolatedCacheOptions());
    const adapter = countingAdapter();
    const a = watchOnce(store, adapter, 'c-1');
    await waitUntil(() => store.view(a.key).status === 'ready');
    a.stop();
    const b = watchOnce(store, adapter, 'c-1');
    await sleep(30);
    expect(store.view<Customer>(b.key).data?.data.name).to.equal('Customer c-1');
    expect(adapter.calls.length).to.equal(1);
    b.stop();
  });

  it('keeps records in IndexedDB, and a new page shows them at once while revalidating', async () => {
    const options = isolatedCacheOptions({ staleTime: 0 });
    const first = storeFor(options);
    const adapter = countingAdapter((id) => ({ id, name: 'Stored Name' }));
    const a = watchOnce(first, adapter, 'c-9');
    await waitUntil(() => first.view(a.key).status === 'ready');
    a.stop();
    await waitUntil(async () => (await records(options.namespace)).length === 1);
    const [record] = await records(options.namespace);
    expect(record!.key).to.equal(a.key);
  });

  it('revalidates stale records in the background and shows the cached one meanwhile', async () => {
    const store = storeFor(isolatedCacheOptions({ staleTime: 300 }));
    let name = 'Old Name';
    const adapter = countingAdapter((id) => ({ id, name }), 60);
    const a = watchOnce(store, adapter, 'c-1');
    await waitUntil(() => store.view(a.key).status === 'ready');
    a.stop();
    await sleep(350);
    name = 'New Name';
    const b = watchOnce(store, adapter, 'c-1');
    await waitUntil(() => store.view(b.key).refreshing);
    const during = store.view<Customer>(b.key);
    expect(during.data?.data.name).to.equal('Old Name');
    expect(during.stale).to.equal(true);
    await waitUntil(() => store.view<Customer>(b.key).data?.data.name === 'New Name');
    expect(store.view(b.key).stale).to.equal(false);
    b.stop();
  });

  for (const status of [401, 403, 404]) {
    it(`removes a record from cache and screen when a refresh answers ${status}`, async () => {
      const options = isolatedCacheOptions();
      configure({ cacheOptions: options });
      let fail = false;
      const adapter = countingAdapter((id) => (fail ? Object.assign(new Error('no'), { status }) : { id, name: 'Visible Customer' }));
      configure({ adapter });
      const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="c-1"></cx-customer-panel>`);
      await waitUntil(() => deepText(el).includes('Visible Customer'));
      await waitUntil(async () => (await records(options.namespace)).length === 1);
      fail = true;
      el.refresh();
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
      expect(deepText(el)).not.to.contain('Visible Customer');
      await waitUntil(async () => (await records(options.namespace)).length === 0, 'the record stayed in IndexedDB');
    });
  }

  it('keeps showing data, marked, when a refresh fails for other reasons', async () => {
    configure({ cacheOptions: isolatedCacheOptions() });
    let fail = false;
    const adapter = countingAdapter((id) => (fail ? Object.assign(new Error('boom'), { status: 500 }) : { id, name: 'Kept Customer' }));
    configure({ adapter });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="c-1"></cx-customer-panel>`);
    await waitUntil(() => deepText(el).includes('Kept Customer'));
    fail = true;
    el.refresh();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=freshness][data-kind=failed]'), 'no failed-refresh notice');
    expect(deepText(el)).to.contain('Kept Customer');
    expect(deepText(el)).to.contain('Could not refresh');
    await expect(el).to.be.accessible();
  });

  it('evicts the least recently used records beyond maxEntries', async () => {
    const options = isolatedCacheOptions({ maxEntries: 3 });
    const store = storeFor(options);
    const adapter = countingAdapter();
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      const w = watchOnce(store, adapter, id);
      await waitUntil(() => store.view(w.key).status === 'ready');
      w.stop();
      await sleep(5);
    }
    await waitUntil(async () => (await records(options.namespace)).length === 3);
    const keys = (await records(options.namespace)).map((r) => r.key.split('|').pop()).sort();
    expect(keys).to.deep.equal(['c', 'd', 'e']);
  });

  it('never shows a record older than maxAge, and reads a corrupt record as a miss', async () => {
    const options = isolatedCacheOptions({ maxAge: 60_000 });
    const store = storeFor(options);
    const adapter = countingAdapter();
    const key = customerTarget(store, adapter, 'old').key;
    const corruptKey = customerTarget(store, adapter, 'corrupt').key;
    const db = await openDB(`cxdesk:${options.namespace}`, 1, {
      upgrade(d) {
        d.createObjectStore('records', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
        d.createObjectStore('prefs', { keyPath: 'key' });
      },
    });
    await db.put('records', { key, value: { data: { id: 'old', name: 'Too Old' }, notices: [], invalid: [] }, storedAt: Date.now() - 120_000, accessedAt: 0, v: 1 });
    await db.put('records', { key: corruptKey, value: 'garbage', storedAt: 'yesterday' });
    db.close();
    for (const id of ['old', 'corrupt']) {
      const w = watchOnce(store, adapter, id);
      await waitUntil(() => store.view(w.key).status === 'ready');
      expect(store.view<Customer>(w.key).data?.data.name).to.equal(`Customer ${id}`);
      w.stop();
    }
    expect(adapter.calls).to.deep.equal(['old', 'corrupt']);
  });

  it('carries on in memory when IndexedDB cannot be opened', async () => {
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('The user denied storage', 'SecurityError');
    };
    try {
      const options = isolatedCacheOptions();
      configure({ cacheOptions: options });
      configure({ adapter: countingAdapter((id) => ({ id, name: 'From Memory' })) });
      const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="c-1"></cx-customer-panel>`);
      await waitUntil(() => deepText(el).includes('From Memory'));
      expect(storeFor(options).cacheMode).to.equal('memory');
    } finally {
      indexedDB.open = original;
    }
  });

  it('carries on in memory when a write fails with QuotaExceededError', async () => {
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      const options = isolatedCacheOptions();
      const store = storeFor(options);
      const adapter = countingAdapter();
      const w = watchOnce(store, adapter, 'q');
      await waitUntil(() => store.view(w.key).status === 'ready');
      await waitUntil(() => store.cacheMode === 'memory', 'the store did not switch to memory');
      expect(store.view(w.key).cacheReason).to.contain('refused to store more');
      w.stop();
      // still served (from memory) to the next watcher, without a request
      const again = watchOnce(store, adapter, 'q');
      await sleep(20);
      expect(store.view(again.key).status).to.equal('ready');
      expect(adapter.calls.length).to.equal(1);
      again.stop();
    } finally {
      IDBObjectStore.prototype.put = original;
    }
  });

  it('revalidates stale data on window focus and on reconnect, not more than once per few seconds', async () => {
    const store = storeFor(isolatedCacheOptions({ staleTime: 50 }));
    const adapter = countingAdapter();
    const w = watchOnce(store, adapter, 'f');
    await waitUntil(() => store.view(w.key).status === 'ready');
    await sleep(5100); // past the focus throttle
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => adapter.calls.length === 2, 'focus did not revalidate');
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    await sleep(50);
    expect(adapter.calls.length, 'throttled').to.equal(2);
    w.stop();
  });

  it('carries on in memory when a newer version of the database exists', async () => {
    const options = isolatedCacheOptions();
    const newer = await openDB(`cxdesk:${options.namespace}`, 99, { upgrade: (db) => db.createObjectStore('future') });
    newer.close();
    const store = storeFor(options);
    const adapter = countingAdapter();
    const w = watchOnce(store, adapter, 'v');
    await waitUntil(() => store.view(w.key).status === 'ready');
    await waitUntil(() => store.cacheMode === 'memory');
    expect(store.view(w.key).cacheReason).to.contain('could not be opened');
    w.stop();
  });

  it('reopens the database once when its connection is closed under it', async () => {
    const options = isolatedCacheOptions();
    const store = storeFor(options);
    const adapter = countingAdapter();
    const a = watchOnce(store, adapter, 'one');
    await waitUntil(async () => (await records(options.namespace)).length === 1);
    a.stop();
    // another tab deletes the database: our connection is asked to close and lets go
    await new Promise((resolve, reject) => {
      const r = indexedDB.deleteDatabase(`cxdesk:${options.namespace}`);
      r.onsuccess = resolve;
      r.onerror = reject;
    });
    const b = watchOnce(store, adapter, 'two');
    await waitUntil(async () => (await records(options.namespace)).length === 1, 'the record was not stored after reopening');
    expect(store.cacheMode).to.equal('indexeddb');
    b.stop();
  });

  it('invalidate(customerId) refetches what is on screen for that customer only', async () => {
    const store = storeFor(isolatedCacheOptions());
    const adapter = countingAdapter();
    const a = watchOnce(store, adapter, 'a');
    const b = watchOnce(store, adapter, 'b');
    await waitUntil(() => store.view(a.key).status === 'ready' && store.view(b.key).status === 'ready');
    invalidate('a');
    await waitUntil(() => adapter.calls.length === 3);
    expect(adapter.calls.sort()).to.deep.equal(['a', 'a', 'b']);
    a.stop();
    b.stop();
  });
});

