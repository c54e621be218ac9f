import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ActionFeedback, CxAdapter } from '../../adapters/adapter.js';
import { adapterProblem } from '../../config.js';
import { outboxFor } from '../../data/outbox.js';
import { adapterKey, customerTarget, DEFAULT_HISTORY_QUERY, interactionsTarget, nextActionsTarget } from '../../data/resources.js';
import { SwrController } from '../../data/swr-controller.js';
import { CxActionAcceptEvent, CxActionDismissEvent, CxActionSnoozeEvent } from '../../events/events.js';
import type { CxStringKey } from '../../i18n/strings.js';
import { randomId } from '../../internal/id.js';
import type { Customer, InteractionPage, NextAction } from '../../model/types.js';
import { consentState, evaluateRules, mergeActions } from '../../rules/rules.js';
import { CxSectionElement } from '../shared/cx-element.js';
import { stateStyles, themeStyles } from '../shared/shared.styles.js';
import { nextActionsStyles } from './next-actions.styles.js';

/** What the agent decided, kept per customer and agent (cache namespace) across reloads. */
interface Decision {
  outcome: ActionFeedback['outcome'];
  /** ISO instant, for snoozes. */
  until?: string;
  at: string;
}

const DISMISS_REASONS: CxStringKey[] = ['reasonNotRelevant', 'reasonAlreadyDone', 'reasonCustomerDeclined', 'reasonBadTiming'];
const KIND_KEYS: Record<string, CxStringKey> = {
  service: 'kindService',
  retention: 'kindRetention',
  upsell: 'kindUpsell',
  cross_sell: 'kindCrossSell',
  follow_up: 'kindFollowUp',
  education: 'kindEducation',
  compliance: 'kindCompliance',
  other: 'kindOther',
};
const CONSENT_KEYS: Record<string, CxStringKey> = {
  marketingEmail: 'consentMarketingEmail',
  sms: 'consentSms',
  phone: 'consentPhone',
};

/** The local time for an `<input type="datetime-local">`. */
function localInputValue(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Suggested next best actions: the adapter's suggestions and local rules merged, ranked by priority
 * then confidence, each with why it is suggested. The agent accepts (the host runs its workflow),
 * dismisses with a reason, or snoozes; every decision is kept across reloads and sent to the backend
 * through an outbox that never loses it. Suggestions needing a consent the customer has not given (or
 * that is not known) are held back, and the agent can see which and why.
 *
 * @customElement cx-next-actions
 * @summary Ranked, explained suggestions, with feedback that is never lost.
 *
 * @csspart base - The outer box.
 * @csspart freshness - How current the data is.
 * @csspart list - The list of suggestions.
 * @csspart action - Each suggestion.
 * @csspart title - A suggestion's title.
 * @csspart reason - Why it is suggested.
 * @csspart meta - Kind, confidence, channel, expiry, source.
 * @csspart accept - The accept button.
 * @csspart dismiss - The dismiss button.
 * @csspart snooze - The snooze button.
 * @csspart form - The dismiss reasons or snooze times.
 * @csspart held-back - Suggestions held back for consent.
 * @csspart state - Loading, empty and error states (also `loading`, `empty`, `error`).
 * @csspart retry - The "try again" button.
 * @csspart notices - Records that could not be shown.
 *
 * @cssprop --cx-color-surface - Background.
 * @cssprop --cx-color-surface-raised - Each suggestion.
 * @cssprop --cx-color-text - Text colour.
 * @cssprop --cx-color-text-muted - Secondary text.
 * @cssprop --cx-color-border - Borders.
 * @cssprop --cx-color-accent - The accept button, links.
 * @cssprop --cx-color-on-accent - Text on the accept button.
 * @cssprop --cx-color-warning - Held-back suggestions.
 * @cssprop --cx-font-family - Font.
 * @cssprop --cx-radius - Corner radius.
 * @cssprop --cx-space - Base spacing.
 *
 * @fires cx-load - Suggestions are on screen. Detail: `{ customerId, source: 'next-actions' }`.
 * @fires cx-error - Loading failed. Detail: `{ customerId, source, error }`.
 * @fires cx-auth-required - The backend answered 401.
 * @fires cx-action-accept - The agent accepts (cancelable: `preventDefault()` keeps it listed and sends no feedback). Detail: `{ customerId, action }`.
 * @fires cx-action-dismiss - The agent dismisses it. Detail: `{ customerId, action, reason }`.
 * @fires cx-action-snooze - The agent snoozes it. Detail: `{ customerId, action, until }`.
 */
export class CxNextActionsElement extends CxSectionElement {
  static override styles = [themeStyles, stateStyles, nextActionsStyles];

  /** How many suggestions to show at most. Default 5. */
  @property({ type: Number }) max = 5;

  @state() private decisions: Record<string, Decision> = {};
  @state() private form: { id: string; kind: 'dismiss' | 'snooze' } | undefined;
  @state() private otherReason = '';
  @state() private snoozeAt = '';
  @state() private announcement = '';
  @state() private now = Date.now();

  private decisionsFor = '';
  private timer?: ReturnType<typeof setTimeout>;
  private announcedLoad = false;

  private readonly customer = new SwrController<Customer>(this, {
    target: () => {
      const t = this.targetArgs();
      return t && customerTarget(this.store, t.adapter, t.customerId, this.settings.redact);
    },
    onError: (e) => this.emitError(this.effectiveCustomerId, 'customer', e),
  });

  /** The history's default first page: the rules read it, and it is fetched once for both. */
  private readonly recent = new SwrController<InteractionPage>(this, {
    target: () => {
      const t = this.targetArgs();
      return t && interactionsTarget(this.store, t.adapter, t.customerId, { ...DEFAULT_HISTORY_QUERY, redact: this.settings.redact });
    },
  });

  private readonly actions = new SwrController<NextAction[]>(this, {
    target: () => {
      const t = this.targetArgs();
      return t && nextActionsTarget(this.store, t.adapter, t.customerId, this.settings.redact);
    },
    onError: (e) => this.emitError(this.effectiveCustomerId, 'next-actions', e),
  });

  private targetArgs(): { adapter: CxAdapter; customerId: string } | undefined {
    const customerId = this.effectiveCustomerId;
    const adapter = this.settings.adapter;
    return customerId && adapter && !adapterProblem(adapter) ? { adapter, customerId } : undefined;
  }

  /** Loads the suggestions (and what the rules read) again now. */
  refresh(): void {
    this.customer.refresh();
    this.recent.refresh();
    this.actions.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const t = this.targetArgs();
    const key = t ? `${this.settings.cacheOptions?.namespace ?? 'default'}|${adapterKey(t.adapter)}|${t.customerId}` : '';
    if (key !== this.decisionsFor) {
      this.decisionsFor = key;
      this.decisions = {};
      this.form = undefined;
      this.announcedLoad = false;
      if (t) {
        // queued decisions of earlier pages can go out through this page's adapter
        outboxFor(this.store.options.namespace).register(t.adapter);
        void this.store.getPref<Record<string, Decision>>(`decisions|${adapterKey(t.adapter)}|${t.customerId}`).then((d) => {
          if (this.decisionsFor === key && d && typeof d === 'object') this.decisions = { ...d, ...this.decisions };
        });
      }
    }
  }

  // ---- the list ---------------------------------------------------------------------------------

  /** Ranked suggestions: offered (within `max`) and held back for consent. */
  private compute(customer: Customer): { offered: NextAction[]; heldBack: NextAction[]; nextChange: number } {
    const now = this.now;
    const fromRules = evaluateRules(this.settings.rules, {
      customer,
      interactions: this.recent.view?.data?.data.items ?? [],
      now,
    });
    const merged = mergeActions(this.actions.view?.data?.data ?? [], fromRules);
    let nextChange = Infinity;
    const live = merged.filter((a) => {
      const expires = a.expiresAt ? Date.parse(a.expiresAt) : Infinity;
      if (expires <= now) return false;
      nextChange = Math.min(nextChange, expires);
      const d = this.decisions[a.id];
      if (!d) return true;
      if (d.outcome === 'snoozed' && d.until) {
        const until = Date.parse(d.until);
        if (until <= now) return true;
        nextChange = Math.min(nextChange, until);
      }
      return false;
    });
    const offered: NextAction[] = [];
    const heldBack: NextAction[] = [];
    for (const a of live) {
      if (a.requiresConsent && consentState(customer, a.requiresConsent) !== 'given') heldBack.push(a);
      else offered.push(a);
    }
    const max = Math.max(1, Math.floor(this.max) || 5);
    return { offered: offered.slice(0, max), heldBack, nextChange };
  }

  /** Re-renders when the next suggestion expires or a snooze ends. */
  private schedule(at: number): void {
    clearTimeout(this.timer);
    if (!Number.isFinite(at)) return;
    const delay = Math.min(2 ** 31 - 1, Math.max(0, at - Date.now()) + 50);
    this.timer = setTimeout(() => (this.now = Date.now()), delay);
  }

  // ---- decisions --------------------------------------------------------------------------------

  private async decide(action: NextAction, outcome: ActionFeedback['outcome'], extra: { reason?: string; until?: string } = {}): Promise<void> {
    const t = this.targetArgs();
    if (!t) return;
    const at = new Date().toISOString();
    const decision: Decision = { outcome, at, ...(extra.until ? { until: extra.until } : {}) };
    this.decisions = { ...this.decisions, [action.id]: decision };
    this.form = undefined;
    void this.store.setPref(`decisions|${adapterKey(t.adapter)}|${t.customerId}`, this.decisions);
    const feedback: ActionFeedback = { outcome, at, decisionId: randomId() };
    if (extra.reason) feedback.reason = extra.reason;
    if (extra.until) feedback.snoozeUntil = extra.until;
    await outboxFor(this.store.options.namespace).add(t.adapter, t.customerId, action.id, feedback);
  }

  private accept(action: NextAction): void {
    const customerId = this.effectiveCustomerId!;
    const event = new CxActionAcceptEvent({ customerId, action });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return; // the host keeps it listed and no feedback is sent
    this.announcement = this.t('accepted', { title: action.title });
    void this.decide(action, 'accepted');
    this.focusList();
  }

  private dismiss(action: NextAction, reason: string): void {
    const r = reason.trim();
    if (!r) return;
    this.dispatchEvent(new CxActionDismissEvent({ customerId: this.effectiveCustomerId!, action, reason: r }));
    this.announcement = this.t('dismissed', { title: action.title });
    void this.decide(action, 'dismissed', { reason: r });
    this.focusList();
  }

  private snooze(action: NextAction, until: Date): void {
    if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) return;
    const iso = until.toISOString();
    this.dispatchEvent(new CxActionSnoozeEvent({ customerId: this.effectiveCustomerId!, action, until: iso }));
    this.announcement = this.t('snoozed', { title: action.title, when: this.fmt.dateTime(until) });
    void this.decide(action, 'snoozed', { until: iso });
    this.schedule(until.getTime());
    this.focusList();
  }

  private openForm(id: string, kind: 'dismiss' | 'snooze'): void {
    this.form = { id, kind };
    this.otherReason = '';
    this.snoozeAt = localInputValue(new Date(Date.now() + 3_600_000));
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('[part~=form] button, [part~=form] input')?.focus());
  }

  private closeForm(actionId: string): void {
    const kind = this.form?.kind ?? 'dismiss';
    this.form = undefined;
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(`[data-id="${CSS.escape(actionId)}"] [part~=${kind}]`)?.focus());
  }

  private focusList(): void {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('[part~=accept]')?.focus());
  }

  // ---- render -----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return this.renderShell(this.t('regionActions'), this.renderBody(), this.announcement);
  }

  private renderBody(): TemplateResult {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const customer = this.customer.view;
    const actions = this.actions.view;
    const failed = (customer?.status === 'error' && customer.error) || (actions?.status === 'error' && actions.error);
    if (failed) {
      return this.renderError(this.errorMessage(failed), failed.code === 'invalid-data' ? failed.message : undefined, () => this.refresh());
    }
    if (!customer?.data || !actions?.data) return this.renderLoading(this.t('loadingActions'));
    const { offered, heldBack, nextChange } = this.compute(customer.data.data);
    this.schedule(nextChange);
    if (!this.announcedLoad) {
      this.announcedLoad = true;
      queueMicrotask(() => this.emitLoad(this.effectiveCustomerId!, 'next-actions'));
    }
    return html`
      ${this.renderFreshness(actions)}
      ${offered.length
        ? html`<ol part="list" class="list">
            ${offered.map((a) => this.renderAction(a))}
          </ol>`
        : this.renderEmpty(this.t('actionsEmpty'))}
      ${this.renderHeldBack(heldBack, customer.data.data)}
      ${this.renderNotices(actions.data.notices, actions.data.invalid)}
    `;
  }

  private renderAction(a: NextAction): TemplateResult {
    const titleId = `a-${a.id.replace(/[^\w-]/g, '_')}`;
    const meta = [
      a.kind ? this.t(KIND_KEYS[a.kind] ?? 'kindOther') : '',
      a.confidence !== undefined ? this.confidence(a.confidence) : '',
      a.channel ? this.t('viaChannel', { channel: this.channelName(a.channel) }) : '',
      a.expiresAt ? this.t('expires', { when: this.fmt.relative(a.expiresAt) }) : '',
      a.source === 'rules' ? this.t('fromRules') : a.source ? this.t('fromSource', { source: a.source }) : '',
    ].filter(Boolean);
    const form = this.form?.id === a.id ? this.form.kind : undefined;
    return html`<li part="action" class="action" data-id=${a.id} data-kind=${a.kind ?? 'other'} aria-labelledby=${titleId}>
      <p part="title" class="title" id=${titleId}>${a.title}</p>
      ${a.reason ? html`<p part="reason" class="reason"><span class="visually-hidden">${this.t('why')}: </span>${a.reason}</p>` : nothing}
      ${meta.length ? html`<p part="meta" class="meta">${meta.join(' · ')}</p>` : nothing}
      ${form === 'dismiss' ? this.renderDismissForm(a) : form === 'snooze' ? this.renderSnoozeForm(a) : html`<div class="buttons">
            <button part="accept" class="primary" type="button" @click=${() => this.accept(a)}>${this.t('accept')}</button>
            <button part="dismiss" type="button" aria-expanded="false" @click=${() => this.openForm(a.id, 'dismiss')}>${this.t('dismiss')}</button>
            <button part="snooze" type="button" aria-expanded="false" @click=${() => this.openForm(a.id, 'snooze')}>${this.t('snooze')}</button>
          </div>`}
    </li>`;
  }

  private confidence(c: number): string {
    const value = this.fmt.percent(c);
    return this.t(c >= 0.75 ? 'confidenceHigh' : c >= 0.5 ? 'confidenceMedium' : 'confidenceLow', { value });
  }

  private renderDismissForm(a: NextAction): TemplateResult {
    const otherId = `other-${a.id.replace(/[^\w-]/g, '_')}`;
    return html`<div part="form" class="form" role="group" aria-label=${this.t('dismissQuestion')} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeForm(a.id)}>
      <p class="question">${this.t('dismissQuestion')}</p>
      <div class="buttons">
        ${DISMISS_REASONS.map((key) => html`<button type="button" class="reason-choice" @click=${() => this.dismiss(a, this.t(key))}>${this.t(key)}</button>`)}
      </div>
      <label for=${otherId}>${this.t('dismissOther')}</label>
      <div class="row">
        <input
          id=${otherId}
          type="text"
          .value=${this.otherReason}
          @input=${(e: Event) => (this.otherReason = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.dismiss(a, this.otherReason)}
        />
        <button type="button" ?disabled=${!this.otherReason.trim()} @click=${() => this.dismiss(a, this.otherReason)}>${this.t('confirmDismiss')}</button>
        <button type="button" class="link" @click=${() => this.closeForm(a.id)}>${this.t('cancel')}</button>
      </div>
    </div>`;
  }

  private renderSnoozeForm(a: NextAction): TemplateResult {
    const atId = `at-${a.id.replace(/[^\w-]/g, '_')}`;
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(9, 0, 0, 0);
    const nextWeek = new Date(tomorrow);
    nextWeek.setDate(nextWeek.getDate() + 6);
    return html`<div part="form" class="form" role="group" aria-label=${this.t('snoozeQuestion')} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeForm(a.id)}>
      <p class="question">${this.t('snoozeQuestion')}</p>
      <div class="buttons">
        <button type="button" @click=${() => this.snooze(a, new Date(Date.now() + 3_600_000))}>${this.t('snoozeHour')}</button>
        <button type="button" @click=${() => this.snooze(a, tomorrow)}>${this.t('snoozeTomorrow')}</button>
        <button type="button" @click=${() => this.snooze(a, nextWeek)}>${this.t('snoozeNextWeek')}</button>
      </div>
      <label for=${atId}>${this.t('snoozeAt')}</label>
      <div class="row">
        <input id=${atId} type="datetime-local" .value=${this.snoozeAt} @input=${(e: Event) => (this.snoozeAt = (e.target as HTMLInputElement).value)} />
        <button type="button" @click=${() => this.snooze(a, new Date(this.snoozeAt))}>${this.t('snoozeConfirm')}</button>
        <button type="button" class="link" @click=${() => this.closeForm(a.id)}>${this.t('cancel')}</button>
      </div>
    </div>`;
  }

  private renderHeldBack(actions: NextAction[], customer: Customer): TemplateResult | typeof nothing {
    if (!actions.length) return nothing;
    return html`<details part="held-back" class="held-back">
      <summary>${this.t('heldBack', { count: actions.length })}</summary>
      <ul>
        ${actions.map((a) => {
          const kind = a.requiresConsent!;
          const s = consentState(customer, kind);
          return html`<li>
            <span class="title">${a.title}</span> —
            ${this.t('needsConsent', {
              consent: this.t(CONSENT_KEYS[kind] ?? 'consentMarketingEmail'),
              state: this.t(s === 'refused' ? 'consentRefusedShort' : 'consentUnknownShort'),
            })}
          </li>`;
        })}
      </ul>
    </details>`;
  }
}
