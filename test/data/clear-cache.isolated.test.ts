/**
 * clearCache() deletes every cxdesk database of the origin and resets the stores of every tab, so it
 * runs on its own, after the other test files (see test/run.mjs).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { storeFor, clearCache } from '../../src/data/store.js';
import { customerTarget } from '../../src/data/resources.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import { deepText, isolatedCacheOptions } from '../helpers.js';

async function recordCount(name: string): Promise<number> {
  const db = await openDB(name);
  try {
    return db.objectStoreNames.contains('records') ? await db.count('records') : 0;
  } finally {
    db.close();
  }
}

const cxDatabases = async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('cxdesk:'));

describe('clearCache()', () => {
  afterEach(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('deletes every cxdesk database, in this tab and in another realm', async () => {
    const adapter = createMemoryAdapter({ customers: [{ id: 'c-1', name: 'Cached Customer' }] });
    const options = isolatedCacheOptions();
    configure({ adapter, cacheOptions: options });
    const store = storeFor(options);
    const target = customerTarget(store, adapter, 'c-1');
    const stop = store.watch(target.key, target.load, () => undefined);
    await waitUntil(() => store.view(target.key).status === 'ready');
    stop();
    // a second namespace, as another agent or tenant would have
    const other = storeFor(isolatedCacheOptions());
    const t2 = customerTarget(other, adapter, 'c-1');
    const stop2 = other.watch(t2.key, t2.load, () => undefined);
    await waitUntil(() => other.view(t2.key).status === 'ready');
    stop2();
    await waitUntil(async () => (await cxDatabases()).length >= 2);
    const withRecords = async () => {
      let n = 0;
      for (const name of await cxDatabases()) if ((await recordCount(name)) > 0) n++;
      return n;
    };
    await waitUntil(async () => (await withRecords()) >= 2, 'both namespaces should hold a record before clearing');

    expect(await clearCache()).to.deep.equal({ undelivered: 0 });

    for (const name of await cxDatabases()) expect(await recordCount(name), name).to.equal(0);
    expect(store.view(target.key).data).to.equal(undefined);
    expect(other.view(t2.key).data).to.equal(undefined);
  });

  it('empties what elements on screen show from memory, and they load again', async () => {
    const adapter = createMemoryAdapter({ customers: [{ id: 'c-1', name: 'Shown Customer' }] });
    configure({ adapter, cacheOptions: isolatedCacheOptions() });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="c-1"></cx-customer-panel>`);
    await waitUntil(() => deepText(el).includes('Shown Customer'));
    await clearCache();
    await waitUntil(() => deepText(el).includes('Shown Customer'), 'the element did not load again');
  });
});
