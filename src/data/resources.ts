/**
 * The resources elements show, as store targets: one cache key and one loader each. Keys start with
 * the adapter's `cacheKey` (the REST adapter's base URL; a unique id per memory adapter), so two
 * backends sharing a namespace never mix their records.
 */
import type { CustomerLookup, CxAdapter } from '../adapters/adapter.js';
import type { Channel, Customer, InteractionPage, NextAction } from '../model/types.js';
import { loadCustomer, loadInteractions, loadNextActions, lookupCustomer, type Loaded } from './boundary.js';
import type { CxStore } from './store.js';
import { redactCustomer, redactInteraction, redactKey, redactNextAction, type CxRedactOptions } from '../model/redact.js';
import type { SwrTarget } from './swr-controller.js';

export function adapterKey(adapter: CxAdapter): string {
  const key = (adapter as { cacheKey?: unknown }).cacheKey;
  return typeof key === 'string' && key ? key : 'adapter';
}

/** Records masked differently never share a cache entry. */
function masked(options: CxRedactOptions | undefined): string {
  const key = redactKey(options);
  if (!key) return '';
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
  return `|r${(h >>> 0).toString(36)}`;
}

export const customerKey = (adapter: CxAdapter, customerId: string, redact?: CxRedactOptions) =>
  `${adapterKey(adapter)}|customer|${customerId}${masked(redact)}`;
export const nextActionsKey = (adapter: CxAdapter, customerId: string, redact?: CxRedactOptions) =>
  `${adapterKey(adapter)}|next-actions|${customerId}${masked(redact)}`;

/** Applies the redaction to what a loader returned: before it is shown, before it is cached. */
function redacted<T>(p: Promise<Loaded<T>>, mask: (data: T) => T): Promise<Loaded<T>> {
  return p.then((r) => ({ ...r, data: mask(r.data) }));
}

export function customerTarget(store: CxStore, adapter: CxAdapter, customerId: string, redact?: CxRedactOptions): SwrTarget<Customer> {
  return {
    store,
    key: customerKey(adapter, customerId, redact),
    load: (signal) => redacted(loadCustomer(adapter, customerId, signal), (c) => redactCustomer(c, redact)),
  };
}

/** A lookup by contact point; the answer (a customer, or nobody) is cached like everything else. */
export function lookupTarget(store: CxStore, adapter: CxAdapter, query: CustomerLookup, redact?: CxRedactOptions): SwrTarget<Customer | null> {
  const q = [`email=${query.email ?? ''}`, `phone=${query.phone ?? ''}`, `ref=${query.ref ?? ''}`].join('&');
  return {
    store,
    key: `${adapterKey(adapter)}|lookup|${q}${masked(redact)}`,
    load: async (signal): Promise<Loaded<Customer | null>> => {
      const found = await lookupCustomer(adapter, query, signal);
      return found ? { ...found, data: redactCustomer(found.data, redact) } : { data: null, notices: [], invalid: [] };
    },
  };
}

export function nextActionsTarget(store: CxStore, adapter: CxAdapter, customerId: string, redact?: CxRedactOptions): SwrTarget<NextAction[]> {
  return {
    store,
    key: nextActionsKey(adapter, customerId, redact),
    load: (signal) => redacted(loadNextActions(adapter, customerId, signal), (list) => list.map((a) => redactNextAction(a, redact))),
  };
}

export interface InteractionsQuery {
  channels: Channel[];
  search: string;
  before: string | undefined;
  pageSize: number;
  redact?: CxRedactOptions | undefined;
}

/** The default first page of the history, which the rules read too (so it is fetched once). */
export const DEFAULT_HISTORY_QUERY: InteractionsQuery = { channels: [], search: '', before: undefined, pageSize: 50 };

/** The first page of a history query. */
export function interactionsTarget(store: CxStore, adapter: CxAdapter, customerId: string, q: InteractionsQuery): SwrTarget<InteractionPage> {
  return {
    store,
    key: [adapterKey(adapter), 'interactions', customerId, q.channels.join(','), q.search, q.before ?? '', q.pageSize].join('|') + masked(q.redact),
    load: (signal) =>
      redacted(
        loadInteractions(adapter, customerId, {
          limit: q.pageSize,
          channels: q.channels,
          ...(q.search ? { search: q.search } : {}),
          ...(q.before ? { before: q.before } : {}),
          signal,
        }),
        (page) => ({ ...page, items: page.items.map((i) => redactInteraction(i, q.redact)) }),
      ),
  };
}
