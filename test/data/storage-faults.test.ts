/**
 * The storage fault matrix rows not covered in store.test.ts: IndexedDB missing altogether, an
 * old-schema record, tenant isolation between namespaces, decisions kept when storage fails, and an
 * event stream cut in the middle of an event.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { storeFor } from '../../src/data/store.js';
import { customerTarget } from '../../src/data/resources.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { readEventStream } from '../../src/adapters/rest/event-stream.js';
import type { CxAdapter } from '../../src/adapters/adapter.js';
import type { CxNextActionsElement } from '../../src/elements/next-actions/next-actions.js';
import { deepText, isolatedCacheOptions, sleep } from '../helpers.js';

function counting(name = 'Stored') {
  const calls: string[] = [];
  const adapter: CxAdapter & { calls: string[] } = {
    calls,
    cacheKey: 'shared-backend',
    async getCustomer(id) {
      calls.push(id);
      return { id, name };
    },
    listInteractions: async () => ({ items: [] }),
    getNextActions: async () => [],
  };
  return adapter;
}

describe('storage faults', () => {
  afterEach(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('works from memory when the browser has no IndexedDB at all', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB') ?? Object.getOwnPropertyDescriptor(Window.prototype, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const options = isolatedCacheOptions();
      const store = storeFor(options);
      const adapter = counting();
      const t = customerTarget(store, adapter, 'c-1');
      const stop = store.watch(t.key, t.load, () => undefined);
      await waitUntil(() => store.view(t.key).status === 'ready');
      expect(store.cacheMode).to.equal('memory');
      expect(store.view(t.key).cacheReason).to.contain('not available');
      stop();
    } finally {
      delete (window as unknown as Record<string, unknown>)['indexedDB'];
      if (descriptor && !('indexedDB' in window)) Object.defineProperty(window, 'indexedDB', descriptor);
    }
  });

  it('reads a record of an older schema as a miss', async () => {
    const options = isolatedCacheOptions();
    const store = storeFor(options);
    const adapter = counting('Fresh from the backend');
    const key = customerTarget(store, adapter, 'old').key;
    const db = await openDB(`cxdesk:${options.namespace}`, 1, {
      upgrade(d) {
        d.createObjectStore('records', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
        d.createObjectStore('prefs', { keyPath: 'key' });
      },
    });
    await db.put('records', { key, value: { data: { id: 'old', name: 'Old Shape' } }, storedAt: Date.now(), accessedAt: Date.now(), v: 0 });
    db.close();
    const t = customerTarget(store, adapter, 'old');
    const stop = store.watch(t.key, t.load, () => undefined);
    await waitUntil(() => store.view<{ name: string }>(t.key).data?.data.name === 'Fresh from the backend');
    expect(adapter.calls).to.deep.equal(['old']);
    stop();
  });

  it('carries on in memory when an old tab blocks the database upgrade', async function () {
    this.timeout(10_000);
    const options = isolatedCacheOptions();
    // an "old tab": the previous schema, open, and never letting go
    const old = await openDB(`cxdesk:${options.namespace}`, 1, {
      upgrade(d) {
        d.createObjectStore('records', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
        d.createObjectStore('prefs', { keyPath: 'key' });
      },
    });
    try {
      const store = storeFor(options);
      const adapter = counting('Shown anyway');
      const t = customerTarget(store, adapter, 'c-1');
      const stop = store.watch(t.key, t.load, () => undefined);
      await waitUntil(() => store.view<{ name: string }>(t.key).data?.data.name === 'Shown anyway', 'nothing shown', { timeout: 5000 });
      await waitUntil(() => store.cacheMode === 'memory', 'the blocked upgrade was not noticed', { timeout: 5000 });
      expect(store.view(t.key).cacheReason).to.contain('blocked');
      stop();
    } finally {
      old.close();
    }
  });

  it('keeps tenants apart: one namespace never reads another’s records', async () => {
    const adapter = counting();
    const a = storeFor(isolatedCacheOptions());
    const b = storeFor(isolatedCacheOptions());
    const ta = customerTarget(a, adapter, 'c-1');
    const stopA = a.watch(ta.key, ta.load, () => undefined);
    await waitUntil(() => a.view(ta.key).status === 'ready');
    stopA();
    await sleep(50);
    const tb = customerTarget(b, adapter, 'c-1');
    expect(tb.key).to.equal(ta.key); // the same record, asked in another namespace
    const stopB = b.watch(tb.key, tb.load, () => undefined);
    await waitUntil(() => b.view(tb.key).status === 'ready');
    expect(adapter.calls).to.deep.equal(['c-1', 'c-1']);
    stopB();
  });

  it('loses no decision when IndexedDB cannot be opened', async () => {
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    try {
      const adapter = createMemoryAdapter({ customers: [{ id: 'c-1', name: 'Ada' }], nextActions: { 'c-1': [{ id: 'a-1', title: 'Call back' }] } });
      configure({ adapter, cacheOptions: isolatedCacheOptions() });
      const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
      await waitUntil(() => deepText(el).includes('Call back'));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=accept]')!.click();
      await waitUntil(() => adapter.feedback.length === 1, 'the decision was lost');
      expect(adapter.feedback[0]!.feedback.outcome).to.equal('accepted');
    } finally {
      indexedDB.open = original;
    }
  });

  it('drops an event cut in the middle, and delivers the whole ones', async () => {
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('id: 1\ndata: {"type":"interaction"}\n\n: ping\n\nid: 2\nda'));
        c.enqueue(enc.encode('ta: {"type":"cust'));
        c.close(); // the connection drops mid-event
      },
    });
    const got: Array<{ id: string | undefined; data: string }> = [];
    await readEventStream(body, (e) => got.push({ id: e.id, data: e.data }), new AbortController().signal);
    expect(got).to.deep.equal([{ id: '1', data: '{"type":"interaction"}' }]);
  });
});
