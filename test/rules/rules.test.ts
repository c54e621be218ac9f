import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import { BUILT_IN_RULES, evaluateRules, mergeActions, rankActions, type CxRule } from '../../src/rules/rules.js';
import type { Customer, NextAction } from '../../src/model/types.js';

const DAY = 86_400_000;
const now = Date.parse('2026-11-20T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const base: Customer = { id: 'c', name: 'C' };

describe('rules', () => {
  it('has four built-ins with stable ids', () => {
    expect(BUILT_IN_RULES.map((r) => r.id)).to.deep.equal([
      'churn-risk-retention',
      'negative-sentiment-recovery',
      'open-case-follow-up',
      'renewal-check-in',
    ]);
  });

  it('fires each built-in only when its condition holds', () => {
    const fired = (c: Customer) => evaluateRules(undefined, { customer: c, interactions: [], now }).map((a) => a.id);
    expect(fired(base)).to.deep.equal([]);
    expect(fired({ ...base, health: { churnRisk: 0.82 } })).to.deep.equal(['rule:churn-risk-retention']);
    expect(fired({ ...base, health: { churnRisk: 0.5 } })).to.deep.equal([]);
    expect(
      fired({ ...base, health: { sentimentTrend: [{ at: iso(now - 30 * DAY), value: 0.3 }, { at: iso(now), value: -0.2 }] } }),
    ).to.deep.equal(['rule:negative-sentiment-recovery']);
    expect(fired({ ...base, openCases: [{ id: 'K', subject: 'S', openedAt: iso(now - 3 * DAY) }] })).to.deep.equal(['rule:open-case-follow-up']);
    expect(fired({ ...base, openCases: [{ id: 'K', subject: 'S', openedAt: iso(now - 1 * DAY) }] })).to.deep.equal([]);
    expect(fired({ ...base, products: [{ id: 'p', name: 'Plan', renewsAt: iso(now + 12 * DAY) }] })).to.deep.equal(['rule:renewal-check-in']);
    expect(fired({ ...base, products: [{ id: 'p', name: 'Plan', renewsAt: iso(now + 90 * DAY) }] })).to.deep.equal([]);
  });

  it('explains itself with the customer’s own figures', () => {
    const [a] = evaluateRules(undefined, { customer: { ...base, health: { churnRisk: 0.82 } }, interactions: [], now });
    expect(a).to.include({ reason: 'Churn risk is high (82%).', kind: 'retention', source: 'rules' });
    const [b] = evaluateRules(undefined, { customer: { ...base, products: [{ id: 'p', name: 'Cloud Backup', renewsAt: iso(now + 12 * DAY) }] }, interactions: [], now });
    expect(b!.reason).to.equal('Cloud Backup renews in 12 days.');
  });

  it('keeps, picks or switches off built-ins, adds custom rules, and skips a rule that throws', () => {
    const risky: Customer = { ...base, health: { churnRisk: 0.9 }, openCases: [{ id: 'K', subject: 'S', openedAt: iso(now - 5 * DAY) }] };
    const ctx = { customer: risky, interactions: [], now };
    expect(evaluateRules({ builtIn: false }, ctx)).to.deep.equal([]);
    expect(evaluateRules({ builtIn: ['open-case-follow-up'] }, ctx).map((a) => a.id)).to.deep.equal(['rule:open-case-follow-up']);
    const custom: CxRule = { id: 'vip', when: () => true, title: 'VIP', reason: 'Always', kind: 'other', priority: 1, requiresConsent: 'sms' };
    const broken = { id: 'broken', when: () => { throw new Error('bug'); }, title: 'x', reason: 'x', kind: 'other', priority: 1 } as CxRule;
    const { warn } = console;
    console.warn = () => undefined;
    try {
      const out = evaluateRules({ builtIn: false, custom: [custom, broken] }, ctx);
      expect(out).to.deep.equal([{ id: 'rule:vip', title: 'VIP', reason: 'Always', kind: 'other', priority: 1, source: 'rules', requiresConsent: 'sms' }]);
    } finally {
      console.warn = warn;
    }
  });

  it('ranks by priority, then confidence, then title', () => {
    const a = (id: string, priority?: number, confidence?: number): NextAction => ({ id, title: id, ...(priority !== undefined ? { priority } : {}), ...(confidence !== undefined ? { confidence } : {}) });
    expect(rankActions([a('b', 10, 0.5), a('a', 10, 0.9), a('c', 50), a('d'), a('e', 10, 0.5)]).map((x) => x.id)).to.deep.equal(['c', 'a', 'b', 'e', 'd']);
  });

  it('merges adapter and rule suggestions, one per id (the adapter’s wins), ranked together', () => {
    const merged = mergeActions(
      [{ id: 'x', title: 'From the adapter', priority: 60 }, { id: 'rule:churn-risk-retention', title: 'Adapter version', priority: 10 }],
      [{ id: 'rule:churn-risk-retention', title: 'Rule version', priority: 90 }, { id: 'rule:y', title: 'Rule only', priority: 70 }],
    );
    expect(merged.map((m) => m.title)).to.deep.equal(['Rule only', 'From the adapter', 'Adapter version']);
  });
});
