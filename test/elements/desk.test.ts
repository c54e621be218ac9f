import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { defineElements } from '../../src/registry.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxDeskElement } from '../../src/elements/desk/desk.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import type { CxAdapter } from '../../src/adapters/adapter.js';
import { ada, data, northwind } from '../data.js';
import { isolatedCacheOptions, controllableAdapter, deepText } from '../helpers.js';


const panelOf = (desk: CxDeskElement) =>
  (desk.shadowRoot!.querySelector('cx-customer-panel') ?? desk.querySelector('cx-customer-panel')) as CxCustomerPanelElement;
const shows = (el: Element, text: string) => waitUntil(() => deepText(el).includes(text), `"${text}" never appeared`);

describe('<cx-desk>', () => {
  beforeEach(() => configure({ cacheOptions: isolatedCacheOptions() }));
  afterEach(() => configure({ adapter: undefined, theme: undefined, locale: undefined, density: undefined, strings: undefined }));

  it('renders the default layout with the customer when it has no element children', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ada.id} .adapter=${createMemoryAdapter(data)}>
      </cx-desk>`);
    const panel = panelOf(desk);
    expect(panel.getRootNode()).to.equal(desk.shadowRoot);
    await shows(desk, ada.name);
    expect(deepText(desk)).to.contain(ada.emails[0]);
    await expect(desk).to.be.accessible();
  });

  it('fires cx-load from every part for each customer shown, also when it comes back from memory', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ada.id} .adapter=${createMemoryAdapter(data)}></cx-desk>`);
    const loads: string[] = [];
    desk.addEventListener('cx-load', (e) => loads.push(`${(e as CustomEvent).detail.customerId}:${(e as CustomEvent).detail.source}`));
    const allLoaded = (id: string) =>
      waitUntil(() => ['customer', 'interactions', 'next-actions'].every((s) => loads.includes(`${id}:${s}`)), `not every part announced ${id}: ${loads.join(', ')}`);
    await shows(desk, ada.name);
    await allLoaded(ada.id);
    desk.customerId = northwind.id;
    await allLoaded(northwind.id);
    // back to a customer already in memory: nothing is fetched, and every part still says it is shown
    loads.length = 0;
    desk.customerId = ada.id;
    await allLoaded(ada.id);
  });

  it('provides adapter, customer, theme and density to elements placed inside it', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ada.id} theme="dark" density="compact" .adapter=${createMemoryAdapter(data)}>
      <div><cx-customer-panel></cx-customer-panel></div>
    </cx-desk>`);
    expect(desk.shadowRoot!.querySelector('cx-customer-panel')).to.equal(null);
    const panel = desk.querySelector('cx-customer-panel')!;
    await shows(panel, ada.name);
    expect(panel.getAttribute('cx-theme')).to.equal('dark');
    expect(panel.getAttribute('cx-density')).to.equal('compact');
    await expect(desk).to.be.accessible();

    desk.customerId = northwind.id;
    await shows(panel, northwind.name);
    desk.theme = 'light';
    await desk.updateComplete;
    await panel.updateComplete;
    expect(panel.getAttribute('cx-theme')).to.equal('light');
  });

  it("lets an element's own customer-id win over the desk's", async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ada.id} .adapter=${createMemoryAdapter(data)}>
      <cx-customer-panel customer-id=${northwind.id}></cx-customer-panel>
    </cx-desk>`);
    await shows(desk.querySelector('cx-customer-panel')!, northwind.name);
  });

  it('falls back to configure() for what it is not given, and its own settings win', async () => {
    configure({ adapter: createMemoryAdapter(data), theme: 'dark' });
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ada.id}></cx-desk>`);
    await shows(desk, ada.name);
    expect(panelOf(desk).getAttribute('cx-theme')).to.equal('dark');
    desk.adapter = createMemoryAdapter({ customers: [{ id: ada.id, name: 'From the desk adapter' }] });
    await shows(desk, 'From the desk adapter');
  });

  it('switching customers aborts the load in flight and never shows the old answer', async () => {
    const adapter = controllableAdapter({ honourAbort: false });
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id="old" .adapter=${adapter}></cx-desk>`);
    await waitUntil(() => adapter.calls.length === 1);
    desk.customerId = 'new';
    await waitUntil(() => adapter.calls.length === 2);
    expect(adapter.calls.map((c) => [c.customerId, c.aborted])).to.deep.equal([
      ['old', true],
      ['new', false],
    ]);
    adapter.calls[1]!.answer.resolve({ id: 'new', name: 'New Customer' });
    adapter.calls[0]!.answer.resolve({ id: 'old', name: 'Old Customer' });
    await shows(desk, 'New Customer');
    await new Promise((r) => setTimeout(r, 20));
    expect(deepText(desk)).not.to.contain('Old Customer');
  });

  it('resolves customer-email through findCustomer', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-email="ADA@example.com" .adapter=${createMemoryAdapter(data)}></cx-desk>`);
    await shows(desk, ada.name);
    desk.customerEmail = undefined;
    const withPhone = data.customers.find((c) => c.phones?.length && c.id !== ada.id)!;
    desk.customerPhone = withPhone.phones![0];
    await shows(desk, withPhone.name);
  });

  it('says "no customer found" for an unknown email, accessibly', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-email="nobody@example.com" .adapter=${createMemoryAdapter(data)}></cx-desk>`);
    await shows(desk, 'No customer found for nobody@example.com.');
    await expect(desk).to.be.accessible();
  });

  it('explains when the adapter cannot look customers up', async () => {
    const { findCustomer: _omit, ...noLookup } = createMemoryAdapter(data);
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-ref="x" .adapter=${noLookup as CxAdapter}></cx-desk>`);
    await shows(desk, 'cannot look customers up');
  });

  it('reports a failing lookup with cx-error and words', async () => {
    const adapter: CxAdapter = {
      ...createMemoryAdapter(data),
      findCustomer: async () => {
        throw Object.assign(new Error('offline'), { code: 'ECONNREFUSED' });
      },
    };
    const desk = document.createElement('cx-desk');
    desk.customerEmail = 'ada@example.com';
    desk.adapter = adapter;
    const failed = oneEvent(desk, 'cx-error');
    document.body.append(desk);
    expect((await failed).detail.error.code).to.equal('network');
    await shows(desk, 'Cannot reach the customer data service');
    desk.remove();
  });

  it('switches to the host\'s own layout when children are added, and back', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ada.id} .adapter=${createMemoryAdapter(data)}></cx-desk>`);
    expect(desk.shadowRoot!.querySelector('[part=layout]')).to.exist;
    const own = document.createElement('cx-customer-panel');
    desk.append(own);
    await waitUntil(() => desk.shadowRoot!.querySelector('slot'));
    expect(desk.shadowRoot!.querySelector('[part=layout]')).to.equal(null);
    own.remove();
    await waitUntil(() => desk.shadowRoot!.querySelector('[part=layout]'));
  });

  it('applies locale and string overrides to everything inside', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-email="x@example.com" locale="de-DE"
      .strings=${{ noCustomerFound: 'Kein Kunde zu {query} gefunden.' }} .adapter=${createMemoryAdapter(data)}></cx-desk>`);
    await shows(desk, 'Kein Kunde zu x@example.com gefunden.');
  });

  it('refresh() reloads every element inside', async () => {
    const adapter = controllableAdapter();
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id="a" .adapter=${adapter}></cx-desk>`);
    await waitUntil(() => adapter.calls.length === 1);
    adapter.calls[0]!.answer.resolve({ id: 'a', name: 'First' });
    await shows(desk, 'First');
    desk.refresh();
    await waitUntil(() => adapter.calls.length === 2);
    adapter.calls[1]!.answer.resolve({ id: 'a', name: 'Second' });
    await shows(desk, 'Second');
  });

  it('ignores an invalid theme with a warning instead of breaking', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk theme="purple" customer-id=${ada.id} .adapter=${createMemoryAdapter(data)}></cx-desk>`);
    await shows(desk, ada.name);
    expect(desk.getAttribute('cx-theme')).to.equal('light');
  });
});

describe('defineElements', () => {
  it('registers a prefixed family whose desk renders its own prefixed panel', async () => {
    const result = defineElements({ prefix: 'acme' });
    expect(result.defined).to.deep.equal(['acme-desk', 'acme-customer-panel', 'acme-interaction-history', 'acme-next-actions']);
    const again = defineElements({ prefix: 'acme' });
    expect(again.defined).to.deep.equal([]);
    expect(again.skipped.every((s) => s.reason === 'already-defined-by-cxdesk')).to.equal(true);
    const desk = await fixture<CxDeskElement>(html`<acme-desk customer-id=${ada.id} .adapter=${createMemoryAdapter(data)}></acme-desk>`);
    expect(desk.shadowRoot!.querySelector('acme-customer-panel')).to.exist;
    expect(desk.shadowRoot!.querySelector('acme-interaction-history')).to.exist;
    await shows(desk, ada.name);
  });

  it('leaves a tag taken by other code alone, with one warning, and refuses a bad prefix without throwing', () => {
    customElements.define('other-desk', class extends HTMLElement {});
    const warnings: unknown[] = [];
    const errors: unknown[] = [];
    const { warn, error } = console;
    console.warn = (...a: unknown[]) => warnings.push(a);
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const r = defineElements({ prefix: 'other' });
      expect(r.defined).to.deep.equal(['other-customer-panel', 'other-interaction-history', 'other-next-actions']);
      expect(r.skipped).to.deep.equal([{ tag: 'other-desk', reason: 'taken' }]);
      expect(warnings.length).to.equal(1);
      expect(String((warnings[0] as unknown[])[0])).to.contain('prefix');
      expect(defineElements({ prefix: 'Bad Prefix!' }).defined).to.deep.equal([]);
      expect(errors.length).to.equal(1);
    } finally {
      console.warn = warn;
      console.error = error;
    }
  });
});
