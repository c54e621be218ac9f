import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createRestAdapter } from '../../src/adapters/rest/rest-adapter.js';
import type { CxDeskElement } from '../../src/elements/desk/desk.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import { deepText, isolatedCacheOptions, loadFrame } from '../helpers.js';
import { Scope } from './backend.js';

const ADA = 'c-1001';
const shows = (el: Element, text: string, timeout = 5000) =>
  waitUntil(() => deepText(el).includes(text), `"${text}" never appeared`, { timeout });

const frame = (src: string) => loadFrame(src, {});

const deskIn = (iframe: HTMLIFrameElement) => iframe.contentDocument!.querySelector('cx-desk')!;

describe('<cx-desk> over REST', () => {
  let scope: Scope;
  beforeEach(() => {
    scope = new Scope();
    configure({ adapter: createRestAdapter({ baseUrl: scope.baseUrl, retry: false }), cacheOptions: isolatedCacheOptions() });
  });
  afterEach(() => {
    configure({ adapter: undefined, cacheOptions: undefined });
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  const failures: Array<[string, Record<string, unknown>, string]> = [
    ['401', { status: 401 }, 'Your session has expired'],
    ['403', { status: 403 }, 'You do not have access to this customer'],
    ['404', { status: 404 }, 'This customer was not found'],
    ['429', { status: 429 }, 'failed to answer'],
    ['500', { status: 500 }, 'failed to answer'],
    ['malformed JSON', { body: '{"id":' }, 'sent data that cannot be shown'],
    ['an invalid record', { json: { id: ADA } }, 'customer.name: is required'],
  ];
  for (const [what, fault, words] of failures) {
    it(`tells the agent in words when the backend answers ${what}`, async () => {
      await scope.faults([{ path: `^customers/${ADA}$`, ...fault }]);
      const desk = document.createElement('cx-desk');
      desk.customerId = ADA;
      const error = oneEvent(desk, 'cx-error');
      const auth = what === '401' ? oneEvent(desk, 'cx-auth-required') : undefined;
      document.body.append(desk);
      try {
        expect((await error).detail.source).to.equal('customer');
        if (auth) expect((await auth).detail).to.deep.equal({ customerId: ADA, source: 'customer' });
        await shows(desk, words);
        await expect(desk).to.be.accessible();
      } finally {
        desk.remove();
      }
    });
  }

  it('makes one request per resource for three consumers, and none for a remount within staleTime', async () => {
    // built by hand: a plain <div> fixture waits for an animation frame, which a background page may never get
    const box = document.createElement('div');
    const consumers = [document.createElement('cx-desk'), document.createElement('cx-customer-panel'), document.createElement('cx-customer-panel')];
    for (const el of consumers) el.customerId = ADA;
    box.append(...consumers);
    document.body.append(box);
    try {
      await waitUntil(() => consumers.every((el) => deepText(el).includes('Ada Quinn')));
      expect((await scope.requests(`customers/${ADA}`)).length).to.equal(1);
    } finally {
      box.remove();
    }
    const again = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${ADA}></cx-customer-panel>`);
    await shows(again, 'Ada Quinn');
    expect((await scope.requests(`customers/${ADA}`)).length).to.equal(1);
  });

  it('aborts the request of the customer the agent switched away from (the server sees it)', async () => {
    await scope.settings({ latencyMs: 800 });
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ADA}></cx-desk>`);
    await waitUntil(async () => (await scope.requests(`customers/${ADA}`)).length === 1);
    desk.customerId = 'c-1002';
    await waitUntil(async () => (await scope.requests(`customers/${ADA}`))[0]?.aborted === true, 'the server never saw the abort');
    await shows(desk, 'Northwind Logistics');
    expect(deepText(desk)).not.to.contain('Ada Quinn');
  });

  it('resolves customer-email through findCustomer, and says when nobody matches', async () => {
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-email="ada@example.com"></cx-desk>`);
    await shows(desk, 'Ada Quinn');
    desk.customerEmail = 'nobody@example.com';
    await shows(desk, 'No customer found for nobody@example.com.');
    await expect(desk).to.be.accessible();
  });

  it('shows the customer from IndexedDB after a reload before the slow server answers, marked stale, then updated', async () => {
    const ns = isolatedCacheOptions().namespace;
    const src = `/test/fixtures/rest-desk.html?base=${encodeURIComponent(scope.baseUrl)}&ns=${ns}&staleTime=1000`;
    const iframe = await frame(src);
    await shows(deskIn(iframe), 'Ada Quinn');
    // the previous page left the customer in IndexedDB
    await waitUntil(async () => {
      const db = await openDB(`cxdesk:${ns}`);
      const all = db.objectStoreNames.contains('records') ? await db.getAll('records') : [];
      db.close();
      return all.some((r: { key: string }) => r.key.endsWith(`|customer|${ADA}`));
    }, 'the customer is not in IndexedDB');
    await scope.data({ customers: [{ id: ADA, name: 'Ada Quinn-Renamed' }] });
    await scope.settings({ latencyMs: 2000 });
    await new Promise((r) => setTimeout(r, 1100)); // older than staleTime by the time the page comes back
    const reloaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    iframe.contentWindow!.location.reload();
    await reloaded;
    const started = performance.now();
    const desk = deskIn(iframe);
    await shows(desk, 'Ada Quinn', 1500);
    expect(performance.now() - started).to.be.below(1500);
    expect(deepText(desk)).not.to.contain('Renamed');
    const freshness = () => desk.shadowRoot!.querySelector('cx-customer-panel')!.shadowRoot!.querySelector('[part=freshness]');
    await waitUntil(() => freshness()?.textContent?.includes('As of'), 'not marked stale');
    await shows(desk, 'Ada Quinn-Renamed', 5000);
    await waitUntil(() => !freshness(), 'still marked stale after the update');
  });

  it('updates another realm of the same origin without a request of its own', async () => {
    const options = isolatedCacheOptions();
    configure({ cacheOptions: options });
    const desk = await fixture<CxDeskElement>(html`<cx-desk customer-id=${ADA}></cx-desk>`);
    await shows(desk, 'Ada Quinn');
    const iframe = await frame(
      `/test/fixtures/rest-desk.html?base=${encodeURIComponent(scope.baseUrl)}&ns=${options.namespace}&staleTime=30000`,
    );
    await shows(deskIn(iframe), 'Ada Quinn');
    const before = (await scope.requests(`customers/${ADA}`)).length;
    await scope.data({ customers: [{ id: ADA, name: 'Ada Quinn-Updated' }] });
    desk.refresh();
    await shows(desk, 'Ada Quinn-Updated');
    await shows(deskIn(iframe), 'Ada Quinn-Updated');
    expect((await scope.requests(`customers/${ADA}`)).length).to.equal(before + 1);
  });
});
