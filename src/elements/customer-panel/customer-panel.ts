import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { loadCustomer, type Loaded } from '../../data/boundary.js';
import { CxRevealEvent } from '../../events/events.js';
import { isMasked } from '../../model/redact.js';
import { toCxError } from '../../model/errors.js';
import { customerTarget } from '../../data/resources.js';
import { SwrController } from '../../data/swr-controller.js';
import { adapterProblem } from '../../config.js';
import { copyText } from '../../internal/clipboard.js';
import { mailtoUrl, safeUrl, telUrl } from '../../internal/url.js';
import { toDate } from '../../i18n/format.js';
import type { Consent, Customer, CustomerHealth } from '../../model/types.js';
import { CxSectionElement } from '../shared/cx-element.js';
import { stateStyles, themeStyles } from '../shared/shared.styles.js';
import { customerPanelStyles } from './customer-panel.styles.js';
import { renderSparkline, sparkline } from './sparkline.js';

/** Up to two initials from a name ("Ada Quinn" → "AQ"), by whole characters, not UTF-16 units. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ? Array.from(words[0])[0] ?? '' : '';
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0] ?? '' : '';
  return (first + last).toLocaleUpperCase();
}

/** The collapsible sections, by stable id (also their `::part` names: `section-<id>`). */
export type PanelSection = 'health' | 'products' | 'orders' | 'cases' | 'consent' | 'notes' | 'details';

const DAY = 86_400_000;
const RENEWAL_SOON_DAYS = 30;
const RECENT_ORDERS = 5;
const PREF_KEY = 'customer-panel.collapsed';
const CONSENT_KINDS = ['marketingEmail', 'sms', 'phone', 'dataProcessing'] as const;

/** Backend codes such as `past_due` read as words. */
const words = (code: string | undefined) => (code ? code.replace(/_/g, ' ') : '');

/**
 * The customer context: who the customer is, how to reach them, what they own and bought, what is
 * open, how at risk the relationship is, and what they agreed to.
 *
 * Works inside `<cx-desk>` (customer, adapter and settings come from the desk) or standalone with
 * `customer-id` and `CxDesk.configure({ adapter })`. Sections can be collapsed; the choice is
 * remembered per agent (cache namespace).
 *
 * @customElement cx-customer-panel
 * @summary The 360° customer context an agent reads before saying hello.
 *
 * @csspart base - The panel's outer box.
 * @csspart freshness - How current the data is: "as of 10:42 · refreshing", offline, a failed refresh.
 * @csspart header - Avatar, name, company line and badges.
 * @csspart avatar - The picture, or the initials when there is none.
 * @csspart name - The customer's name.
 * @csspart company - Company, segment and tier.
 * @csspart badges - Lifecycle stage and customer-since.
 * @csspart identity - Location and local time, preferred channel, language.
 * @csspart contact - The email addresses and phone numbers, with copy buttons.
 * @csspart copy - Each copy button.
 * @csspart reveal - The button that shows a masked value, where the integrator allows it.
 * @csspart tags - The customer's tags.
 * @csspart section - Every collapsible section.
 * @csspart section-health - Value and health.
 * @csspart section-products - Products.
 * @csspart section-orders - Recent orders.
 * @csspart section-cases - Open cases.
 * @csspart section-consent - Consent.
 * @csspart section-notes - Notes.
 * @csspart section-details - Custom attributes.
 * @csspart section-title - The clickable title of a section.
 * @csspart metric - Each health figure (lifetime value, churn risk, CSAT, NPS, sentiment).
 * @csspart sparkline - The sentiment trend drawing.
 * @csspart state - Loading, empty and error states (also `loading`, `empty`, `error`).
 * @csspart retry - The "try again" button of the error state.
 * @csspart notices - What validation had to leave out.
 *
 * @cssprop --cx-color-surface - Background.
 * @cssprop --cx-color-surface-raised - Background of figures and chips.
 * @cssprop --cx-color-text - Text colour.
 * @cssprop --cx-color-text-muted - Secondary text.
 * @cssprop --cx-color-border - Borders and separators.
 * @cssprop --cx-color-accent - Links, the avatar and the sparkline.
 * @cssprop --cx-color-on-accent - Text on the accent colour.
 * @cssprop --cx-color-danger - Errors, high churn risk, negative sentiment.
 * @cssprop --cx-color-warning - Medium risk, renewals due soon, urgent cases.
 * @cssprop --cx-color-success - Low risk, positive sentiment, consent given.
 * @cssprop --cx-font-family - Font.
 * @cssprop --cx-font-size - Base font size.
 * @cssprop --cx-radius - Corner radius.
 * @cssprop --cx-space - Base spacing.
 *
 * @fires cx-load - The customer is on screen. Detail: `{ customerId, source: 'customer' }`.
 * @fires cx-error - Loading the customer failed. Detail: `{ customerId, source, error }`.
 * @fires cx-auth-required - The backend answered 401. Detail: `{ customerId, source }`.
 * @fires cx-reveal - The agent revealed a masked value (where `redact.reveal` allows it). Detail: `{ customerId, field }`.
 */
export class CxCustomerPanelElement extends CxSectionElement {
  static override styles = [themeStyles, stateStyles, customerPanelStyles];

  /** The avatar URL that failed to load, so the initials show instead. */
  @state() private brokenAvatar?: string;
  /** Sections the agent collapsed (remembered per cache namespace). */
  @state() private collapsed = new Set<PanelSection>();
  /** Masked values the agent revealed, by field path (in memory only, for the customer shown). */
  @state() private revealed = new Map<string, string>();
  /** The last copy result, announced politely. */
  @state() private copyStatus = '';

  private clock?: ReturnType<typeof setInterval>;
  private revealedFor: string | undefined;
  private prefsFrom?: unknown;

  private readonly customer = new SwrController<Customer>(this, {
    target: () => {
      const id = this.effectiveCustomerId;
      const adapter = this.settings.adapter;
      return id && adapter && !adapterProblem(adapter) ? customerTarget(this.store, adapter, id, this.settings.redact) : undefined;
    },
    onLoad: () => this.emitLoad(this.effectiveCustomerId!, 'customer'),
    onError: (error) => this.emitError(this.effectiveCustomerId, 'customer', error),
  });

  /** Loads the customer again now. */
  refresh(): void {
    this.customer.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // keeps the customer's local time current
    this.clock = setInterval(() => {
      if (this.customer.view?.data?.data.timezone) this.requestUpdate();
    }, 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('customerId') || changed.has('desk')) {
      const shownFor = this.effectiveCustomerId;
      if (shownFor !== this.revealedFor) {
        this.revealedFor = shownFor;
        this.revealed = new Map();
      }
    }
    const store = this.store;
    if (store !== this.prefsFrom) {
      this.prefsFrom = store;
      void store.getPref<PanelSection[]>(PREF_KEY).then((ids) => {
        if (this.prefsFrom === store) this.collapsed = new Set(Array.isArray(ids) ? ids : []);
      });
    }
  }

  protected override render(): TemplateResult {
    return this.renderShell(this.t('regionCustomer'), this.renderBody(), this.copyStatus, this.customer.view?.status === 'loading');
  }

  private renderBody(): TemplateResult {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const view = this.customer.view;
    if (view?.status === 'error' && view.error) {
      return this.renderError(
        this.errorMessage(view.error),
        view.error.code === 'invalid-data' ? view.error.message : undefined,
        () => this.refresh(),
      );
    }
    if (!view?.data) return this.renderLoading(this.t('loadingCustomer'));
    return html`${this.renderFreshness(view)}${this.renderCustomer(view.data)}`;
  }

  private renderCustomer({ data: c, notices }: Loaded<Customer>): TemplateResult {
    return html`
      ${this.renderHeader(c)} ${this.renderIdentity(c)} ${this.renderContact(c)} ${this.renderTags(c)}
      <div class="sections">
        ${this.renderHealth(c)} ${this.renderProducts(c)} ${this.renderOrders(c)} ${this.renderCases(c)}
        ${this.renderConsent(c.consent)} ${this.renderNotes(c)} ${this.renderAttributes(c)}
      </div>
      ${this.renderNotices(notices)}
    `;
  }

  // ---- identity ---------------------------------------------------------------------------------

  private renderHeader(c: Customer): TemplateResult {
    const companyLine = [c.company?.name, c.segment, c.tier].filter((x): x is string => !!x && !!x.trim());
    const since = this.fmt.date(c.customerSince);
    const badges = [
      c.lifecycleStage?.trim() ? html`<li class="badge stage">${c.lifecycleStage}</li>` : nothing,
      since ? html`<li class="badge">${this.t('customerSince', { date: since })}</li>` : nothing,
    ].filter((b) => b !== nothing);
    return html`<header part="header" class="header">
      ${this.renderAvatar(c)}
      <div class="who">
        <h2 part="name" class="name">${c.name}</h2>
        ${companyLine.length ? html`<p part="company" class="company">${companyLine.join(' · ')}</p>` : nothing}
        ${badges.length ? html`<ul part="badges" class="badges">${badges}</ul>` : nothing}
      </div>
    </header>`;
  }

  private renderAvatar(c: Customer): TemplateResult {
    const src = safeUrl(c.avatarUrl);
    if (src && src !== this.brokenAvatar) {
      return html`<img
        part="avatar"
        class="avatar"
        src=${src}
        alt=${this.t('avatarOf', { name: c.name })}
        referrerpolicy="no-referrer"
        @error=${() => (this.brokenAvatar = src)}
      />`;
    }
    return html`<span part="avatar" class="avatar initials" aria-hidden="true">${initials(c.name)}</span>`;
  }

  private renderIdentity(c: Customer): TemplateResult | typeof nothing {
    const local = c.timezone ? this.fmt.time(Date.now(), c.timezone) : '';
    const place = [c.location, local ? this.t('localTime', { time: local }) : ''].filter(Boolean).join(' · ');
    const items = [
      place ? html`<li>${place}</li>` : nothing,
      c.preferredChannel ? html`<li>${this.t('preferredChannel', { channel: this.channelName(c.preferredChannel) })}</li>` : nothing,
      c.language ? html`<li>${this.t('speaks', { language: this.fmt.language(c.language) })}</li>` : nothing,
    ].filter((x) => x !== nothing);
    return items.length ? html`<ul part="identity" class="identity">${items}</ul>` : nothing;
  }

  private renderContact(c: Customer): TemplateResult | typeof nothing {
    const entry = (field: 'customer.emails' | 'customer.phones', value: string, i: number) => {
      const path = `${field}[${i}]`;
      const shown = this.revealed.get(path) ?? value;
      const email = field === 'customer.emails';
      return {
        path,
        field,
        index: i,
        text: shown,
        masked: isMasked(shown),
        href: isMasked(shown) ? undefined : email ? mailtoUrl(shown) : telUrl(shown),
        label: this.t(email ? 'emailLabel' : 'phoneLabel', { value: shown }),
      };
    };
    const contact = [
      ...(c.emails ?? []).map((e, i) => entry('customer.emails', e, i)),
      ...(c.phones ?? []).map((p, i) => entry('customer.phones', p, i)),
    ];
    if (!contact.length) return nothing;
    const revealable = new Set(this.settings.redact?.reveal ?? []);
    return html`<ul part="contact" class="contact" aria-label=${this.t('contactPoints')}>
      ${contact.map(
        (x) => html`<li>
          ${x.href ? html`<a href=${x.href} aria-label=${x.label}>${x.text}</a>` : html`<span>${x.text}</span>`}
          ${x.masked
            ? revealable.has(x.field)
              ? html`<button part="reveal" class="copy" type="button" aria-label=${this.t('revealLabel')} @click=${() => this.reveal(x.field, x.index)}>
                  ${this.t('reveal')}
                </button>`
              : nothing
            : html`<button part="copy" class="copy" type="button" aria-label=${this.t('copyLabel', { value: x.text })} @click=${() => this.copy(x.text)}>
                ${this.t('copy')}
              </button>`}
        </li>`,
      )}
    </ul>`;
  }

  /** Fetches the clear value of one masked field again (never cached), shows it, and reports it. */
  private async reveal(field: 'customer.emails' | 'customer.phones', index: number): Promise<void> {
    const id = this.effectiveCustomerId;
    const adapter = this.settings.adapter;
    if (!id || !adapter || !(this.settings.redact?.reveal ?? []).includes(field)) return;
    try {
      const { data } = await loadCustomer(adapter, id, new AbortController().signal);
      const value = (field === 'customer.emails' ? data.emails : data.phones)?.[index];
      if (typeof value !== 'string' || id !== this.effectiveCustomerId) return;
      const path = `${field}[${index}]`;
      this.revealed = new Map(this.revealed).set(path, value);
      this.copyStatus = this.t('revealed', { value });
      this.dispatchEvent(new CxRevealEvent({ customerId: id, field: path }));
    } catch (e) {
      this.emitError(id, 'customer', toCxError(e, 'customer'));
    }
  }

  private async copy(text: string): Promise<void> {
    const ok = await copyText(text, this.shadowRoot ?? document);
    this.copyStatus = ok ? this.t('copied', { value: text }) : this.t('copyFailed');
  }

  private renderTags(c: Customer): TemplateResult | typeof nothing {
    if (!c.tags?.length) return nothing;
    return html`<ul part="tags" class="tags" aria-label=${this.t('sectionTags')}>
      ${c.tags.map((t) => html`<li class="chip">${t}</li>`)}
    </ul>`;
  }

  // ---- sections ---------------------------------------------------------------------------------

  private section(id: PanelSection, title: string, body: TemplateResult, count?: number): TemplateResult {
    return html`<details
      class="section"
      part="section section-${id}"
      data-section=${id}
      ?open=${!this.collapsed.has(id)}
      @toggle=${(e: Event) => this.toggled(id, (e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary part="section-title">
        <h3>${title}</h3>
        ${count !== undefined ? html`<span class="count">${this.fmt.number(count)}</span>` : nothing}
      </summary>
      <div class="section-body">${body}</div>
    </details>`;
  }

  private toggled(id: PanelSection, open: boolean): void {
    if (open === !this.collapsed.has(id)) return;
    const next = new Set(this.collapsed);
    if (open) next.delete(id);
    else next.add(id);
    this.collapsed = next;
    void this.store.setPref(PREF_KEY, [...next]);
  }

  private renderHealth(c: Customer): TemplateResult | typeof nothing {
    const h: CustomerHealth = c.health ?? {};
    const metrics: TemplateResult[] = [];
    const ltv = this.fmt.money(c.lifetimeValue);
    if (ltv) metrics.push(this.metric(this.t('lifetimeValue'), ltv));
    if (h.churnRisk !== undefined) {
      const level = h.churnRisk >= 0.66 ? 'high' : h.churnRisk >= 0.33 ? 'medium' : 'low';
      const word = this.t(level === 'high' ? 'churnHigh' : level === 'medium' ? 'churnMedium' : 'churnLow');
      metrics.push(this.metric(this.t('churnRisk'), `${word} · ${this.fmt.percent(h.churnRisk)}`, `risk-${level}`));
    }
    if (h.csat !== undefined) {
      metrics.push(this.metric(this.t('csat'), this.t('csatValue', { value: this.fmt.number(h.csat, { maximumFractionDigits: 1 }) })));
    }
    if (h.nps !== undefined) metrics.push(this.metric(this.t('nps'), this.fmt.number(h.nps, { signDisplay: 'exceptZero' })));
    if (h.sentiment !== undefined) {
      const mood = h.sentiment > 0.25 ? 'positive' : h.sentiment < -0.25 ? 'negative' : 'neutral';
      const word = this.t(mood === 'positive' ? 'sentimentPositive' : mood === 'negative' ? 'sentimentNegative' : 'sentimentNeutral');
      metrics.push(
        this.metric(this.t('sentiment'), `${word} (${this.fmt.number(h.sentiment, { signDisplay: 'exceptZero', maximumFractionDigits: 2 })})`, `mood-${mood}`),
      );
    }
    const line = h.sentimentTrend ? sparkline(h.sentimentTrend) : undefined;
    if (!metrics.length && !line) return nothing;
    let trend: TemplateResult | typeof nothing = nothing;
    if (line) {
      const n = (v: number) => this.fmt.number(v, { signDisplay: 'exceptZero', maximumFractionDigits: 2 });
      const span = line.spanDays >= 14 ? this.t('weeks', { count: Math.round(line.spanDays / 7) }) : this.t('days', { count: line.spanDays });
      const key = line.trend === 'rising' ? 'trendRising' : line.trend === 'falling' ? 'trendFalling' : 'trendSteady';
      const label = this.t(key, { span, from: n(line.first), to: n(line.end) });
      trend = html`<figure class="trend" part="sparkline">${renderSparkline(line, label)}<figcaption>${label}</figcaption></figure>`;
    }
    return this.section('health', this.t('sectionHealth'), html`<dl class="metrics">${metrics}</dl>${trend}`);
  }

  private metric(label: string, value: string, kind?: string): TemplateResult {
    return html`<div class="metric" part="metric" data-kind=${kind ?? nothing}><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  private renderProducts(c: Customer): TemplateResult | typeof nothing {
    if (!c.products?.length) return nothing;
    const now = Date.now();
    return this.section(
      'products',
      this.t('sectionProducts'),
      html`<ul class="rows">
        ${c.products.map((p) => {
          const renews = toDate(p.renewsAt);
          const soon = !!renews && renews.getTime() >= now - DAY && renews.getTime() - now <= RENEWAL_SOON_DAYS * DAY;
          const since = this.fmt.date(p.since);
          const meta = [
            words(p.status),
            since ? this.t('productSince', { date: since }) : '',
            renews ? (soon ? this.t('renewsSoon', { when: this.fmt.relative(renews) }) : this.t('renewsOn', { date: this.fmt.date(renews) })) : '',
          ].filter(Boolean);
          return html`<li class="row" data-soon=${soon ? 'true' : nothing}>
            <span class="title">${p.name}${p.plan ? html` <span class="muted">· ${p.plan}</span>` : nothing}</span>
            ${meta.length ? html`<span class="meta">${meta.join(' · ')}</span>` : nothing}
          </li>`;
        })}
      </ul>`,
      c.products.length,
    );
  }

  private renderOrders(c: Customer): TemplateResult | typeof nothing {
    if (!c.orders?.length) return nothing;
    const recent = [...c.orders].sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt)).slice(0, RECENT_ORDERS);
    return this.section(
      'orders',
      this.t('sectionOrders'),
      html`<ul class="rows">
        ${recent.map((o) => {
          const href = safeUrl(o.url);
          const meta = [this.t('orderPlaced', { date: this.fmt.date(o.placedAt) }), this.fmt.money(o.total), words(o.status)].filter(Boolean);
          return html`<li class="row">
            <span class="title">${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${o.id}</a>` : o.id}</span>
            <span class="meta">${meta.join(' · ')}</span>
          </li>`;
        })}
      </ul>`,
      c.orders.length,
    );
  }

  private renderCases(c: Customer): TemplateResult | typeof nothing {
    if (!c.openCases?.length) return nothing;
    const cases = [...c.openCases].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
    return this.section(
      'cases',
      this.t('sectionCases'),
      html`<ul class="rows">
        ${cases.map((k) => {
          const href = safeUrl(k.url);
          const urgent = /^(urgent|high|critical)$/i.test(k.priority ?? '');
          const meta = [
            k.id,
            k.priority ? this.t('priority', { priority: words(k.priority) }) : '',
            words(k.status),
            this.t('caseOpened', { when: this.fmt.relative(k.openedAt) }),
          ].filter(Boolean);
          return html`<li class="row" data-urgent=${urgent ? 'true' : nothing}>
            <span class="title">${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${k.subject}</a>` : k.subject}</span>
            <span class="meta">${meta.join(' · ')}</span>
          </li>`;
        })}
      </ul>`,
      c.openCases.length,
    );
  }

  private renderConsent(consent: Consent | undefined): TemplateResult | typeof nothing {
    if (!consent) return nothing;
    const labels = {
      marketingEmail: this.t('consentMarketingEmail'),
      sms: this.t('consentSms'),
      phone: this.t('consentPhone'),
      dataProcessing: this.t('consentDataProcessing'),
    };
    const updated = this.fmt.date(consent.updatedAt);
    // a flag that is missing is "not known", and says so: it gates like "not given"
    return this.section(
      'consent',
      this.t('sectionConsent'),
      html`<dl class="consent">
          ${CONSENT_KINDS.map((k) => {
            const v = consent[k];
            const state = v === true ? 'given' : v === false ? 'refused' : 'unknown';
            const word = this.t(state === 'given' ? 'consentGiven' : state === 'refused' ? 'consentRefused' : 'consentUnknown');
            return html`<div class="consent-row" data-state=${state}><dt>${labels[k]}</dt><dd>${word}</dd></div>`;
          })}
        </dl>
        ${updated ? html`<p class="muted">${this.t('consentUpdated', { date: updated })}</p>` : nothing}`,
    );
  }

  private renderNotes(c: Customer): TemplateResult | typeof nothing {
    if (!c.notes?.length) return nothing;
    const notes = [...c.notes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    return this.section(
      'notes',
      this.t('sectionNotes'),
      html`<ul class="notes">
        ${notes.map(
          (n) => html`<li>
            <p class="note-body">${n.body}</p>
            <p class="meta">${this.t('noteBy', { author: n.author, when: this.fmt.relative(n.createdAt) })}</p>
          </li>`,
        )}
      </ul>`,
      c.notes.length,
    );
  }

  private renderAttributes(c: Customer): TemplateResult | typeof nothing {
    if (!c.attributes?.length) return nothing;
    const value = (v: string | number | boolean) =>
      typeof v === 'boolean' ? this.t(v ? 'yes' : 'no') : typeof v === 'number' ? this.fmt.number(v) : v;
    return this.section(
      'details',
      this.t('sectionDetails'),
      html`<dl class="attributes">
        ${c.attributes.map((a) => html`<div><dt>${a.label}</dt><dd>${value(a.value)}</dd></div>`)}
      </dl>`,
    );
  }
}
