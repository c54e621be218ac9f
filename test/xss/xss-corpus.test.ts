/**
 * The XSS corpus through every element: every vector lands in every string field, URL field and
 * email body of every record type at least once, and nothing may run, load from the trap host, or be
 * left in the DOM as a handler or a script URL.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { Customer, Interaction, NextAction } from '../../src/model/types.js';
import { deepElements, isolatedCacheOptions, sleep } from '../helpers.js';
import { ALL_VECTORS, type Vector } from './vectors.js';

const hits: string[] = [];
(window as unknown as { __xss: (id: string) => void }).__xss = (id) => hits.push(id);
for (const name of ['alert', 'confirm', 'prompt'] as const) {
  (window as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => hits.push(`${name}:${String(a[0])}`);
}

const UNSAFE_URL = /^(?:javascript|vbscript|data|livescript|mocha|feed):/i;
const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'srcdoc', 'lowsrc'];

/** What the detectors find in a subtree (through every shadow root). */
function scan(root: Element): string[] {
  const found: string[] = [];
  for (const el of [root, ...deepElements(root)]) {
    for (const name of el.getAttributeNames()) {
      if (/^on/i.test(name)) found.push(`${el.localName}[${name}]`);
      if (URL_ATTRS.includes(name.toLowerCase())) {
        const value = (el.getAttribute(name) ?? '').replace(/[\u0000-\u0020]/g, '');
        if (UNSAFE_URL.test(value) || (name === 'srcdoc' && value)) found.push(`${el.localName}[${name}=${value.slice(0, 40)}]`);
      }
    }
    if (el.localName === 'script' || el.localName === 'iframe' || el.localName === 'object' || el.localName === 'embed' || el.localName === 'base' || el.localName === 'meta') {
      found.push(`<${el.localName}>`);
    }
  }
  return found;
}

/** Requests to the trap host. */
const trapRequests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('xss.invalid')).map((e) => e.name);

const V = ALL_VECTORS.length;
const at = (i: number): Vector => ALL_VECTORS[((i % V) + V) % V]!;
const PANELS = 20;
const DAY = 86_400_000;

/** The records of one batch: field f of record i carries vector i + f (so over the batches every vector visits every field). */
function batch(k: number) {
  const customers: Customer[] = [];
  const base = k * PANELS;
  for (let j = 0; j < PANELS; j++) {
    const i = base + j;
    const v = (f: number) => at(i + f * 37).value;
    customers.push({
      id: `x-${i}`,
      name: v(0),
      avatarUrl: v(1),
      segment: v(2),
      tier: v(3),
      lifecycleStage: v(4),
      location: v(5),
      preferredChannel: v(6),
      company: { name: v(7) },
      tags: [v(8), v(9)],
      emails: [v(10)],
      phones: [v(11)],
      notes: [{ id: `n-${i}`, author: v(12), body: v(13), createdAt: '2026-11-01T10:00:00Z' }],
      attributes: [{ label: v(14), value: v(15) }],
      products: [{ id: `p-${i}`, name: v(16), plan: v(17), status: v(18), renewsAt: new Date(Date.now() + 5 * DAY).toISOString() }],
      orders: [{ id: v(19), placedAt: '2026-11-01T10:00:00Z', status: v(20), url: v(21), total: { amount: 1, currency: 'EUR' } }],
      openCases: [{ id: v(22), subject: v(23), status: v(24), priority: v(25), openedAt: '2026-11-01T10:00:00Z', url: v(26) }],
      health: { churnRisk: 0.9, sentimentTrend: [{ at: '2026-10-01T00:00:00Z', value: 0.5 }, { at: '2026-11-01T00:00:00Z', value: -0.5 }] },
      consent: { marketingEmail: true, sms: true, phone: true },
    });
  }
  // the first customer of the batch also has a history and suggestions carrying the batch's vectors
  const interactions: Interaction[] = [];
  const actions: NextAction[] = [];
  for (let m = 0; m < PANELS; m++) {
    const i = base + m;
    const v = (f: number) => at(i + f * 41).value;
    interactions.push({
      id: `i-${i}`,
      channel: m % 3 ? v(0) : 'email',
      occurredAt: new Date(Date.parse('2026-11-20T12:00:00Z') - m * 3_600_000).toISOString(),
      subject: v(1),
      summary: v(2),
      body: m === 0 ? { html: ALL_VECTORS.slice(base, base + PANELS).map((x) => x.value).join('\n') } : { text: v(3) },
      agent: { name: v(4) },
      status: v(5),
      caseId: v(6),
      tags: [v(7)],
      source: v(8),
      url: v(9),
      attachments: [{ name: v(10), url: v(11) }],
    });
    actions.push({ id: `a-${i}`, title: v(12), reason: v(13), channel: v(14), source: v(15), priority: 50, payload: { html: v(16) } });
  }
  return { customers, interactions, actions };
}

describe('XSS corpus', () => {
  after(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('the detectors catch an unsanitized vector (positive control)', async () => {
    const scratch = document.createElement('div');
    document.body.append(scratch);
    try {
      // deliberately unsanitized: what would happen without our defences
      scratch.innerHTML = `<img src="x" onerror="top.__xss('control')"><a href="javascript:top.__xss('control-link')">x</a><img src="//xss.invalid/control.png">`;
      await waitUntil(() => hits.includes('control'), 'the trap did not catch the handler');
      expect(scan(scratch).length, 'the DOM scan').to.be.greaterThan(1);
      await waitUntil(() => trapRequests().some((r) => r.includes('control')), 'the network detector did not catch the request');
    } finally {
      scratch.remove();
      hits.length = 0;
    }
  });

  it(`renders ${V} vectors in every field of every record type, in every element: nothing runs, loads or stays`, async function () {
    this.timeout(120_000);
    const batches = Math.ceil(V / PANELS);
    let renders = 0;
    let fields = 0;
    const requestsBefore = trapRequests().length;
    for (let k = 0; k < batches; k++) {
      const { customers, interactions, actions } = batch(k);
      configure({
        adapter: createMemoryAdapter({ customers, interactions: { [customers[0]!.id]: interactions }, nextActions: { [customers[0]!.id]: actions } }),
        cacheOptions: isolatedCacheOptions(),
      });
      const box = document.createElement('div');
      for (const c of customers) {
        const panel = document.createElement('cx-customer-panel');
        panel.customerId = c.id;
        box.append(panel);
      }
      const history = document.createElement('cx-interaction-history');
      history.customerId = customers[0]!.id;
      history.style.setProperty('--cx-history-height', '3000px');
      const next = document.createElement('cx-next-actions');
      next.customerId = customers[0]!.id;
      next.max = PANELS;
      box.append(history, next);
      document.body.append(box);
      try {
        await waitUntil(
          () =>
            [...box.querySelectorAll('cx-customer-panel')].every((p) => p.shadowRoot?.querySelector('[part~=name]')) &&
            history.shadowRoot?.querySelectorAll('article').length === PANELS &&
            next.shadowRoot?.querySelector('[part~=list]'),
          `batch ${k} did not render`,
          { timeout: 10_000 },
        );
        // open the email carrying the batch's vectors as HTML, and one text body
        history.shadowRoot!.querySelector<HTMLElement>('article[data-index="0"]')!.click();
        await waitUntil(
          () => history.shadowRoot!.querySelector('.email') || history.shadowRoot!.querySelector('[part~=detail] .text'),
          `batch ${k}: the email did not render`,
          { timeout: 5000 },
        );
        await sleep(30);
        const found = scan(box);
        expect(found, `batch ${k}: unsafe markup left in the DOM`).to.deep.equal([]);
        renders += customers.length + 3;
        fields += customers.length * 27 + PANELS * 12 + PANELS * 5;
      } finally {
        box.remove();
      }
    }
    await sleep(200);
    expect(hits, 'executions').to.deep.equal([]);
    expect(trapRequests().slice(requestsBefore), 'requests to the trap host').to.deep.equal([]);
    console.log(`XSS corpus: ${V} vectors, ${fields} field placements, ${renders} element renders, 0 executions`);
  });
});
