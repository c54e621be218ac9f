import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { InteractionQuery } from '../../src/adapters/adapter.js';
import type { CxInteractionHistoryElement } from '../../src/elements/interaction-history/interaction-history.js';
import type { Interaction } from '../../src/model/types.js';
import { generateInteractions } from '../../demo/data/seed.js';
import { ada } from '../data.js';
import { deepElements, deepText, isolatedCacheOptions, sleep } from '../helpers.js';

const ID = ada.id;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const root = (el: Element) => el.shadowRoot!;
const articles = (el: Element) => deepElements(el).filter((e) => e.localName === 'article') as HTMLElement[];
const list = (el: Element) => root(el).querySelector<HTMLElement>('[part~=list]')!;
const ready = (el: CxInteractionHistoryElement) => waitUntil(() => articles(el).length > 0, 'no items rendered', { timeout: 5000 });

/** A memory adapter that records every listInteractions query. */
function recording(interactions: Interaction[], extra: Partial<MemoryAdapter> = {}) {
  const memory = createMemoryAdapter({ customers: [ada], interactions: { [ID]: interactions } });
  const queries: Array<Omit<InteractionQuery, 'signal'>> = [];
  const adapter: MemoryAdapter = {
    ...memory,
    ...extra,
    listInteractions(id, query) {
      const { signal: _signal, ...rest } = query;
      queries.push(rest);
      return memory.listInteractions(id, query);
    },
    push: memory.push,
  };
  return { adapter, queries };
}

function sample(): Interaction[] {
  const now = Date.now();
  return [
    { id: 'i-5', channel: 'email', occurredAt: iso(now - 60_000), subject: 'Refund for order #48213', summary: 'Customer asks about <b>refund</b> status', direction: 'inbound', agent: { name: 'Sam' } },
    { id: 'i-4', channel: 'phone', occurredAt: iso(now - 3_600_000), subject: 'Call about delivery', durationSec: 312, direction: 'inbound', status: 'resolved' },
    { id: 'i-3', channel: 'chat', occurredAt: iso(now - 86_400_000 - 3_600_000), summary: 'Password reset', direction: 'inbound' },
    { id: 'i-2', channel: 'email', occurredAt: iso(now - 3 * 86_400_000), subject: 'Invoice question', body: { text: 'Hello,\nwhere is my invoice?\nThanks' } },
    { id: 'i-1', channel: 'carrier_pigeon', occurredAt: iso(now - 10 * 86_400_000), summary: 'A note by bird' },
  ];
}

describe('<cx-interaction-history>', () => {
  beforeEach(() => configure({ cacheOptions: isolatedCacheOptions(), locale: 'en-US' }));
  afterEach(() => configure({ adapter: undefined, theme: undefined, locale: undefined, cacheOptions: undefined }));

  it('shows items newest first, grouped by day, as an accessible feed', async () => {
    configure({ adapter: recording(sample()).adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    const items = articles(el);
    expect(items.map((a) => a.getAttribute('data-index'))).to.deep.equal(['0', '1', '2', '3', '4']);
    expect(items.map((a) => a.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(items.every((a) => a.getAttribute('aria-setsize') === '5')).to.equal(true);
    expect(list(el).getAttribute('role')).to.equal('feed');
    const days = [...root(el).querySelectorAll('[part~=day]')].map((d) => d.textContent!.trim());
    expect(days[0]).to.equal('Today');
    expect(days[1]).to.equal('Yesterday');
    expect(days.length).to.equal(4);
    const text = deepText(el);
    expect(text).to.contain('Refund for order #48213');
    expect(text).to.contain('5 min'); // duration
    expect(text).to.contain('carrier pigeon'); // an unknown channel under its own name
    const time = items[0]!.querySelector('time')!;
    expect(time.getAttribute('title')).to.match(/\d{4}/); // exact time on hover
    await expect(el).to.be.accessible();
  });

  it('filters by channel through the adapter and shows counts on the chips', async () => {
    const { adapter, queries } = recording(sample());
    configure({ adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    const chip = [...root(el).querySelectorAll<HTMLButtonElement>('[part~=chip]')].find((c) => c.textContent!.includes('email'))!;
    expect(chip.textContent!.replace(/\s+/g, ' ')).to.contain('email 2');
    chip.click();
    await waitUntil(() => queries.some((q) => q.channels?.join() === 'email'), 'the adapter was not asked for email');
    await waitUntil(() => articles(el).length === 2);
    expect(articles(el).every((a) => a.getAttribute('data-channel') === 'email')).to.equal(true);
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('honours the channels attribute, and says so when a channel has nothing', async () => {
    configure({ adapter: recording(sample()).adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID} channels="sms"></cx-interaction-history>`);
    await waitUntil(() => deepText(el).includes('No interactions on SMS yet.'));
    await expect(el).to.be.accessible();
  });

  it('searches through the adapter, filters what is loaded at once, and highlights matches as text', async () => {
    const { adapter, queries } = recording(sample());
    configure({ adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    const input = root(el).querySelector<HTMLInputElement>('[part~=search]')!;
    input.value = 'refund';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // instant, before the adapter answers
    expect(articles(el).length).to.equal(1);
    await waitUntil(() => queries.some((q) => q.search === 'refund'), 'the search was not sent to the adapter');
    const marks = [...root(el).querySelectorAll('mark')];
    expect(marks.length).to.be.greaterThan(0);
    expect(marks.every((m) => m.textContent!.toLowerCase() === 'refund')).to.equal(true);
    // the summary holds "<b>refund</b>" as text: shown literally, with the match marked inside it
    const summary = root(el).querySelector('.summary')!;
    expect(summary.textContent).to.contain('<b>refund</b>');
    expect(summary.querySelector('b')).to.equal(null);
    input.value = 'nothing-like-this';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => deepText(el).includes('Nothing matches “nothing-like-this”.'));
    await expect(el).to.be.accessible();
  });

  it('jumps to a date with the adapter’s before', async () => {
    const { adapter, queries } = recording(sample());
    configure({ adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    const day = new Date(Date.now() - 2 * 86_400_000);
    const value = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const input = root(el).querySelector<HTMLInputElement>('[part~=date]')!;
    input.value = value;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => queries.some((q) => q.before));
    const before = Date.parse(queries.find((q) => q.before)!.before!);
    const endOfDay = new Date(`${value}T00:00:00`);
    endOfDay.setDate(endOfDay.getDate() + 1);
    expect(before).to.equal(endOfDay.getTime());
    await waitUntil(() => articles(el).length === 2);
    expect(articles(el).map((a) => a.textContent)).to.satisfy((t: string[]) => t[0]!.includes('Invoice question'));
  });

  it('moves with j/k and the arrows, opens with Enter, closes with Escape', async () => {
    configure({ adapter: recording(sample()).adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    articles(el)[0]!.focus();
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'k' });
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('data-index')).to.equal('2');
    const selected = oneEvent(el, 'cx-interaction-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await selected;
    expect(detail).to.deep.include({ customerId: ID });
    expect(detail.interaction.id).to.equal('i-3');
    await waitUntil(() => root(el).querySelector('[part~=detail]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('[part~=detail]'));
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('data-index')).to.equal('2');
  });

  it('shows a plain-text body with its line breaks', async () => {
    configure({ adapter: recording(sample()).adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    (articles(el).find((a) => a.textContent!.includes('Invoice question')) as HTMLElement).click();
    await waitUntil(() => root(el).querySelector('[part~=detail] .text'));
    const body = root(el).querySelector<HTMLElement>('[part~=detail] .text')!;
    expect(body.textContent).to.equal('Hello,\nwhere is my invoice?\nThanks');
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
  });

  it('announces a live item politely, keeps the reading position, and offers an "N new" pill', async () => {
    const many = generateInteractions(ada, { count: 300 }) as Interaction[];
    const { adapter } = recording(many);
    configure({ adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    const live = root(el).querySelector('[aria-live=polite]')!;
    const before = live.textContent;
    adapter.push(ID, { type: 'interaction', interaction: { id: 'live-1', channel: 'sms', occurredAt: iso(Date.now()), subject: 'Where is my parcel?' } });
    await waitUntil(() => live.textContent !== before, 'nothing was announced');
    expect(live.textContent).to.contain('Where is my parcel?');
    await waitUntil(() => articles(el)[0]?.textContent?.includes('Where is my parcel?'));
    // scrolled away: the item in view stays in view, and a pill counts what is new
    const l = list(el);
    l.scrollTop = 2000;
    l.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const firstVisible = () => articles(el).find((a) => a.getBoundingClientRect().top >= l.getBoundingClientRect().top)!;
    const anchor = firstVisible().getAttribute('data-index');
    const anchorId = anchor && articles(el).find((a) => a.getAttribute('data-index') === anchor)!.querySelector('.title')!.textContent;
    adapter.push(ID, { type: 'interaction', interaction: { id: 'live-2', channel: 'chat', occurredAt: iso(Date.now()), subject: 'Second live item' } });
    await waitUntil(() => root(el).querySelector('[part~=new-pill]'), 'no pill');
    expect(root(el).querySelector('[part~=new-pill]')!.textContent).to.contain('1 new');
    expect(firstVisible().querySelector('.title')!.textContent).to.equal(anchorId);
    await expect(el).to.be.accessible();
    (root(el).querySelector('[part~=new-pill]') as HTMLButtonElement).click();
    await waitUntil(() => list(el).scrollTop === 0 && articles(el)[0]?.textContent?.includes('Second live item'));
  });

  it('says in words when loading fails, with a retry', async () => {
    let fail = true;
    const { adapter } = recording(sample());
    const failing: MemoryAdapter = {
      ...adapter,
      async listInteractions(id, q) {
        if (fail) throw Object.assign(new Error('down'), { status: 503 });
        return adapter.listInteractions(id, q);
      },
    };
    configure({ adapter: failing });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await waitUntil(() => root(el).querySelector('[role=alert]'));
    expect(deepText(el)).to.contain('failed to answer');
    await expect(el).to.be.accessible();
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part~=retry]')!.click();
    await ready(el);
  });

  it('shows cached items marked as refreshing while they revalidate, accessibly', async () => {
    const options = isolatedCacheOptions({ staleTime: 10 });
    configure({ cacheOptions: options });
    const { adapter } = recording(sample());
    let hold = false;
    configure({
      adapter: {
        ...adapter,
        async listInteractions(id, q) {
          if (hold) await new Promise(() => undefined);
          return adapter.listInteractions(id, q);
        },
      },
    });
    const first = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(first);
    first.remove();
    await sleep(30);
    hold = true;
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    await waitUntil(() => root(el).querySelector('[part~=freshness]')?.textContent?.includes('refreshing'), 'not marked as refreshing');
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading and when there is nothing yet', async () => {
    const never = new Promise<never>(() => undefined);
    configure({ adapter: { ...recording([]).adapter, listInteractions: () => never } });
    const loading = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    expect(deepText(loading)).to.contain('Loading interactions…');
    await expect(loading).to.be.accessible();
    configure({ adapter: recording([]).adapter, theme: 'dark' });
    const empty = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await waitUntil(() => deepText(empty).includes('No interactions yet.'));
    await expect(empty).to.be.accessible();
  });
});

describe('<cx-interaction-history> with 100,000 interactions', () => {
  const all = generateInteractions(ada, { count: 100_000 }) as Interaction[];
  const expected = [...all].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

  afterEach(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('keeps the DOM bounded at the top, the middle and the end, and pages by cursor to get there', async function () {
    this.timeout(120_000);
    configure({ cacheOptions: isolatedCacheOptions() });
    const { adapter, queries } = recording(all);
    configure({ adapter });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID} page-size="500"></cx-interaction-history>`);
    await ready(el);
    const l = list(el);
    const check = (where: string) => {
      const rendered = articles(el);
      expect(rendered.length, `${where}: rendered`).to.be.greaterThan(0).and.lessThan(200);
      for (const a of rendered) {
        const i = Number(a.getAttribute('data-index'));
        expect(a.querySelector('.title')!.textContent, `${where}: item ${i}`).to.equal(expected[i]!.subject ?? expected[i]!.summary);
      }
      return rendered;
    };
    const top = check('top');
    expect(top[0]!.getAttribute('data-index')).to.equal('0');
    // scroll to the end, page after page
    for (let guard = 0; guard < 400; guard++) {
      l.scrollTop = l.scrollHeight;
      l.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      if (!queries.length || articles(el).some((a) => a.getAttribute('data-index') === String(expected.length - 1))) break;
      await sleep(5);
    }
    const end = check('end');
    expect(end.some((a) => a.getAttribute('data-index') === String(expected.length - 1)), 'the last item is rendered').to.equal(true);
    expect(queries.length).to.equal(Math.ceil(expected.length / 500));
    expect(queries.slice(1).every((q) => typeof q.cursor === 'string')).to.equal(true);
    l.scrollTop = l.scrollHeight / 2;
    l.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const middle = check('middle');
    const indices = middle.map((a) => Number(a.getAttribute('data-index')));
    expect(Math.min(...indices)).to.be.within(40_000, 60_000);
  });
});

describe('<cx-interaction-history> switching customers', () => {
  afterEach(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('never shows the previous customer’s items while the next one loads', async () => {
    configure({ cacheOptions: isolatedCacheOptions() });
    const memory = createMemoryAdapter({
      customers: [ada, { id: 'other', name: 'Other' }],
      interactions: { [ID]: sample(), other: [{ id: 'o-1', channel: 'chat', occurredAt: iso(Date.now()), subject: 'Other customer item' }] },
      latencyMs: 300,
    });
    configure({ adapter: memory });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await ready(el);
    el.customerId = 'other';
    await el.updateComplete;
    expect(deepText(el)).not.to.contain('Refund for order');
    await waitUntil(() => deepText(el).includes('Other customer item'));
  });
});
