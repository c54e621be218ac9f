import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ContextProvider } from '@lit/context';
import type { CustomerLookup, CxAdapter } from '../../adapters/adapter.js';
import { adapterProblem, checkOption, DENSITIES, getConfig, THEMES, type CxDensity, type CxTheme } from '../../config.js';
import { deskContext, type CustomerLookupState, type DeskContextValue, type ElementTags } from '../../context.js';
import { lookupTarget } from '../../data/resources.js';
import { SwrController } from '../../data/swr-controller.js';
import type { CxCacheOptions } from '../../data/store.js';
import type { CxRulesOptions } from '../../rules/rules.js';
import type { CxRedactOptions } from '../../model/redact.js';
import type { Customer } from '../../model/types.js';
import { resolveLocale } from '../../i18n/format.js';
import { checkStrings, type CxStrings } from '../../i18n/strings.js';
import { CxBaseElement, type ResolvedSettings } from '../shared/cx-element.js';
import { themeStyles } from '../shared/shared.styles.js';
import { deskStyles } from './desk.styles.js';

/**
 * The provider for everything inside it: adapter, configuration, locale, theme, density and the
 * customer reach every cxdesk element below through context. With no element children it renders
 * the default sidebar layout.
 *
 * The customer is `customer-id`, or is looked up by `customer-email`, `customer-phone` or
 * `customer-ref` through the adapter's `findCustomer`.
 *
 * @customElement cx-desk
 * @summary Provides the adapter, settings and customer to the cxdesk elements inside it.
 *
 * @slot - cxdesk elements (or any markup containing them) to lay out yourself. Leave empty for the default layout.
 *
 * @csspart layout - The default layout's container.
 * @csspart customer-panel - The customer panel of the default layout.
 * @csspart customer-panel-base - The customer panel's `base` part.
 * @csspart next-actions-base - The next actions' `base` part.
 * @csspart interaction-history-base - The interaction history's `base` part.
 * @csspart next-actions - The next best actions of the default layout.
 * @csspart interaction-history - The interaction history of the default layout.
 *
 * @cssprop --cx-color-surface - Background of the sections.
 * @cssprop --cx-color-text - Text colour.
 * @cssprop --cx-color-accent - Links, focus and highlights.
 * @cssprop --cx-font-family - Font.
 * @cssprop --cx-font-size - Base font size.
 * @cssprop --cx-space - Base spacing (also the gap between sections).
 *
 * @fires cx-error - A `customer-email` / `customer-phone` / `customer-ref` lookup failed. Detail: `{ customerId, source: 'customer', error }`.
 * @fires cx-auth-required - The lookup was answered with 401.
 */
export class CxDeskElement extends CxBaseElement {
  static override styles = [themeStyles, deskStyles];

  /** The tag names of this element's family; `defineElements({ prefix })` sets them per prefix. */
  static cxTags: ElementTags = {
    desk: 'cx-desk',
    customerPanel: 'cx-customer-panel',
    interactionHistory: 'cx-interaction-history',
    nextActions: 'cx-next-actions',
  };

  /** The customer to show. Takes precedence over the lookup attributes. */
  @property({ attribute: 'customer-id' }) customerId?: string;
  /** Look the customer up by email address (adapter `findCustomer`). */
  @property({ attribute: 'customer-email' }) customerEmail?: string;
  /** Look the customer up by phone number (adapter `findCustomer`). */
  @property({ attribute: 'customer-phone' }) customerPhone?: string;
  /** Look the customer up by an external reference (adapter `findCustomer`). */
  @property({ attribute: 'customer-ref' }) customerRef?: string;
  /** BCP 47 locale for dates, money and plurals. Default: the global configuration, else the browser's. */
  @property() locale?: string;
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  @property({ reflect: true }) theme?: CxTheme;
  /** `comfortable` or `compact`. */
  @property({ reflect: true }) density?: CxDensity;
  /** The data source for everything inside. Default: the global configuration's. */
  @property({ attribute: false }) adapter?: CxAdapter;
  /** Overrides for the words shown to agents (merged over the global ones). */
  @property({ attribute: false }) strings?: Partial<CxStrings>;
  /** Cache settings for everything inside (namespace, staleTime, maxAge, maxEntries, enabled). */
  @property({ attribute: false }) cacheOptions?: CxCacheOptions;
  /** Local next-best-action rules for everything inside (default: the global configuration's). */
  @property({ attribute: false }) rules?: CxRulesOptions;
  /** PII redaction for everything inside (default: the global configuration's). */
  @property({ attribute: false }) redact?: CxRedactOptions;

  /** Whether the host page put content inside (then no default layout). */
  @state() private hasContent = false;

  private readonly provider = new ContextProvider(this, { context: deskContext });
  private readonly childObserver = new MutationObserver(() => this.updateHasContent());

  private readonly lookup = new SwrController<Customer | null>(this, {
    target: () => {
      if (this.customerId?.trim()) return undefined;
      const email = this.customerEmail?.trim() || undefined;
      const phone = this.customerPhone?.trim() || undefined;
      const ref = this.customerRef?.trim() || undefined;
      const { adapter } = this.settings;
      if (!(email || phone || ref) || !adapter || adapterProblem(adapter) || typeof adapter.findCustomer !== 'function') {
        return undefined;
      }
      const query: CustomerLookup = {};
      if (email) query.email = email;
      if (phone) query.phone = phone;
      if (ref) query.ref = ref;
      return lookupTarget(this.store, adapter, query, this.settings.redact);
    },
    onError: (error) => this.emitError(undefined, 'customer', error),
  });

  protected get settings(): ResolvedSettings {
    const g = getConfig();
    const own = this.strings === undefined ? {} : checkStrings(this.strings).strings;
    return {
      adapter: this.adapter ?? g.adapter,
      locale: resolveLocale(this.locale || g.locale),
      theme: checkOption('theme', this.theme, THEMES) ?? g.theme ?? 'light',
      density: checkOption('density', this.density, DENSITIES) ?? g.density ?? 'comfortable',
      strings: { ...(g.strings ?? {}), ...own },
      cacheOptions: this.cacheOptions ?? g.cacheOptions,
      rules: this.rules ?? g.rules,
      redact: this.redact ?? g.redact,
    };
  }

  /** Revalidates everything inside: the lookup and every cxdesk element below. */
  refresh(): void {
    this.lookup.refresh();
    const tags = Object.values((this.constructor as typeof CxDeskElement).cxTags);
    const roots: ParentNode[] = [this, ...(this.shadowRoot ? [this.shadowRoot] : [])];
    for (const root of roots) {
      for (const el of root.querySelectorAll(tags.join(','))) {
        if (el !== this && typeof (el as { refresh?: unknown }).refresh === 'function') (el as CxBaseElement).refresh();
      }
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.childObserver.observe(this, { childList: true });
    this.updateHasContent();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver.disconnect();
  }

  private updateHasContent(): void {
    this.hasContent = this.children.length > 0;
  }

  private lookupState(): CustomerLookupState | undefined {
    if (this.customerId?.trim()) return undefined;
    const query = [this.customerEmail, this.customerPhone, this.customerRef].map((x) => x?.trim()).filter(Boolean).join(', ');
    if (!query) return undefined;
    const { adapter } = this.settings;
    if (!adapter || adapterProblem(adapter)) return undefined;
    if (typeof adapter.findCustomer !== 'function') return { status: 'unsupported', query };
    const view = this.lookup.view;
    if (view?.data) return view.data.data ? { status: 'found', query } : { status: 'not-found', query };
    if (view?.error) return { status: 'error', query, error: view.error };
    return { status: 'pending', query };
  }

  /** Runs after the controllers have seen the new attributes, so the context is never a step behind. */
  protected override update(changed: PropertyValues): void {
    const s = this.settings;
    const lookup = this.lookupState();
    const customerId = this.customerId?.trim() || (lookup?.status === 'found' ? this.lookup.view?.data?.data?.id : undefined);
    const prev = this.provider.value;
    const next: DeskContextValue = {
      adapter: s.adapter,
      customerId,
      lookup,
      locale: s.locale ?? 'en-US',
      theme: s.theme,
      density: s.density,
      strings: s.strings,
      cacheOptions: s.cacheOptions,
      rules: s.rules,
      redact: s.redact,
      tags: (this.constructor as typeof CxDeskElement).cxTags,
    };
    if (!prev || !sameContext(prev, next)) this.provider.setValue(next);
    super.update(changed);
  }

  protected override render(): TemplateResult {
    if (this.hasContent) return html`<slot></slot>`;
    const tags = (this.constructor as typeof CxDeskElement).cxTags;
    return html`<div part="layout" class="layout" role="region" aria-label=${this.t('regionDesk')}>
      ${staticHtml`<${unsafeStatic(tags.customerPanel)} part="customer-panel" exportparts="base: customer-panel-base"></${unsafeStatic(tags.customerPanel)}>
        <${unsafeStatic(tags.nextActions)} part="next-actions" exportparts="base: next-actions-base"></${unsafeStatic(tags.nextActions)}>
        <${unsafeStatic(tags.interactionHistory)} part="interaction-history" exportparts="base: interaction-history-base"></${unsafeStatic(tags.interactionHistory)}>`}
    </div>`;
  }
}

function sameContext(a: DeskContextValue, b: DeskContextValue): boolean {
  return (
    a.adapter === b.adapter &&
    a.customerId === b.customerId &&
    a.locale === b.locale &&
    a.theme === b.theme &&
    a.density === b.density &&
    a.tags === b.tags &&
    a.rules === b.rules &&
    a.redact === b.redact &&
    JSON.stringify(a.cacheOptions ?? {}) === JSON.stringify(b.cacheOptions ?? {}) &&
    JSON.stringify(a.strings) === JSON.stringify(b.strings) &&
    a.lookup?.status === b.lookup?.status &&
    a.lookup?.query === b.lookup?.query &&
    a.lookup?.error === b.lookup?.error
  );
}
