import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import {
  checkCustomer,
  checkInteractionPage,
  checkNextActions,
  checkLiveEvent,
  formatIssue,
} from '../../src/model/schema.js';
import { ada as full, adaInteractions, data as dataset } from '../data.js';

describe('schema: customer', () => {
  it('accepts a full generated customer unchanged, with no notices', () => {
    const r = checkCustomer(full);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.notices).to.deep.equal([]);
    expect(r.value).to.deep.equal(full);
  });

  it('accepts every generated customer', () => {
    for (const c of dataset.customers) {
      const r = checkCustomer(c);
      expect(r.ok, JSON.stringify(r)).to.equal(true);
      if (r.ok) expect(r.notices, c.id).to.deep.equal([]);
    }
  });

  it('accepts a minimal customer (id and name only)', () => {
    const r = checkCustomer({ id: 'c-1', name: 'Min' });
    expect(r).to.deep.equal({ ok: true, value: { id: 'c-1', name: 'Min' }, notices: [] });
  });

  it('makes the record invalid when a required field is missing or wrong, naming each path', () => {
    const r = checkCustomer({ id: '', name: 42 });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.issues.map(formatIssue)).to.deep.equal([
      'customer.id: expected an id (non-empty text)',
      'customer.name: expected non-empty text',
    ]);
    const missing = checkCustomer({ name: 'No id' });
    expect(!missing.ok && missing.issues.map(formatIssue)).to.deep.equal(['customer.id: is required']);
  });

  it('rejects a record that is not an object', () => {
    for (const x of [null, 'Ada', 42, [], undefined]) {
      const r = checkCustomer(x);
      expect(r.ok).to.equal(false);
    }
  });

  it('drops a wrong optional field with a notice and keeps the rest', () => {
    const r = checkCustomer({ ...full, health: { ...full.health, nps: 150 } });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.notices).to.deep.equal([
      { path: 'customer.health.nps', message: 'expected a whole number from -100 to 100', dropped: 'customer.health.nps' },
    ]);
    expect(r.value.health?.nps).to.equal(undefined);
    expect(r.value.health?.churnRisk).to.equal(full.health.churnRisk);
    expect(r.value.orders).to.deep.equal(full.orders);
  });

  it('drops a list item whose required field is wrong, keeping the other items', () => {
    const orders = [full.orders[0], { ...full.orders[1], id: undefined }, ...full.orders.slice(2)];
    const r = checkCustomer({ ...full, orders });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.orders).to.have.length(full.orders.length - 1);
    expect(r.notices.map((n) => [n.path, n.dropped])).to.deep.equal([['customer.orders[1].id', 'customer.orders[1]']]);
  });

  it('keeps unknown fields, treats null optional fields as absent, and turns numeric ids into text', () => {
    const r = checkCustomer({ id: 77, name: 'X', crmScore: { a: 1 }, segment: null, emails: ['x@example.com', 5] });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.id).to.equal('77');
    expect(r.value['crmScore']).to.deep.equal({ a: 1 });
    expect('segment' in r.value).to.equal(false);
    expect(r.value.emails).to.deep.equal(['x@example.com']);
    expect(r.notices.map(formatIssue)).to.deep.equal(['customer.emails[1]: expected an email address']);
  });

  it('drops unsafe URLs, bad time zones, languages and currencies', () => {
    const r = checkCustomer({
      id: 'c',
      name: 'X',
      avatarUrl: 'javascript:alert(1)',
      timezone: 'Mars/Olympus',
      language: 'not a tag!',
      lifetimeValue: { amount: 10, currency: 'dollars' },
      orders: [{ id: 'o1', placedAt: '2026-01-01T00:00:00Z', url: ' JaVa\tScRiPt:alert(1)' }],
    });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.avatarUrl).to.equal(undefined);
    expect(r.value.timezone).to.equal(undefined);
    expect(r.value.language).to.equal(undefined);
    expect(r.value.lifetimeValue).to.equal(undefined);
    expect(r.value.orders?.[0]?.url).to.equal(undefined);
    expect(r.notices.map((n) => n.path)).to.deep.equal([
      'customer.avatarUrl',
      'customer.lifetimeValue.currency',
      'customer.language',
      'customer.timezone',
      'customer.orders[0].url',
    ]);
  });
});

describe('schema: interaction pages', () => {
  const items = adaInteractions.slice(0, 6);

  it('takes no calendar day that does not exist, though Date.parse would', () => {
    const days = ['2026-02-30T10:00:00.000Z', '2026-04-31T00:00:00Z', '2025-02-29T12:00:00+01:00', '2024-02-29T12:00:00Z', '2026-12-31T23:59:59.999Z'];
    const r = checkInteractionPage({ items: days.map((occurredAt, n) => ({ ...items[0], id: `d-${n}`, occurredAt })) });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.items.map((i) => i.occurredAt)).to.deep.equal(['2024-02-29T12:00:00Z', '2026-12-31T23:59:59.999Z']);
    expect(r.invalid.map(formatIssue)).to.deep.equal([0, 1, 2].map((n) => `interactions[${n}].occurredAt: expected an ISO date-time`));
  });

  it('reports an item with a wrong required field by its exact path and keeps the others', () => {
    const bad = items.map((i, n) => (n === 3 ? { ...i, occurredAt: 'yesterday' } : i));
    const r = checkInteractionPage({ items: bad, nextCursor: 'abc', total: 6 });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.items.map((i) => i.id)).to.deep.equal(items.filter((_, n) => n !== 3).map((i) => i.id));
    expect(r.invalid.map(formatIssue)).to.deep.equal(['interactions[3].occurredAt: expected an ISO date-time']);
    expect(r.nextCursor).to.equal('abc');
    expect(r.total).to.equal(6);
  });

  it('keeps an unknown channel as it is', () => {
    const r = checkInteractionPage({ items: [{ id: 'i', channel: 'carrier_pigeon', occurredAt: '2026-01-01T10:00:00+01:00' }] });
    expect(r.ok && r.items[0]?.channel).to.equal('carrier_pigeon');
  });

  it('rejects a page that is not a page', () => {
    expect(checkInteractionPage([]).ok).to.equal(false);
    expect(checkInteractionPage({ items: 'nope' }).ok).to.equal(false);
  });

  it('drops bad counts but keeps the page', () => {
    const r = checkInteractionPage({ items, counts: { email: 3, chat: -1 } });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.counts).to.deep.equal({ email: 3 });
    expect(r.notices.map((n) => n.path)).to.deep.equal(['page.counts.chat']);
  });
});

describe('schema: next actions and live events', () => {
  it('drops an unknown kind with a notice and leaves out an action without title', () => {
    const r = checkNextActions([
      { id: 'a', title: 'Call back', kind: 'telepathy', confidence: 0.5 },
      { id: 'b' },
    ]);
    expect('error' in r).to.equal(false);
    if ('error' in r) return;
    expect(r.items).to.deep.equal([{ id: 'a', title: 'Call back', confidence: 0.5 }]);
    expect(r.notices.map((n) => n.path)).to.deep.equal(['nextActions[0].kind']);
    expect(r.invalid.map(formatIssue)).to.deep.equal(['nextActions[1].title: is required']);
  });

  it('validates live events by type', () => {
    expect(checkLiveEvent({ type: 'interaction', interaction: { id: 'i', channel: 'sms', occurredAt: '2026-01-01T00:00:00Z' } }).ok).to.equal(true);
    const bad = checkLiveEvent({ type: 'customer', customer: { id: 'c' } });
    expect(!bad.ok && bad.issues.map(formatIssue)).to.deep.equal(['event.customer.name: is required']);
    expect(checkLiveEvent({ type: 'weather' }).ok).to.equal(false);
  });
});
