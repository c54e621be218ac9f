import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { state, property } from 'lit/decorators.js';
import type { CxAdapter } from '../../adapters/adapter.js';
import { adapterProblem, getConfig, onConfigChange, type CxDensity, type CxTheme } from '../../config.js';
import { deskContext, type DeskContextValue } from '../../context.js';
import { CxAuthRequiredEvent, CxErrorEvent, CxLoadEvent } from '../../events/events.js';
import { formatter, type Formatter } from '../../i18n/format.js';
import { defaultStrings, translate, type CxStringKey, type CxStrings } from '../../i18n/strings.js';
import type { CxError, CxSource, DataIssue } from '../../model/errors.js';
import { formatIssue, type DataNotice } from '../../model/schema.js';
import { storeFor, type CxCacheOptions, type CxStore, type ResourceView } from '../../data/store.js';
import type { CxRulesOptions } from '../../rules/rules.js';
import type { CxRedactOptions } from '../../model/redact.js';

/** The settings an element works with, wherever they came from. */
export interface ResolvedSettings {
  adapter: CxAdapter | undefined;
  locale: string | undefined;
  theme: CxTheme;
  density: CxDensity;
  strings: Partial<CxStrings>;
  cacheOptions: CxCacheOptions | undefined;
  rules: CxRulesOptions | undefined;
  redact: CxRedactOptions | undefined;
}

/**
 * What every cxdesk element shares: theme and density on the host, the string catalog, locale
 * formatting, global configuration updates, the standard events and the loading / empty / error /
 * notice states.
 *
 * @ignore
 */
export abstract class CxBaseElement extends LitElement {
  private unsubscribeConfig?: () => void;

  /** Where the element's settings come from: its desk, else the global configuration. */
  protected abstract get settings(): ResolvedSettings;

  /** Revalidates now: loads the element's data again. */
  abstract refresh(): void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeConfig = onConfigChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeConfig?.();
    this.unsubscribeConfig = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { theme, density } = this.settings;
    if (this.getAttribute('cx-theme') !== theme) this.setAttribute('cx-theme', theme);
    if (this.getAttribute('cx-density') !== density) this.setAttribute('cx-density', density);
  }

  /** The store for the current cache options. */
  protected get store(): CxStore {
    return storeFor(this.settings.cacheOptions);
  }

  /** Locale-aware formatting for the current locale. */
  protected get fmt(): Formatter {
    return formatter(this.settings.locale);
  }

  /** One string from the catalog, with overrides applied. */
  protected t(key: CxStringKey, params?: Record<string, string | number>): string {
    return translate(this.settings.strings, key, params, this.fmt.locale);
  }

  /** A channel's name in words ("phone", "voice assistant"); an unknown channel keeps its own name. */
  protected channelName(channel: string): string {
    const key = `channel${channel
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}` as CxStringKey;
    return key in defaultStrings ? this.t(key) : channel.replace(/_/g, ' ');
  }

  /** The agent-facing words for a failure. */
  protected errorMessage(error: CxError): string {
    switch (error.code) {
      case 'not-found':
        return this.t('errorNotFound');
      case 'auth':
        return this.t(error.status === 403 ? 'errorForbidden' : 'errorUnauthorized');
      case 'network':
        return this.t('errorNetwork');
      case 'timeout':
        return this.t('errorTimeout');
      case 'invalid-data':
        return this.t('errorInvalidData');
      default:
        return this.t('errorAdapter');
    }
  }

  protected emitLoad(customerId: string, source: CxSource): void {
    this.dispatchEvent(new CxLoadEvent({ customerId, source }));
  }

  protected emitError(customerId: string | undefined, source: CxSource, error: CxError): void {
    if (error.code === 'auth' && error.status === 401) {
      this.dispatchEvent(new CxAuthRequiredEvent({ customerId, source }));
    }
    this.dispatchEvent(new CxErrorEvent({ customerId, source, error }));
  }

  protected renderLoading(label: string): TemplateResult {
    return html`<div class="state" part="state loading" role="status" aria-live="polite" data-kind="loading">
      <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
      <p>${label}</p>
    </div>`;
  }

  protected renderEmpty(message: string): TemplateResult {
    return html`<div class="state" part="state empty" data-kind="empty"><p>${message}</p></div>`;
  }

  /** An error in words, the technical detail for the curious, and a retry. */
  protected renderError(message: string, detail?: string, retry?: () => void): TemplateResult {
    return html`<div class="state" part="state error" role="alert" data-kind="error">
      <p>${message}</p>
      ${detail ? html`<p class="detail">${detail}</p>` : nothing}
      ${retry ? html`<button class="retry" part="retry" type="button" @click=${retry}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  /** Mentions, once and discreetly, what validation had to leave out. */
  protected renderNotices(notices: DataNotice[], invalid: DataIssue[] = []): TemplateResult | typeof nothing {
    if (!notices.length && !invalid.length) return nothing;
    return html`<details class="notices" part="notices">
      <summary>
        ${[
          invalid.length ? this.t('invalidRecords', { count: new Set(invalid.map((i) => i.path.replace(/\].*$/, ']'))).size }) : '',
          notices.length ? this.t('droppedDetails', { count: notices.length }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </summary>
      <ul>
        ${[...invalid, ...notices].map((i) => html`<li>${formatIssue(i)}</li>`)}
      </ul>
    </details>`;
  }

  /**
   * How current the data on screen is, when the agent needs to know: older than `staleTime`, being
   * refreshed, shown while offline, or kept after a failed refresh. Nothing when it is fresh.
   */
  protected renderFreshness(view: ResourceView<unknown>): TemplateResult | typeof nothing {
    if (!view.data || view.storedAt === undefined) return nothing;
    const asOf = this.fmt.relativeOrTime(view.storedAt);
    let text: string | undefined;
    let kind = 'stale';
    if (view.offline) {
      text = this.t('offlineShowing', { when: asOf });
      kind = 'offline';
    } else if (view.error && !view.refreshing) {
      text = this.t('refreshFailed', { reason: this.errorMessage(view.error), when: asOf });
      kind = 'failed';
    } else if (view.stale || view.refreshing) {
      text = view.refreshing ? this.t('asOfRefreshing', { when: asOf }) : this.t('asOf', { when: asOf });
      if (!view.stale) kind = 'refreshing';
    }
    if (!text) return nothing;
    return html`<p class="freshness" part="freshness" data-kind=${kind} role="status">
      <span>${text}</span>
      ${kind === 'failed' || kind === 'offline'
        ? html`<button class="link" type="button" @click=${() => this.refresh()}>${this.t('retry')}</button>`
        : nothing}
    </p>`;
  }

  /** A usable adapter, or the words that say why there is none. */
  protected adapterOrProblem(): { adapter: CxAdapter } | { problem: string } {
    const { adapter } = this.settings;
    if (!adapter) return { problem: this.t('noAdapter') };
    const problem = adapterProblem(adapter);
    return problem ? { problem: this.t('badAdapter', { problem }) } : { adapter };
  }
}

/**
 * A section of the customer view (panel, history, actions): it takes its settings from the enclosing
 * `<cx-desk>` when there is one, else from `configure()`.
 *
 * @ignore
 */
export abstract class CxSectionElement extends CxBaseElement {
  /** The customer to show. Inside `<cx-desk>` it defaults to the desk's customer. */
  @property({ attribute: 'customer-id', reflect: true }) customerId?: string;

  @consume({ context: deskContext, subscribe: true })
  @state()
  protected desk?: DeskContextValue;

  protected get settings(): ResolvedSettings {
    const d = this.desk;
    if (d) {
      return {
        adapter: d.adapter,
        locale: d.locale,
        theme: d.theme,
        density: d.density,
        strings: d.strings,
        cacheOptions: d.cacheOptions,
        rules: d.rules,
        redact: d.redact,
      };
    }
    const g = getConfig();
    return {
      adapter: g.adapter,
      locale: g.locale,
      theme: g.theme ?? 'light',
      density: g.density ?? 'comfortable',
      strings: g.strings ?? {},
      cacheOptions: g.cacheOptions,
      rules: g.rules,
      redact: g.redact,
    };
  }

  /** The customer this element shows: its own `customer-id`, else its desk's. */
  protected get effectiveCustomerId(): string | undefined {
    const own = this.customerId?.trim();
    return own ? own : this.desk?.customerId;
  }

  /** The section's outer box, its body, and a polite live region for announcements. */
  protected renderShell(label: string, body: TemplateResult, announcement: string, busy = false): TemplateResult {
    return html`<section part="base" class="base" aria-label=${label} aria-busy=${busy ? 'true' : 'false'}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${announcement}</div>
    </section>`;
  }

  /** Why there is nothing to load yet, in words (no usable adapter, no customer), or undefined. */
  protected renderUnavailable(): TemplateResult | undefined {
    const available = this.adapterOrProblem();
    if ('problem' in available) return this.renderError(available.problem);
    if (!this.effectiveCustomerId) return this.renderNoCustomer();
    return undefined;
  }

  /** What to say when there is no customer to show: a lookup in progress or failed, or none chosen. */
  protected renderNoCustomer(): TemplateResult {
    const lookup = this.customerId ? undefined : this.desk?.lookup;
    switch (lookup?.status) {
      case 'pending':
        return this.renderLoading(this.t('lookingUpCustomer'));
      case 'not-found':
        return this.renderEmpty(this.t('noCustomerFound', { query: lookup.query }));
      case 'unsupported':
        return this.renderEmpty(this.t('lookupUnsupported'));
      case 'error':
        return this.renderError(this.errorMessage(lookup.error!), lookup.error!.message);
      default:
        return this.renderEmpty(this.t('noCustomer'));
    }
  }
}
