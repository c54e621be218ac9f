import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { composeAdapters } from '../../src/adapters/compose.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxAdapter } from '../../src/adapters/adapter.js';
import { loadCustomer, loadInteractions } from '../../src/data/boundary.js';
import type { Interaction } from '../../src/model/types.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import { deepText, isolatedCacheOptions } from '../helpers.js';

const signal = () => new AbortController().signal;
const at = (minutesAgo: number) => new Date(Date.parse('2026-11-20T12:00:00Z') - minutesAgo * 60_000).toISOString();
const item = (id: string, minutesAgo: number, channel = 'email'): Interaction => ({ id, channel, occurredAt: at(minutesAgo) });

const crm = createMemoryAdapter({
  customers: [{ id: 'c-1', name: 'Ada from CRM', tier: 'Gold', tags: ['vip'], emails: ['ada@example.com'], health: { churnRisk: 0.2 } }],
  interactions: { 'c-1': [item('crm-1', 10), item('crm-2', 30), item('crm-3', 50)] },
  nextActions: { 'c-1': [{ id: 'n-1', title: 'CRM idea' }] },
});
const shop = createMemoryAdapter({
  customers: [{ id: 'S-77', name: 'Ada from the shop', segment: 'Consumer', tags: ['vip', 'buyer'], health: { csat: 4.5 }, orders: [{ id: 'o-1', placedAt: at(100) }] }],
  interactions: { 'S-77': [item('shop-1', 20, 'web'), item('shop-2', 40, 'web'), item('shop-3', 60, 'web')] },
  nextActions: { 'S-77': [{ id: 'n-2', title: 'Shop idea' }, { id: 'n-1', title: 'Duplicate id' }] },
});

describe('composeAdapters', () => {
  const composed = composeAdapters([
    { name: 'crm', adapter: crm },
    { name: 'shop', adapter: shop, resolveId: async (id) => (id === 'c-1' ? 'S-77' : id) },
  ]);

  it('merges profiles field by field, earlier sources winning, with ids mapped per source', async () => {
    const c = await composed.getCustomer('c-1', { signal: signal() });
    expect(c.id).to.equal('c-1');
    expect(c.name).to.equal('Ada from CRM');
    expect(c.tier).to.equal('Gold');
    expect(c.segment).to.equal('Consumer');
    expect(c.tags).to.deep.equal(['vip', 'buyer']);
    expect(c.health).to.deep.equal({ churnRisk: 0.2, csat: 4.5 });
    expect(c.orders?.map((o) => o.id)).to.deep.equal(['o-1']);
  });

  it('merges timelines by time, with each item’s source, across pages with a stable composite cursor', async () => {
    const ids: string[] = [];
    const sources: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await composed.listInteractions('c-1', { limit: 2, signal: signal(), ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((i) => i.id));
      sources.push(...page.items.map((i) => i.source!));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(ids).to.deep.equal(['crm-1', 'shop-1', 'crm-2', 'shop-2', 'crm-3', 'shop-3']);
    expect(sources).to.deep.equal(['crm', 'shop', 'crm', 'shop', 'crm', 'shop']);
    const first = await composed.listInteractions('c-1', { limit: 2, signal: signal() });
    expect(first.total).to.equal(6);
    expect(first.counts).to.deep.equal({ email: 3, web: 3 });
  });

  it('pools next actions, one per id, and sends feedback back to the source that suggested it', async () => {
    const actions = await composed.getNextActions('c-1', { signal: signal() });
    expect(actions.map((a) => [a.id, a.source])).to.deep.equal([
      ['n-1', 'crm'],
      ['n-2', 'shop'],
    ]);
    await composed.sendActionFeedback('c-1', 'n-2', { outcome: 'accepted', at: at(0), decisionId: 'd-1' });
    expect(shop.feedback.map((f) => [f.customerId, f.actionId])).to.deep.equal([['S-77', 'n-2']]);
    expect(crm.feedback).to.deep.equal([]);
  });

  it('degrades a failing source to a notice and keeps the rest', async () => {
    const broken: Partial<CxAdapter> = {
      getCustomer: async () => {
        throw Object.assign(new Error('shop is down'), { status: 503 });
      },
      listInteractions: async () => {
        throw Object.assign(new Error('shop is down'), { status: 503 });
      },
    };
    const partial = composeAdapters([
      { name: 'crm', adapter: crm },
      { name: 'shop', adapter: broken },
    ]);
    const c = await loadCustomer(partial, 'c-1', signal());
    expect(c.data.name).to.equal('Ada from CRM');
    expect(c.notices.map((n) => n.path)).to.deep.equal(['source shop']);
    expect('__cxSourceErrors' in c.data).to.equal(false);
    const page = await loadInteractions(partial, 'c-1', { limit: 10, signal: signal() });
    expect(page.data.items.map((i) => i.id)).to.deep.equal(['crm-1', 'crm-2', 'crm-3']);
    expect(page.notices.map((n) => n.path)).to.deep.equal(['source shop']);
    // on screen: the customer, and a discreet word about the source
    configure({ adapter: partial, cacheOptions: isolatedCacheOptions() });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="c-1"></cx-customer-panel>`);
    await waitUntil(() => deepText(el).includes('Ada from CRM'));
    expect(el.shadowRoot!.querySelector('[part~=notices]')!.textContent).to.contain('source shop: unavailable (shop is down)');
    configure({ adapter: undefined, cacheOptions: undefined });
  });

  it('fails only when every source fails, and skips a source that does not know the customer', async () => {
    const none = composeAdapters([{ name: 'crm', adapter: crm }, { name: 'shop', adapter: shop }]);
    const c = await none.getCustomer('c-1', { signal: signal() }); // the shop has no c-1: simply left out
    expect(c.name).to.equal('Ada from CRM');
    const e = await none.getCustomer('nobody', { signal: signal() }).catch((x: unknown) => x);
    expect((e as { code?: string }).code).to.equal('not-found');
  });

  it('says clearly when given nothing usable', () => {
    expect(() => composeAdapters([])).to.throw(/non-empty/);
    expect(() => composeAdapters([{ name: 'a', adapter: crm }, { name: 'a', adapter: shop }])).to.throw(/two sources/);
  });
});
