import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createRestAdapter } from '../../src/adapters/rest/rest-adapter.js';
import type { CxNextActionsElement } from '../../src/elements/next-actions/next-actions.js';
import { deepText, isolatedCacheOptions, sleep } from '../helpers.js';
import { Scope } from './backend.js';

const ID = 'c-1002';
const root = (el: Element) => el.shadowRoot!;

function tab(src: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  const loaded = new Promise<HTMLIFrameElement>((r) => iframe.addEventListener('load', () => r(iframe), { once: true }));
  iframe.src = src;
  document.body.append(iframe);
  return loaded;
}

describe('feedback outbox against the demo backend', () => {
  afterEach(() => {
    configure({ adapter: undefined, cacheOptions: undefined });
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('keeps decisions made while the backend is down and delivers each once, in order, across reloads and tabs', async function () {
    this.timeout(30_000);
    const scope = new Scope();
    const options = isolatedCacheOptions();
    configure({ adapter: createRestAdapter({ baseUrl: scope.baseUrl }), cacheOptions: options });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id=${ID}></cx-next-actions>`);
    await waitUntil(() => root(el).querySelectorAll('[part~=action]').length >= 3, 'suggestions did not load', { timeout: 5000 });

    await scope.settings({ offline: true });
    const decided: string[] = [];
    for (let n = 0; n < 3; n++) {
      const card = root(el).querySelector<HTMLElement>('[part~=action]')!;
      decided.push(card.dataset['id']!);
      if (n === 2) {
        card.querySelector<HTMLButtonElement>('[part~=dismiss]')!.click();
        await el.updateComplete;
        root(el).querySelector<HTMLButtonElement>('.reason-choice')!.click();
      } else card.querySelector<HTMLButtonElement>('[part~=accept]')!.click();
      await waitUntil(() => !root(el).querySelector(`[data-id="${CSS.escape(decided[n]!)}"]`));
    }
    await waitUntil(async () => (await scope.requests(/feedback$/, 'POST')).length >= 1, 'nothing was even tried', { timeout: 5000 });
    expect((await scope.log()).filter((r) => r.method === 'POST' && r.status !== null && r.status < 300)).to.deep.equal([]);
    el.remove(); // this page goes away

    // the backend comes back; two other pages (tabs) of the same agent open
    await scope.settings({ offline: false });
    const src = `/test/fixtures/rest-actions.html?base=${encodeURIComponent(scope.baseUrl)}&ns=${options.namespace}&customer=${ID}`;
    const tabs = await Promise.all([tab(src), tab(src)]);
    await waitUntil(async () => {
      const r = await fetch(`/__control/${scope.name}/log`);
      return ((await r.json()) as { feedback: unknown[] }).feedback.length >= 3;
    }, 'the queued decisions never arrived', { timeout: 15_000 });
    await sleep(1500); // time for any duplicate to show up

    const log = (await (await fetch(`/__control/${scope.name}/log`)).json()) as {
      feedback: Array<{ actionId: string; body: { decisionId: string; outcome: string } }>;
      requests: Array<{ method: string; path: string; status: number | null; idempotencyKey: string | null }>;
    };
    expect(log.feedback.map((f) => f.actionId)).to.deep.equal(decided);
    expect(log.feedback.map((f) => f.body.outcome)).to.deep.equal(['accepted', 'accepted', 'dismissed']);
    const posts = log.requests.filter((r) => r.method === 'POST');
    for (const f of log.feedback) {
      const mine = posts.filter((p) => p.idempotencyKey === f.body.decisionId);
      const ok = mine.findIndex((p) => p.status !== null && p.status < 300);
      expect(ok, `${f.actionId} was delivered`).to.be.at.least(0);
      expect(mine.slice(ok + 1), `${f.actionId} was sent again after its 2xx`).to.deep.equal([]);
    }
    // the other tabs show the decisions too (kept per customer and agent)
    for (const t of tabs) {
      const other = t.contentDocument!.querySelector('cx-next-actions')!;
      await waitUntil(() => other.shadowRoot?.querySelector('[part~=list], [part~=empty]'));
      for (const id of decided) expect(other.shadowRoot!.querySelector(`[data-id="${CSS.escape(id)}"]`), id).to.equal(null);
    }
  });

  it('asks for each resource once when all three sections show one customer', async () => {
    const scope = new Scope();
    configure({ adapter: createRestAdapter({ baseUrl: scope.baseUrl }), cacheOptions: isolatedCacheOptions() });
    const desk = await fixture(html`<cx-desk customer-id=${ID}></cx-desk>`);
    await waitUntil(() => deepText(desk).includes('Northwind') && !!desk.shadowRoot!.querySelector('cx-next-actions')!.shadowRoot!.querySelector('[part~=list]'), 'the desk did not load', { timeout: 5000 });
    await waitUntil(() => desk.shadowRoot!.querySelector('cx-interaction-history')!.shadowRoot!.querySelector('article'), 'no history', { timeout: 5000 });
    await sleep(500);
    const gets = (await scope.log()).filter((r) => r.method === 'GET');
    const count = (path: string) => gets.filter((r) => r.path === path).length;
    expect(count(`customers/${ID}`)).to.equal(1);
    expect(count(`customers/${ID}/interactions`)).to.equal(1);
    expect(count(`customers/${ID}/next-actions`)).to.equal(1);
    expect(count(`customers/${ID}/events`)).to.equal(1);
  });
});
