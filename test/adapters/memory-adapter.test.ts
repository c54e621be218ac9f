import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { isNotFoundError } from '../../src/model/errors.js';
import type { Interaction } from '../../src/model/types.js';
import { ada, adaInteractions, data } from '../data.js';

const ADA = ada.id;
const signal = () => new AbortController().signal;

async function allPages(adapter: ReturnType<typeof createMemoryAdapter>, query: Record<string, unknown> = {}, limit = 7) {
  const seen: Interaction[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await adapter.listInteractions(ADA, { limit, signal: signal(), ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not terminate');
}

describe('createMemoryAdapter', () => {
  it('pages newest first through every interaction exactly once', async () => {
    const adapter = createMemoryAdapter(data);
    const seen = await allPages(adapter);
    const expected = adaInteractions;
    expect(seen.length).to.equal(expected.length);
    expect(new Set(seen.map((i) => i.id)).size).to.equal(expected.length);
    for (let i = 1; i < seen.length; i++) {
      expect(Date.parse(seen[i - 1]!.occurredAt)).to.be.at.least(Date.parse(seen[i]!.occurredAt));
    }
  });

  it('reports total and per-channel counts', async () => {
    const adapter = createMemoryAdapter(data);
    const page = await adapter.listInteractions(ADA, { limit: 5, signal: signal() });
    expect(page.total).to.equal(adaInteractions.length);
    const sum = Object.values(page.counts ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(sum).to.equal(page.total);
  });

  it('filters by channel, keeping counts of every channel for the chips', async () => {
    const adapter = createMemoryAdapter(data);
    const seen = await allPages(adapter, { channels: ['email', 'sms'] });
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.every((i) => i.channel === 'email' || i.channel === 'sms')).to.equal(true);
    const page = await adapter.listInteractions(ADA, { limit: 5, channels: ['email'], signal: signal() });
    expect(page.total).to.equal(page.counts?.email);
    expect(Object.keys(page.counts ?? {}).length).to.be.greaterThan(2);
  });

  it('searches text case-insensitively', async () => {
    const adapter = createMemoryAdapter({
      customers: [{ id: ADA, name: 'Ada' }],
      interactions: {
        [ADA]: [
          { id: 'a', channel: 'email', occurredAt: '2026-01-01T00:00:00Z', subject: 'Refund for order #48213' },
          { id: 'b', channel: 'chat', occurredAt: '2026-01-02T00:00:00Z', body: { text: 'where is my REFUND?' } },
          { id: 'c', channel: 'chat', occurredAt: '2026-01-03T00:00:00Z', summary: 'Password reset' },
        ],
      },
    });
    const page = await adapter.listInteractions(ADA, { limit: 10, search: 'refund', signal: signal() });
    expect(page.items.map((i) => i.id)).to.deep.equal(['b', 'a']);
  });

  it('jumps to a date with before', async () => {
    const adapter = createMemoryAdapter(data);
    const before = '2026-06-01T00:00:00Z';
    const seen = await allPages(adapter, { before });
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.every((i) => Date.parse(i.occurredAt) < Date.parse(before))).to.equal(true);
    expect(seen.length).to.equal(adaInteractions.filter((i: Interaction) => Date.parse(i.occurredAt) < Date.parse(before)).length);
  });

  it('keeps cursors stable when new items arrive at the top', async () => {
    const adapter = createMemoryAdapter(data);
    const first = await adapter.listInteractions(ADA, { limit: 10, signal: signal() });
    adapter.push(ADA, { type: 'interaction', interaction: { id: 'new-1', channel: 'chat', occurredAt: '2026-11-21T10:00:00Z' } });
    const second = await adapter.listInteractions(ADA, { limit: 10, cursor: first.nextCursor!, signal: signal() });
    const expected = adaInteractions.slice(10, 20).map((i: Interaction) => i.id);
    expect(second.items.map((i) => i.id)).to.deep.equal(expected);
    const top = await adapter.listInteractions(ADA, { limit: 1, signal: signal() });
    expect(top.items[0]?.id).to.equal('new-1');
  });

  it('looks customers up by email, phone and reference', async () => {
    const adapter = createMemoryAdapter(data);
    expect((await adapter.findCustomer({ email: 'ADA@example.com' }, { signal: signal() }))?.id).to.equal(ADA);
    expect((await adapter.findCustomer({ phone: ada.phones[0] }, { signal: signal() }))?.id).to.equal(ADA);
    expect((await adapter.findCustomer({ ref: ADA }, { signal: signal() }))?.id).to.equal(ADA);
    expect(await adapter.findCustomer({ email: 'nobody@example.com' }, { signal: signal() })).to.equal(null);
  });

  it('throws NotFoundError for an unknown customer', async () => {
    const adapter = createMemoryAdapter(data);
    const e = await adapter.getCustomer('nope', { signal: signal() }).catch((x: unknown) => x);
    expect(isNotFoundError(e)).to.equal(true);
  });

  it('honours the abort signal', async () => {
    const adapter = createMemoryAdapter({ ...data, latencyMs: 200 });
    const c = new AbortController();
    const p = adapter.getCustomer(ADA, { signal: c.signal });
    c.abort();
    const e = await p.catch((x: unknown) => x);
    expect((e as Error).name).to.equal('AbortError');
  });

  it('returns copies, so callers cannot change the data', async () => {
    const adapter = createMemoryAdapter(data);
    const a = await adapter.getCustomer(ADA, { signal: signal() });
    a.name = 'Changed';
    expect((await adapter.getCustomer(ADA, { signal: signal() })).name).to.equal(ada.name);
  });

  it('serves next actions and logs feedback once per decision', async () => {
    const adapter = createMemoryAdapter(data);
    const actions = await adapter.getNextActions(ADA, { signal: signal() });
    expect(actions.length).to.be.greaterThan(0);
    const fb = { outcome: 'accepted' as const, at: '2026-11-20T15:00:00Z', decisionId: 'd-1' };
    await adapter.sendActionFeedback(ADA, actions[0]!.id, fb);
    await adapter.sendActionFeedback(ADA, actions[0]!.id, fb);
    expect(adapter.feedback).to.deep.equal([{ customerId: ADA, actionId: actions[0]!.id, feedback: fb }]);
  });

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const adapter = createMemoryAdapter(data);
    const got: string[] = [];
    const stop = adapter.subscribe(ADA, (e) => got.push(e.type));
    adapter.push(ADA, { type: 'next-actions', actions: [] });
    await Promise.resolve();
    stop();
    adapter.push(ADA, { type: 'next-actions', actions: [] });
    await Promise.resolve();
    expect(got).to.deep.equal(['next-actions']);
    expect(await adapter.getNextActions(ADA, { signal: signal() })).to.deep.equal([]);
  });

  it('says clearly when it is created without customers', () => {
    expect(() => createMemoryAdapter({} as never)).to.throw(/customers/);
  });
});
