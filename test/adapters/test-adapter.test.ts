import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import { testAdapter } from '../../src/testing.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createRestAdapter } from '../../src/adapters/rest/rest-adapter.js';
import type { CxAdapter } from '../../src/adapters/adapter.js';
import { ada, data } from '../data.js';
import { Scope } from '../rest/backend.js';

const problemsOf = async (adapter: CxAdapter) => (await testAdapter(adapter, { customerId: ada.id, pageSize: 20 })).problems;

describe('testAdapter (cxdesk/testing)', () => {
  it('passes the memory adapter', async () => {
    expect(await testAdapter(createMemoryAdapter(data), { customerId: ada.id })).to.deep.equal({ ok: true, problems: [] });
  });

  it('passes the REST adapter against the demo backend', async () => {
    const result = await testAdapter(createRestAdapter({ baseUrl: new Scope().baseUrl }), { customerId: 'c-1001' });
    expect(result).to.deep.equal({ ok: true, problems: [] });
  });

  it('reports a cursor that never ends', async () => {
    const memory = createMemoryAdapter(data);
    let n = 0;
    const endless: CxAdapter = { ...memory, listInteractions: async (id, q) => ({ ...(await memory.listInteractions(id, { ...q, cursor: undefined })), nextCursor: `c${++n}` }) };
    const problems = await testAdapter(endless, { customerId: ada.id, pageSize: 20, maxPages: 30 });
    expect(problems.problems.join('\n')).to.contain('did not finish within 30 pages');
  });

  it('reports a repeated cursor', async () => {
    const memory = createMemoryAdapter(data);
    const stuck: CxAdapter = { ...memory, listInteractions: async (id, q) => ({ ...(await memory.listInteractions(id, { ...q, cursor: undefined })), nextCursor: 'same' }) };
    expect((await problemsOf(stuck)).join('\n')).to.contain('repeated the cursor "same"');
  });

  it('reports an ignored abort', async () => {
    const memory = createMemoryAdapter(data);
    const deaf: CxAdapter = { ...memory, getCustomer: (id) => memory.getCustomer(id, { signal: new AbortController().signal }) };
    expect((await problemsOf(deaf)).join('\n')).to.contain('ignored an aborted signal');
  });

  it('reports invalid records and unclassified errors', async () => {
    const memory = createMemoryAdapter(data);
    const sloppy: CxAdapter = {
      ...memory,
      async getCustomer(id, opts) {
        opts.signal.throwIfAborted();
        if (id !== ada.id) throw new Error('oops'); // no status, no code
        return { id, name: '' };
      },
      async listInteractions(id, q) {
        const page = await memory.listInteractions(id, q);
        return { ...page, items: [{ ...page.items[0]!, occurredAt: 'soon' }, ...page.items.slice(1)] };
      },
    };
    const problems = (await problemsOf(sloppy)).join('\n');
    expect(problems).to.contain('getCustomer returned an invalid customer: customer.name: expected non-empty text');
    expect(problems).to.contain('not as "not found"');
    expect(problems).to.contain('interactions[0].occurredAt: expected an ISO date-time');
  });

  it('reports a broken shape at once', async () => {
    expect(await testAdapter({ getCustomer: async () => ({}) } as unknown as CxAdapter, { customerId: 'x' })).to.deep.equal({
      ok: false,
      problems: ['Shape: the adapter has no listInteractions, getNextActions methods.'],
    });
  });
});
