/**
 * The resources elements show, as store targets: one cache key and one loader each. Keys start with
 * the adapter's `cacheKey` (the REST adapter's base URL; a unique id per memory adapter), so two
 * backends sharing a namespace never mix their records.
 */
import type { CustomerLookup, CxAdapter } from '../adapters/adapter.js';
import type { Customer } from '../model/types.js';
import { loadCustomer, lookupCustomer, type Loaded } from './boundary.js';
import type { CxStore } from './store.js';
import type { SwrTarget } from './swr-controller.js';

export function adapterKey(adapter: CxAdapter): string {
  const key = (adapter as { cacheKey?: unknown }).cacheKey;
  return typeof key === 'string' && key ? key : 'adapter';
}

export function customerTarget(store: CxStore, adapter: CxAdapter, customerId: string): SwrTarget<Customer> {
  return {
    store,
    key: `${adapterKey(adapter)}|customer|${customerId}`,
    load: (signal) => loadCustomer(adapter, customerId, signal),
  };
}

/** A lookup by contact point; the answer (a customer, or nobody) is cached like everything else. */
export function lookupTarget(store: CxStore, adapter: CxAdapter, query: CustomerLookup): SwrTarget<Customer | null> {
  const q = [`email=${query.email ?? ''}`, `phone=${query.phone ?? ''}`, `ref=${query.ref ?? ''}`].join('&');
  return {
    store,
    key: `${adapterKey(adapter)}|lookup|${q}`,
    load: async (signal): Promise<Loaded<Customer | null>> =>
      (await lookupCustomer(adapter, query, signal)) ?? { data: null, notices: [], invalid: [] },
  };
}
