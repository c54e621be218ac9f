import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxNextActionsElement } from '../../src/elements/next-actions/next-actions.js';
import type { Customer, NextAction } from '../../src/model/types.js';
import { deepText, isolatedCacheOptions, sleep } from '../helpers.js';

const iso = (ms: number) => new Date(ms).toISOString();
const root = (el: Element) => el.shadowRoot!;
const titles = (el: Element) => [...root(el).querySelectorAll('[part~=action] [part~=title]')].map((t) => t.textContent);
const ready = (el: Element) => waitUntil(() => root(el).querySelector('[part~=list], [part~=empty]'), 'suggestions did not load', { timeout: 5000 });
const card = (el: Element, title: string) => [...root(el).querySelectorAll<HTMLElement>('[part~=action]')].find((a) => a.textContent!.includes(title))!;

const customer: Customer = {
  id: 'c-1',
  name: 'Ada',
  health: { churnRisk: 0.85 },
  consent: { marketingEmail: false, phone: true },
};
const suggestions: NextAction[] = [
  { id: 'a-low', title: 'Send a survey', priority: 20, confidence: 0.4, kind: 'other' },
  { id: 'a-offer', title: 'Email a loyalty offer', priority: 95, confidence: 0.9, kind: 'retention', requiresConsent: 'marketingEmail', payload: { offer: 'LOYAL10' } },
  { id: 'a-call', title: 'Call about the invoice', priority: 60, confidence: 0.7, kind: 'service', channel: 'phone', requiresConsent: 'phone', payload: { workflow: 'invoice-call' } },
  { id: 'a-sms', title: 'Text the tracking link', priority: 50, confidence: 0.8, kind: 'service', requiresConsent: 'sms' },
  { id: 'a-old', title: 'Expired offer', priority: 99, expiresAt: iso(Date.now() - 60_000) },
];

function adapter(c: Customer = customer, actions: NextAction[] = suggestions): MemoryAdapter {
  return createMemoryAdapter({ customers: [c], nextActions: { [c.id]: actions } });
}

describe('<cx-next-actions>', () => {
  beforeEach(() => configure({ cacheOptions: isolatedCacheOptions(), locale: 'en-US' }));
  afterEach(() => configure({ adapter: undefined, theme: undefined, rules: undefined, cacheOptions: undefined }));

  it('ranks adapter and rule suggestions together, explains each, and hides expired ones', async () => {
    configure({ adapter: adapter() });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(el);
    expect(titles(el)).to.deep.equal(['Call to keep the customer', 'Call about the invoice', 'Send a survey']);
    const rule = card(el, 'Call to keep the customer');
    expect(rule.querySelector('[part~=reason]')!.textContent).to.contain('Churn risk is high (85%).');
    expect(rule.querySelector('[part~=meta]')!.textContent).to.contain('from local rules');
    expect(card(el, 'Call about the invoice').querySelector('[part~=meta]')!.textContent).to.contain('Medium confidence (70%)');
    expect(deepText(el)).not.to.contain('Expired offer');
    await expect(el).to.be.accessible();
  });

  it('holds back what needs a consent that is declined or not known, and says why', async () => {
    configure({ adapter: adapter() });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(el);
    expect(titles(el)).not.to.include('Email a loyalty offer');
    expect(titles(el)).not.to.include('Text the tracking link');
    const held = root(el).querySelector('[part~=held-back]')!;
    expect(held.querySelector('summary')!.textContent).to.contain('2 suggestions held back for consent');
    const text = held.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Email a loyalty offer — needs consent for Marketing email: declined');
    expect(text).to.contain('Text the tracking link — needs consent for SMS: not known');
    // the same offer is made once consent is given
    configure({ adapter: adapter({ ...customer, consent: { marketingEmail: true, phone: true } }) });
    await waitUntil(() => titles(el).includes('Email a loyalty offer'));
  });

  it('treats missing consent as not given', async () => {
    const { consent: _none, ...noConsent } = customer;
    configure({ adapter: adapter(noConsent as Customer) });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(el);
    expect(titles(el)).to.deep.equal(['Call to keep the customer', 'Send a survey']);
  });

  it('respects max and the rules option', async () => {
    configure({ adapter: adapter(), rules: { builtIn: false, custom: [{ id: 'vip', when: () => true, title: 'Say thanks', reason: 'Loyal', kind: 'other', priority: 100 }] } });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1" max="2"></cx-next-actions>`);
    await ready(el);
    expect(titles(el)).to.deep.equal(['Say thanks', 'Call about the invoice']);
  });

  it('accept fires a cancelable event with the payload; preventDefault keeps it and sends nothing', async () => {
    const a = adapter();
    configure({ adapter: a });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(el);
    const kept = oneEvent(el, 'cx-action-accept');
    el.addEventListener('cx-action-accept', (e) => e.preventDefault(), { once: true });
    card(el, 'Call about the invoice').querySelector<HTMLButtonElement>('[part~=accept]')!.click();
    const first = await kept;
    expect(first.detail.action.payload).to.deep.equal({ workflow: 'invoice-call' });
    expect(first.cancelable).to.equal(true);
    await sleep(100);
    expect(titles(el)).to.include('Call about the invoice');
    expect(a.feedback).to.deep.equal([]);
    const accepted = oneEvent(el, 'cx-action-accept');
    card(el, 'Call about the invoice').querySelector<HTMLButtonElement>('[part~=accept]')!.click();
    expect((await accepted).detail).to.deep.include({ customerId: 'c-1' });
    await waitUntil(() => !titles(el).includes('Call about the invoice'));
    await waitUntil(() => a.feedback.length === 1);
    expect(a.feedback[0]).to.deep.include({ customerId: 'c-1', actionId: 'a-call' });
    expect(a.feedback[0]!.feedback.outcome).to.equal('accepted');
    expect(a.feedback[0]!.feedback.decisionId).to.match(/^[0-9a-f-]{36}$/);
    expect(root(el).querySelector('[aria-live=polite]')!.textContent).to.contain('Accepted: Call about the invoice');
  });

  it('dismiss asks why and sends that reason; the decision survives a reload', async () => {
    const a = adapter();
    const options = isolatedCacheOptions();
    configure({ adapter: a, cacheOptions: options });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(el);
    card(el, 'Send a survey').querySelector<HTMLButtonElement>('[part~=dismiss]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const input = root(el).querySelector<HTMLInputElement>('[part~=form] input')!;
    input.value = 'Customer hates surveys';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const dismissed = oneEvent(el, 'cx-action-dismiss');
    [...root(el).querySelectorAll<HTMLButtonElement>('[part~=form] button')].find((b) => b.textContent!.includes('Dismiss it'))!.click();
    expect((await dismissed).detail.reason).to.equal('Customer hates surveys');
    await waitUntil(() => a.feedback.length === 1);
    expect(a.feedback[0]!.feedback).to.include({ outcome: 'dismissed', reason: 'Customer hates surveys' });
    // another element (as after a reload) for the same customer and agent keeps it dismissed
    await sleep(50);
    const again = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(again);
    await waitUntil(() => !titles(again).includes('Send a survey'), 'the dismissal was forgotten');
  });

  it('snooze fires its event and hides the suggestion until the time passes', async () => {
    const a = adapter();
    configure({ adapter: a });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(el);
    card(el, 'Send a survey').querySelector<HTMLButtonElement>('[part~=snooze]')!.click();
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('[part~=form] input[type=datetime-local]')!;
    const until = new Date(Date.now() + 2500);
    const p = (n: number) => String(n).padStart(2, '0');
    // datetime-local has minute precision: set the value through the element's state instead
    input.value = `${until.getFullYear()}-${p(until.getMonth() + 1)}-${p(until.getDate())}T${p(until.getHours())}:${p(until.getMinutes())}:${p(until.getSeconds())}`;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const snoozed = oneEvent(el, 'cx-action-snooze');
    [...root(el).querySelectorAll<HTMLButtonElement>('[part~=form] button')].find((b) => b.textContent!.trim() === 'Snooze')!.click();
    const { detail } = await snoozed;
    expect(Date.parse(detail.until)).to.be.closeTo(until.getTime(), 1000);
    await waitUntil(() => !titles(el).includes('Send a survey'));
    await waitUntil(() => a.feedback.some((f) => f.feedback.outcome === 'snoozed'));
    await waitUntil(() => titles(el).includes('Send a survey'), 'it did not come back after the snooze', { timeout: 5000 });
  });

  it('is operable by keyboard: accept and dismiss', async () => {
    configure({ adapter: adapter() });
    const el = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await ready(el);
    card(el, 'Call to keep the customer').querySelector<HTMLButtonElement>('[part~=accept]')!.focus();
    const accepted = oneEvent(el, 'cx-action-accept');
    await sendKeys({ press: 'Enter' });
    expect((await accepted).detail.action.id).to.equal('rule:churn-risk-retention');
    await waitUntil(() => !titles(el).includes('Call to keep the customer'));
    // focus went back to the list: tab to "Dismiss" of the first suggestion and choose a reason
    await waitUntil(() => root(el).activeElement?.getAttribute('part') === 'accept');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('part')).to.equal('dismiss');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.classList.contains('reason-choice'));
    const dismissed = oneEvent(el, 'cx-action-dismiss');
    await sendKeys({ press: 'Enter' });
    expect((await dismissed).detail.reason).to.equal('Not relevant');
  });

  it('says in words when suggestions cannot load, and is accessible in every state', async () => {
    const never = new Promise<never>(() => undefined);
    configure({ adapter: { ...adapter(), getNextActions: () => never } });
    const loading = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    expect(deepText(loading)).to.contain('Loading suggestions…');
    await expect(loading).to.be.accessible();
    configure({
      adapter: {
        ...adapter(),
        getNextActions: async () => {
          throw Object.assign(new Error('nope'), { status: 500 });
        },
      },
    });
    const failed = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await waitUntil(() => root(failed).querySelector('[role=alert]'));
    expect(deepText(failed)).to.contain('failed to answer');
    await expect(failed).to.be.accessible();
    configure({ adapter: adapter({ id: 'c-1', name: 'Calm' }, []), theme: 'dark' });
    const empty = await fixture<CxNextActionsElement>(html`<cx-next-actions customer-id="c-1"></cx-next-actions>`);
    await waitUntil(() => deepText(empty).includes('No suggestions right now.'));
    await expect(empty).to.be.accessible();
  });

  it('updates on a live next-actions event', async () => {
    const a = adapter();
    configure({ adapter: a });
    const desk = await fixture(html`<cx-desk customer-id="c-1" .adapter=${a}></cx-desk>`);
    const el = desk.shadowRoot!.querySelector('cx-next-actions')!;
    await ready(el);
    a.push('c-1', { type: 'next-actions', actions: [{ id: 'new', title: 'A brand new idea', priority: 100 }] });
    await waitUntil(() => titles(el).includes('A brand new idea'));
    expect(titles(el)).not.to.include('Call about the invoice');
  });
});
