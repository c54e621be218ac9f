import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import type { CxAdapter } from '../../src/adapters/adapter.js';
import { ada, data } from '../data.js';
import { isolatedCacheOptions, controllableAdapter, deepElements, deepText, sleep } from '../helpers.js';


const shadowText = (el: Element) => deepText(el);
const calls = (adapter: { calls: unknown[] }, n: number) =>
  waitUntil(() => adapter.calls.length >= n, `the adapter was not called ${n} time(s)`);
const loaded = (el: CxCustomerPanelElement) => waitUntil(() => el.shadowRoot?.querySelector('.name'), 'customer did not render');

describe('<cx-customer-panel> standalone', () => {
  beforeEach(() => configure({ cacheOptions: isolatedCacheOptions() }));
  afterEach(() => configure({ adapter: undefined, theme: undefined, locale: undefined, strings: undefined }));

  it('is accessible while loading', async () => {
    const adapter = controllableAdapter();
    configure({ adapter });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="c-1"></cx-customer-panel>`);
    expect(shadowText(el)).to.contain('Loading customer…');
    expect(el.shadowRoot!.querySelector('[role=status]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a full customer, fires cx-load, and is accessible in light and dark', async () => {
    configure({ adapter: createMemoryAdapter(data) });
    const el = document.createElement('cx-customer-panel');
    el.customerId = ada.id;
    const event = oneEvent(el, 'cx-load');
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ customerId: ada.id, source: 'customer' });
    await el.updateComplete;
    const text = shadowText(el);
    expect(text).to.contain(ada.name);
    expect(text).to.contain(ada.company.name);
    for (const e of ada.emails) expect(text).to.contain(e);
    const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include(`mailto:${ada.emails[0]}`);
    expect(links.some((h) => h?.startsWith('tel:+'))).to.equal(true);
    expect(el.getAttribute('cx-theme')).to.equal('light');
    await expect(el).to.be.accessible();
    configure({ theme: 'dark' });
    await el.updateComplete;
    expect(el.getAttribute('cx-theme')).to.equal('dark');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows a minimal customer without empty headings or "undefined"', async () => {
    configure({ adapter: createMemoryAdapter({ customers: [{ id: 'm', name: 'Mo' }] }) });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="m"></cx-customer-panel>`);
    await loaded(el);
    const text = shadowText(el);
    expect(text).to.equal('M Mo');
    expect(text).not.to.match(/undefined|NaN|null/);
    expect(el.shadowRoot!.querySelector('.company')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.contact')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders hostile strings as text and never puts an unsafe URL in href or src', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    configure({
      adapter: createMemoryAdapter({
        customers: [
          {
            id: 'h',
            name: hostile,
            avatarUrl: 'javascript:window.__pwned=1',
            company: { name: '<script>window.__pwned=1</script>' },
            emails: ['"><svg onload=alert(1)>@example.com', 'ok@example.com'],
            phones: ['javascript:alert(1)'],
          },
        ],
      }),
    });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="h"></cx-customer-panel>`);
    await loaded(el);
    await sleep(50);
    expect(el.shadowRoot!.querySelector('.name')!.textContent).to.equal(hostile);
    expect(shadowText(el)).to.contain('<script>window.__pwned=1</script>');
    const all = deepElements(el);
    expect(all.some((e) => e.localName === 'script' || e.localName === 'svg' || (e.localName === 'img' && !e.classList.contains('avatar')))).to.equal(false);
    for (const e of all) {
      for (const attr of ['href', 'src']) {
        const v = e.getAttribute(attr);
        if (v !== null) expect(v, `${e.localName}[${attr}]`).to.match(/^(https?:|mailto:|tel:)/);
      }
    }
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    // the dropped values are mentioned once, discreetly
    expect(el.shadowRoot!.querySelector('[part=notices] summary')!.textContent).to.contain('3 details could not be shown');
  });

  it('reports a wrong required field with its path, with a retry that works', async () => {
    let broken = true;
    const memory = createMemoryAdapter(data);
    const adapter: CxAdapter = {
      ...memory,
      async getCustomer(id, opts) {
        const c = await memory.getCustomer(id, opts);
        return broken ? { ...c, name: undefined as unknown as string } : c;
      },
    };
    configure({ adapter });
    const el = document.createElement('cx-customer-panel');
    el.customerId = ada.id;
    const failed = oneEvent(el, 'cx-error');
    document.body.append(el);
    const { detail } = await failed;
    expect(detail.source).to.equal('customer');
    expect(detail.error.code).to.equal('invalid-data');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('sent data that cannot be shown');
    expect(alert.textContent).to.contain('customer.name: is required');
    await expect(el).to.be.accessible();
    broken = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await loaded(el);
    expect(shadowText(el)).to.contain(ada.name);
    el.remove();
  });

  it('drops a wrong optional field with a notice and shows the rest', async () => {
    configure({
      adapter: createMemoryAdapter({ customers: [{ ...ada, emails: ['not-an-email', ...ada.emails], health: { nps: 150 } }] }),
    });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${ada.id}></cx-customer-panel>`);
    await loaded(el);
    const text = shadowText(el);
    expect(text).to.contain(ada.name);
    expect(text).to.contain(ada.emails[0]);
    expect(text).not.to.contain('not-an-email');
    const notices = el.shadowRoot!.querySelector('[part=notices]')!;
    expect(notices.querySelector('summary')!.textContent).to.contain('2 details could not be shown');
    expect(notices.textContent).to.contain('customer.emails[0]: expected an email address');
    expect(notices.textContent).to.contain('customer.health.nps: expected a whole number from -100 to 100');
    await expect(el).to.be.accessible();
  });

  it('says "not found", "not allowed" and fires cx-auth-required on 401', async () => {
    const status = { value: 404 };
    configure({
      adapter: {
        getCustomer: async () => {
          throw Object.assign(new Error('HTTP ' + status.value), { status: status.value });
        },
        listInteractions: async () => ({ items: [] }),
        getNextActions: async () => [],
      },
    });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="x"></cx-customer-panel>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(shadowText(el)).to.contain('This customer was not found');
    status.value = 401;
    const auth = oneEvent(el, 'cx-auth-required');
    el.refresh();
    expect((await auth).detail).to.deep.equal({ customerId: 'x', source: 'customer' });
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Your session has expired');
    status.value = 403;
    el.refresh();
    await waitUntil(() => shadowText(el).includes('You do not have access'));
    await expect(el).to.be.accessible();
  });

  it('explains a missing or unusable adapter instead of staying blank', async () => {
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="x"></cx-customer-panel>`);
    expect(shadowText(el)).to.contain('No data source is configured');
    await expect(el).to.be.accessible();
    configure({ adapter: { getCustomer: () => null } as unknown as CxAdapter });
    await el.updateComplete;
    expect(shadowText(el)).to.contain('the adapter has no listInteractions, getNextActions methods');
  });

  it('shows an empty state when there is no customer', async () => {
    configure({ adapter: createMemoryAdapter(data) });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel></cx-customer-panel>`);
    expect(shadowText(el)).to.equal('No customer selected.');
    await expect(el).to.be.accessible();
  });

  it('aborts a slow load when customer-id changes, and never shows the old answer', async () => {
    const adapter = controllableAdapter();
    configure({ adapter });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="old"></cx-customer-panel>`);
    await calls(adapter, 1);
    expect(adapter.calls.map((c) => c.customerId)).to.deep.equal(['old']);
    el.customerId = 'new';
    await calls(adapter, 2);
    expect(adapter.calls.map((c) => c.customerId)).to.deep.equal(['old', 'new']);
    expect(adapter.calls[0]!.aborted, 'the adapter saw the abort').to.equal(true);
    expect(adapter.calls[0]!.signal.aborted).to.equal(true);
    adapter.calls[1]!.answer.resolve({ id: 'new', name: 'New Customer' });
    await loaded(el);
    expect(shadowText(el)).to.contain('New Customer');
  });

  it('drops a late answer for a customer no longer shown, even from an adapter that ignores abort', async () => {
    const adapter = controllableAdapter({ honourAbort: false });
    configure({ adapter });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="old"></cx-customer-panel>`);
    await calls(adapter, 1);
    el.customerId = 'new';
    await calls(adapter, 2);
    adapter.calls[1]!.answer.resolve({ id: 'new', name: 'New Customer' });
    await loaded(el);
    adapter.calls[0]!.answer.resolve({ id: 'old', name: 'Old Customer' });
    await sleep(30);
    await el.updateComplete;
    expect(shadowText(el)).to.contain('New Customer');
    expect(shadowText(el)).not.to.contain('Old Customer');
  });

  it('aborts when removed from the page and loads again when put back', async () => {
    const adapter = controllableAdapter();
    configure({ adapter });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="a"></cx-customer-panel>`);
    await calls(adapter, 1);
    const parent = el.parentElement!;
    el.remove();
    expect(adapter.calls[0]!.aborted).to.equal(true);
    parent.append(el);
    await calls(adapter, 2);
    adapter.calls[1]!.answer.resolve({ id: 'a', name: 'Back Again' });
    await loaded(el);
    expect(shadowText(el)).to.contain('Back Again');
  });

  it('shows the initials when the avatar image fails', async () => {
    configure({ adapter: createMemoryAdapter({ customers: [{ id: 'p', name: 'Pat Lee', avatarUrl: '/does-not-exist.png' }] }) });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="p"></cx-customer-panel>`);
    await loaded(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.initials'), 'initials did not replace the broken image');
    expect(el.shadowRoot!.querySelector('.initials')!.textContent).to.equal('PL');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
