import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { storeFor } from '../../src/data/store.js';
import { customerTarget } from '../../src/data/resources.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import type { Customer } from '../../src/model/types.js';
import { ada, data, northwind } from '../data.js';
import { deepElements, deepText, isolatedCacheOptions, sleep } from '../helpers.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const loaded = (el: CxCustomerPanelElement) => waitUntil(() => el.shadowRoot?.querySelector('.name'), 'customer did not render');
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

/** A customer whose dates are relative to today, so the test means the same on any day. */
function timely(): Customer {
  const now = Date.now();
  return {
    ...ada,
    id: 'timely',
    customerSince: '2019-03-14',
    lifetimeValue: { amount: 12840.5, currency: 'EUR' },
    products: [
      { id: 'p1', name: 'Cloud Backup', plan: 'Plus', status: 'active', renewsAt: iso(now + 12 * DAY) },
      { id: 'p2', name: 'Team Workspace', status: 'past_due', renewsAt: iso(now + 200 * DAY) },
    ],
    openCases: [{ id: 'CASE-1', subject: 'Refund', status: 'open', priority: 'urgent', openedAt: iso(now - 4 * DAY) }],
    health: {
      churnRisk: 0.82,
      csat: 2.9,
      nps: -20,
      sentiment: -0.4,
      sentimentTrend: Array.from({ length: 8 }, (_, i) => ({ at: iso(now - (7 - i) * 7 * DAY), value: 0.5 - i * 0.13 })),
    },
    consent: { marketingEmail: true, sms: false, updatedAt: iso(now - 30 * DAY) },
  };
}

describe('<cx-customer-panel> contents', () => {
  beforeEach(() => configure({ cacheOptions: isolatedCacheOptions(), locale: 'en-US' }));
  afterEach(() => configure({ adapter: undefined, theme: undefined, locale: undefined, cacheOptions: undefined }));

  it('shows every part of a full customer', async () => {
    configure({ adapter: createMemoryAdapter({ customers: [timely()] }) });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="timely"></cx-customer-panel>`);
    await loaded(el);
    const text = deepText(el);
    for (const expected of [
      'Ada Quinn',
      'Quinn Studio · SMB · Gold',
      'Customer since Mar 14, 2019',
      ada.location!,
      'local time',
      'Prefers',
      '€12,840.50',
      'High · 82%',
      '2.9 / 5',
      '-20',
      'Negative (-0.4)',
      'Cloud Backup',
      'past due',
      'Refund',
      'urgent priority',
      'opened 4 days ago',
      ...(ada.tags ?? []),
      ...(ada.notes ?? []).map((n) => n.body.slice(0, 20)),
      ...(ada.attributes ?? []).map((a) => a.label),
    ]) {
      expect(text, expected).to.contain(expected);
    }
    expect(text).not.to.match(/undefined|NaN|Invalid Date|\[object/);
    const consent = [...el.shadowRoot!.querySelectorAll('.consent-row')].map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent]);
    expect(consent).to.deep.equal([
      ['Marketing email', 'Agreed'],
      ['SMS', 'Declined'],
      ['Phone calls', 'Not known'],
      ['Data processing', 'Not known'],
    ]);
    // renewals due within 30 days are highlighted, later ones are not
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="section-products"] .row')];
    expect(rows.map((r) => r.hasAttribute('data-soon'))).to.deep.equal([true, false]);
    expect(rows[0]!.textContent).to.contain('renews in 12 days');
    // the sparkline's accessible name says where the trend goes
    const spark = el.shadowRoot!.querySelector('svg.sparkline')!;
    expect(spark.getAttribute('role')).to.equal('img');
    expect(spark.getAttribute('aria-label')).to.match(/^Sentiment over 7 weeks: falling from \+0\.5 to -0\.41$/);
    await expect(el).to.be.accessible();
  });

  it('follows the locale for money, dates and relative times', async () => {
    configure({ adapter: createMemoryAdapter({ customers: [timely()] }), locale: 'de-DE' });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="timely"></cx-customer-panel>`);
    await loaded(el);
    const text = deepText(el).replace(/\u00a0|\u202f/g, ' ');
    expect(text).to.contain('12.840,50 €');
    expect(text).to.contain('14.03.2019');
    expect(text).to.contain('vor 4 Tagen');
    expect(text).to.contain('in 12 Tagen');
    expect(text).to.contain('2,9 / 5');
  });

  it('is accessible while its data is stale and refreshing', async () => {
    const options = isolatedCacheOptions({ staleTime: 10 });
    configure({ cacheOptions: options });
    let release!: () => void;
    const memory = createMemoryAdapter({ customers: [ada] });
    configure({
      adapter: {
        ...memory,
        async getCustomer(id, opts) {
          if (release) await new Promise<void>((r) => (release = r));
          return memory.getCustomer(id, opts);
        },
      },
    });
    // a record from an earlier visit
    const store = storeFor(options);
    const target = customerTarget(store, memory, ada.id);
    const stop = store.watch(target.key, target.load, () => undefined);
    await waitUntil(() => store.view(target.key).status === 'ready');
    stop();
    await sleep(20);
    release = () => undefined;
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${ada.id}></cx-customer-panel>`);
    await waitUntil(() => part(el, 'freshness')?.textContent?.includes('refreshing'), 'not marked as refreshing');
    expect(deepText(el)).to.contain(ada.name);
    await expect(el).to.be.accessible();
    release();
    configure({ theme: 'dark' });
    await expect(el).to.be.accessible();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible loading, failed, minimal and full (${theme})`, async () => {
      const never = new Promise<never>(() => undefined);
      configure({ theme, adapter: { getCustomer: () => never, listInteractions: () => never, getNextActions: () => never } });
      const loading = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="x"></cx-customer-panel>`);
      expect(loading.getAttribute('cx-theme')).to.equal(theme);
      await expect(loading).to.be.accessible();
      configure({
        adapter: {
          getCustomer: async () => {
            throw Object.assign(new Error('down'), { status: 503 });
          },
          listInteractions: () => never,
          getNextActions: () => never,
        },
      });
      const failed = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="y"></cx-customer-panel>`);
      await waitUntil(() => failed.shadowRoot!.querySelector('[role=alert]'));
      await expect(failed).to.be.accessible();
      configure({ adapter: createMemoryAdapter({ customers: [{ id: 'm', name: 'Mo' }, timely()] }) });
      for (const id of ['m', 'timely']) {
        const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${id}></cx-customer-panel>`);
        await loaded(el);
        await expect(el).to.be.accessible();
      }
    });

    it(`does not overflow horizontally at 360 px (${theme})`, async () => {
      const long: Customer = {
        ...northwind,
        name: 'Maximilian Alexander Bartholomew von Hohenzollern-Sigmaringen',
        emails: ['procurement.department.emea.northwind-logistics@example.net', ...northwind.emails],
        tags: ['a-very-long-tag-without-any-spaces-at-all-in-it', 'sso'],
        notes: [{ id: 'n', author: 'Agent', body: 'https://example.com/a/really/long/unbroken/path/segment/that/keeps/going', createdAt: iso(Date.now()) }],
      };
      configure({ adapter: createMemoryAdapter({ customers: [long] }), theme });
      // a plain <div> fixture would wait for an animation frame a background page may never get
      const box = document.createElement('div');
      box.style.width = '360px';
      const el = document.createElement('cx-customer-panel');
      el.customerId = long.id;
      box.append(el);
      document.body.append(box);
      try {
        await loaded(el);
        const base = part(el, 'base')!;
        expect(base.scrollWidth, 'scrollWidth').to.be.at.most(base.clientWidth);
        const right = base.getBoundingClientRect().right;
        for (const e of deepElements(el)) {
          const r = e.getBoundingClientRect();
          if (r.width === 0) continue;
          expect(r.right, `${e.localName}.${(e as HTMLElement).className}`).to.be.at.most(right + 0.5);
        }
        await expect(el).to.be.accessible();
      } finally {
        box.remove();
      }
    });
  }

  it('remembers collapsed sections per cache namespace', async () => {
    const options = isolatedCacheOptions();
    configure({ adapter: createMemoryAdapter(data), cacheOptions: options });
    const first = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${ada.id}></cx-customer-panel>`);
    await loaded(first);
    const health = () => first.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="section-health"]')!;
    expect(health().open).to.equal(true);
    health().querySelector('summary')!.click();
    await waitUntil(() => !health().open);
    await sleep(50);
    const second = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${ada.id}></cx-customer-panel>`);
    await loaded(second);
    await waitUntil(() => second.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="section-health"]')?.open === false, 'not remembered');
    configure({ cacheOptions: isolatedCacheOptions() });
    await second.updateComplete;
    await loaded(second);
    await sleep(50);
    expect(second.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="section-health"]')!.open, 'another agent').to.equal(true);
  });

  it('copies a contact point, falling back to the selection where the Clipboard API is missing', async () => {
    configure({ adapter: createMemoryAdapter({ customers: [ada] }) });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${ada.id}></cx-customer-panel>`);
    await loaded(el);
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    const exec = document.execCommand;
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    document.execCommand = (command: string) => {
      copied.push(`${command}:${(el.shadowRoot!.activeElement as HTMLTextAreaElement | null)?.value}`);
      return true;
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=copy]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[role=status][aria-live]')!.textContent!.includes('Copied'));
      expect(copied).to.deep.equal([`copy:${ada.emails[0]}`]);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['clipboard'];
      if (descriptor) Object.defineProperty(Navigator.prototype, 'clipboard', descriptor);
      document.execCommand = exec;
    }
  });

  it('links order and case URLs only when they are http(s)', async () => {
    const hostile: Customer = {
      id: 'h',
      name: 'Hostile <img src=x onerror=alert(1)>',
      orders: [
        { id: 'o-1', placedAt: '2026-01-01T00:00:00Z', url: 'javascript:alert(1)' },
        { id: 'o-2', placedAt: '2026-01-02T00:00:00Z', url: 'https://shop.example.com/orders/o-2' },
      ],
      openCases: [{ id: 'k-1', subject: '<script>alert(1)</script>', openedAt: '2026-01-01T00:00:00Z', url: 'data:text/html,<script>alert(1)</script>' }],
    };
    configure({ adapter: createMemoryAdapter({ customers: [hostile] }) });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="h"></cx-customer-panel>`);
    await loaded(el);
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://shop.example.com/orders/o-2']);
    expect(deepText(el)).to.contain('<script>alert(1)</script>');
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
  });
});
