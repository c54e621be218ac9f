import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import { loadCustomer, loadInteractions, loadNextActions, lookupCustomer } from '../../src/data/boundary.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxAdapter } from '../../src/adapters/adapter.js';
import { isAdapterError, isAuthError, isInvalidDataError, type InvalidDataError } from '../../src/model/errors.js';
import { formatIssue } from '../../src/model/schema.js';
import { ada, adaInteractions, data } from '../data.js';

const signal = () => new AbortController().signal;

describe('data boundary', () => {
  it('keeps the valid interactions of a page and reports the invalid one by its path', async () => {
    const items = adaInteractions.slice(0, 5).map((i, n) => (n === 3 ? { ...i, occurredAt: 'last Tuesday' } : i));
    const adapter: CxAdapter = {
      ...createMemoryAdapter(data),
      listInteractions: async () => ({ items, nextCursor: null }),
    };
    const r = await loadInteractions(adapter, ada.id, { limit: 5, signal: signal() });
    expect(r.data.items.map((i) => i.id)).to.deep.equal([0, 1, 2, 4].map((n) => items[n]!.id));
    expect(r.invalid.map(formatIssue)).to.deep.equal(['interactions[3].occurredAt: expected an ISO date-time']);
  });

  it('throws InvalidDataError naming the field when a customer is invalid', async () => {
    const adapter: CxAdapter = { ...createMemoryAdapter(data), getCustomer: async () => ({ id: 'c', name: '' }) };
    const e = (await loadCustomer(adapter, 'c', signal()).catch((x: unknown) => x)) as InvalidDataError;
    expect(isInvalidDataError(e)).to.equal(true);
    expect(e.source).to.equal('customer');
    expect(e.issues.map(formatIssue)).to.deep.equal(['customer.name: expected non-empty text']);
    expect(e.message).to.contain('customer.name: expected non-empty text');
  });

  it('classifies what a custom adapter throws, including synchronous throws', async () => {
    const adapter: CxAdapter = {
      ...createMemoryAdapter(data),
      getNextActions: () => {
        throw Object.assign(new Error('Forbidden'), { status: 403 });
      },
    };
    const e = await loadNextActions(adapter, ada.id, signal()).catch((x: unknown) => x);
    expect(isAuthError(e)).to.equal(true);
    expect((e as { status?: number }).status).to.equal(403);
  });

  it('says which method an adapter lacks', async () => {
    const e = await loadCustomer({ getCustomer: async () => ({}) } as unknown as CxAdapter, 'c', signal()).catch((x: unknown) => x);
    expect(isAdapterError(e)).to.equal(true);
    expect((e as Error).message).to.contain('listInteractions');
  });

  it('passes an abort through as an abort, not as a failure', async () => {
    const c = new AbortController();
    const p = loadCustomer(createMemoryAdapter({ ...data, latencyMs: 100 }), ada.id, c.signal);
    c.abort();
    const e = await p.catch((x: unknown) => x);
    expect((e as Error).name).to.equal('AbortError');
  });

  it('takes the single match of a lookup answered with a list, and refuses an ambiguous one', async () => {
    const one: CxAdapter = { ...createMemoryAdapter(data), findCustomer: async () => [ada] as never };
    expect((await lookupCustomer(one, { email: 'ada@example.com' }, signal()))?.data.id).to.equal(ada.id);
    const two: CxAdapter = { ...createMemoryAdapter(data), findCustomer: async () => [ada, ada] as never };
    const e = await lookupCustomer(two, { email: 'x' }, signal()).catch((x: unknown) => x);
    expect((e as Error).message).to.contain('matched 2 customers');
  });
});
