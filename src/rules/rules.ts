/**
 * Local rules: suggestions worked out in the browser from the customer and their history, so next
 * best actions work without a server-side engine. A small built-in set with stable ids can be kept,
 * picked or switched off; integrators add their own.
 */
import type { ActionKind, ConsentKind, Customer, Interaction, NextAction } from '../model/types.js';

/** What a rule sees. */
export interface CxRuleContext {
  customer: Customer;
  /** The newest interactions loaded (the history's first page). */
  interactions: Interaction[];
  /** ms since epoch, for time-based rules. */
  now: number;
}

/**
 * A local rule.
 *
 * @example
 * const vipWelcome: CxRule = {
 *   id: 'vip-welcome',
 *   when: ({ customer }) => customer.tier === 'Platinum',
 *   title: 'Thank them for being a Platinum customer',
 *   reason: ({ customer }) => `${customer.name} is Platinum.`,
 *   kind: 'retention',
 *   priority: 40,
 * };
 */
export interface CxRule {
  id: string;
  when(ctx: CxRuleContext): boolean;
  title: string;
  reason: string | ((ctx: CxRuleContext) => string);
  kind: ActionKind;
  priority: number;
  requiresConsent?: ConsentKind;
}

/** `rules` option: which built-ins to keep (all by default), and your own. */
export interface CxRulesOptions {
  /** `true` (default) keeps every built-in, `false` none, or a list of built-in ids to keep. */
  builtIn?: boolean | string[];
  custom?: CxRule[];
}

const DAY = 86_400_000;

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

function oldestOpenCase(c: Customer, now: number) {
  return (c.openCases ?? [])
    .filter((k) => now - Date.parse(k.openedAt) > 2 * DAY)
    .sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt))[0];
}

function renewingSoon(c: Customer, now: number) {
  return (c.products ?? [])
    .filter((p) => p.renewsAt && Date.parse(p.renewsAt) >= now - DAY && Date.parse(p.renewsAt) - now <= 30 * DAY)
    .sort((a, b) => Date.parse(a.renewsAt!) - Date.parse(b.renewsAt!))[0];
}

/** Sentiment going down: the trend's last value is below its first by 0.2 or more and is negative. */
function sentimentFalling(c: Customer): { from: number; to: number } | undefined {
  const points = [...(c.health?.sentimentTrend ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length >= 2 && last.value < 0 && first.value - last.value >= 0.2) return { from: first.value, to: last.value };
  if (c.health?.sentiment !== undefined && c.health.sentiment <= -0.5) return { from: c.health.sentiment, to: c.health.sentiment };
  return undefined;
}

/** The built-in rules, by stable id. */
export const BUILT_IN_RULES: readonly CxRule[] = [
  {
    id: 'churn-risk-retention',
    when: ({ customer }) => (customer.health?.churnRisk ?? 0) >= 0.7,
    title: 'Call to keep the customer',
    reason: ({ customer }) => `Churn risk is high (${pct(customer.health!.churnRisk!)}).`,
    kind: 'retention',
    priority: 90,
  },
  {
    id: 'negative-sentiment-recovery',
    when: ({ customer }) => !!sentimentFalling(customer),
    title: 'Recover the relationship',
    reason: ({ customer }) => {
      const s = sentimentFalling(customer)!;
      return s.from === s.to ? `Sentiment is negative (${s.to.toFixed(2)}).` : `Sentiment fell from ${s.from.toFixed(2)} to ${s.to.toFixed(2)}.`;
    },
    kind: 'service',
    priority: 85,
  },
  {
    id: 'open-case-follow-up',
    when: ({ customer, now }) => !!oldestOpenCase(customer, now),
    title: 'Follow up on the open case',
    reason: ({ customer, now }) => {
      const k = oldestOpenCase(customer, now)!;
      return `${k.id} “${k.subject}” has been open for ${Math.floor((now - Date.parse(k.openedAt)) / DAY)} days.`;
    },
    kind: 'follow_up',
    priority: 80,
  },
  {
    id: 'renewal-check-in',
    when: ({ customer, now }) => !!renewingSoon(customer, now),
    title: 'Check in before the renewal',
    reason: ({ customer, now }) => {
      const p = renewingSoon(customer, now)!;
      const days = Math.max(0, Math.ceil((Date.parse(p.renewsAt!) - now) / DAY));
      return `${p.name} renews in ${days} day${days === 1 ? '' : 's'}.`;
    },
    kind: 'retention',
    priority: 70,
  },
];

const warned = new Set<string>();

/** Runs the rules that apply; a rule that throws is skipped with one console warning. */
export function evaluateRules(options: CxRulesOptions | undefined, ctx: CxRuleContext): NextAction[] {
  const keep = options?.builtIn ?? true;
  const builtIns = keep === true ? BUILT_IN_RULES : keep === false ? [] : BUILT_IN_RULES.filter((r) => keep.includes(r.id));
  const custom = Array.isArray(options?.custom) ? options!.custom : [];
  const out: NextAction[] = [];
  for (const rule of [...builtIns, ...custom]) {
    try {
      if (!rule || typeof rule.when !== 'function' || !rule.when(ctx)) continue;
      const reason = typeof rule.reason === 'function' ? rule.reason(ctx) : rule.reason;
      const action: NextAction = {
        id: `rule:${rule.id}`,
        title: String(rule.title),
        reason: String(reason ?? ''),
        kind: rule.kind,
        priority: Number.isFinite(rule.priority) ? rule.priority : 0,
        source: 'rules',
      };
      if (rule.requiresConsent) action.requiresConsent = rule.requiresConsent;
      out.push(action);
    } catch (e) {
      const id = String(rule?.id);
      if (!warned.has(id)) {
        warned.add(id);
        console.warn(`cxdesk: the rule "${id}" failed and was skipped:`, e);
      }
    }
  }
  return out;
}

/** Higher priority first, then higher confidence, then title (a stable order). */
export function rankActions(actions: NextAction[]): NextAction[] {
  return [...actions].sort(
    (a, b) =>
      (b.priority ?? 0) - (a.priority ?? 0) ||
      (b.confidence ?? 0) - (a.confidence ?? 0) ||
      a.title.localeCompare(b.title),
  );
}

/** Adapter suggestions and rule suggestions as one list: one per id (the adapter's wins), ranked. */
export function mergeActions(fromAdapter: NextAction[], fromRules: NextAction[]): NextAction[] {
  const seen = new Set<string>();
  const merged: NextAction[] = [];
  for (const a of [...fromAdapter, ...fromRules]) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    merged.push(a);
  }
  return rankActions(merged);
}

/** Whether the customer gave the consent an action needs. Missing means "not known", which gates like "no". */
export function consentState(customer: Customer, kind: ConsentKind): 'given' | 'refused' | 'unknown' {
  const v = customer.consent?.[kind];
  return v === true ? 'given' : v === false ? 'refused' : 'unknown';
}
