/**
 * The resources elements show, as store targets: one cache key and one loader each. Keys start with
 * the adapter's `cacheKey` (the REST adapter's base URL; a unique id per memory adapter), so two
 * backends sharing a namespace never mix their records.
 */
import type { CustomerLookup, CxAdapter } from '../adapters/adapter.js';
import type { Channel, Customer, InteractionPage, NextAction } from '../model/types.js';
import { loadCustomer, loadInteractions, loadNextActions, lookupCustomer, type Loaded } from './boundary.js';
import type { CxStore } from './store.js';
import type { SwrTarget } from './swr-controller.js';

export function adapterKey(adapter: CxAdapter): string {
  const key = (adapter as { cacheKey?: unknown }).cacheKey;
  return typeof key === 'string' && key ? key : 'adapter';
}

export const customerKey = (adapter: CxAdapter, customerId: string) => `${adapterKey(adapter)}|customer|${customerId}`;
export const nextActionsKey = (adapter: CxAdapter, customerId: string) => `${adapterKey(adapter)}|next-actions|${customerId}`;

export function customerTarget(store: CxStore, adapter: CxAdapter, customerId: string): SwrTarget<Customer> {
  return {
    store,
    key: customerKey(adapter, customerId),
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

export function nextActionsTarget(store: CxStore, adapter: CxAdapter, customerId: string): SwrTarget<NextAction[]> {
  return {
    store,
    key: nextActionsKey(adapter, customerId),
    load: (signal) => loadNextActions(adapter, customerId, signal),
  };
}

export interface InteractionsQuery {
  channels: Channel[];
  search: string;
  before: string | undefined;
  pageSize: number;
}

/** The default first page of the history, which the rules read too (so it is fetched once). */
export const DEFAULT_HISTORY_QUERY: InteractionsQuery = { channels: [], search: '', before: undefined, pageSize: 50 };

/** The first page of a history query. */
export function interactionsTarget(store: CxStore, adapter: CxAdapter, customerId: string, q: InteractionsQuery): SwrTarget<InteractionPage> {
  return {
    store,
    key: [adapterKey(adapter), 'interactions', customerId, q.channels.join(','), q.search, q.before ?? '', q.pageSize].join('|'),
    load: (signal) =>
      loadInteractions(adapter, customerId, {
        limit: q.pageSize,
        channels: q.channels,
        ...(q.search ? { search: q.search } : {}),
        ...(q.before ? { before: q.before } : {}),
        signal,
      }),
  };
}
