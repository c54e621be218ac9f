import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Loaded } from '../../data/boundary.js';
import { customerTarget } from '../../data/resources.js';
import { SwrController } from '../../data/swr-controller.js';
import { adapterProblem } from '../../config.js';
import { mailtoUrl, safeUrl, telUrl } from '../../internal/url.js';
import type { Customer } from '../../model/types.js';
import { CxSectionElement } from '../shared/cx-element.js';
import { stateStyles, themeStyles } from '../shared/shared.styles.js';
import { customerPanelStyles } from './customer-panel.styles.js';

/** Up to two initials from a name ("Ada Quinn" → "AQ"), by whole characters, not UTF-16 units. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ? Array.from(words[0])[0] ?? '' : '';
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0] ?? '' : '';
  return (first + last).toLocaleUpperCase();
}

/**
 * The customer context: who the customer is and how to reach them.
 *
 * Works inside `<cx-desk>` (customer, adapter and settings come from the desk) or standalone with
 * `customer-id` and `CxDesk.configure({ adapter })`.
 *
 * @summary The 360° customer context an agent reads before saying hello.
 *
 * @csspart base - The panel's outer box.
 * @csspart header - Avatar, name and company line.
 * @csspart avatar - The picture, or the initials when there is none.
 * @csspart name - The customer's name.
 * @csspart company - Company, segment and tier.
 * @csspart contact - The list of email addresses and phone numbers.
 * @csspart state - Loading, empty and error states (also `loading`, `empty`, `error`).
 * @csspart retry - The "try again" button of the error state.
 * @csspart notices - What validation had to leave out.
 * @csspart freshness - How current the data is: "as of 10:42 · refreshing", offline, a failed refresh.
 *
 * @cssprop --cx-color-surface - Background.
 * @cssprop --cx-color-text - Text colour.
 * @cssprop --cx-color-text-muted - Secondary text.
 * @cssprop --cx-color-border - Borders and separators.
 * @cssprop --cx-color-accent - Links and the avatar.
 * @cssprop --cx-color-on-accent - Text on the accent colour.
 * @cssprop --cx-color-danger - Error text.
 * @cssprop --cx-font-family - Font.
 * @cssprop --cx-font-size - Base font size.
 * @cssprop --cx-radius - Corner radius.
 * @cssprop --cx-space - Base spacing.
 *
 * @fires cx-load - The customer is on screen. Detail: `{ customerId, source: 'customer' }`.
 * @fires cx-error - Loading the customer failed. Detail: `{ customerId, source, error }`.
 * @fires cx-auth-required - The backend answered 401. Detail: `{ customerId, source }`.
 */
export class CxCustomerPanelElement extends CxSectionElement {
  static override styles = [themeStyles, stateStyles, customerPanelStyles];

  /** The avatar URL that failed to load, so the initials show instead. */
  @state() private brokenAvatar?: string;

  private readonly customer = new SwrController<Customer>(this, {
    target: () => {
      const id = this.effectiveCustomerId;
      const adapter = this.settings.adapter;
      return id && adapter && !adapterProblem(adapter) ? customerTarget(this.store, adapter, id) : undefined;
    },
    onLoad: () => this.emitLoad(this.effectiveCustomerId!, 'customer'),
    onError: (error) => this.emitError(this.effectiveCustomerId, 'customer', error),
  });

  /** Loads the customer again now. */
  refresh(): void {
    this.customer.refresh();
  }

  protected override render(): TemplateResult {
    return html`<section part="base" class="base" aria-label=${this.t('regionCustomer')} aria-busy=${this.customer.view?.status === 'loading' ? 'true' : 'false'}>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const available = this.adapterOrProblem();
    if ('problem' in available) return this.renderError(available.problem);
    if (!this.effectiveCustomerId) return this.renderNoCustomer();
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
    const companyLine = [c.company?.name, c.segment, c.tier].filter((x): x is string => !!x && !!x.trim());
    const emails = (c.emails ?? []).map((e) => ({ text: e, href: mailtoUrl(e), label: this.t('emailLabel', { value: e }) }));
    const phones = (c.phones ?? []).map((p) => ({ text: p, href: telUrl(p), label: this.t('phoneLabel', { value: p }) }));
    const contact = [...emails, ...phones];
    return html`
      <header part="header" class="header">
        ${this.renderAvatar(c)}
        <div class="identity">
          <h2 part="name" class="name">${c.name}</h2>
          ${companyLine.length ? html`<p part="company" class="company">${companyLine.join(' · ')}</p>` : nothing}
        </div>
      </header>
      ${contact.length
        ? html`<ul part="contact" class="contact" aria-label=${this.t('contactPoints')}>
            ${contact.map(
              (x) => html`<li>${x.href ? html`<a href=${x.href} aria-label=${x.label}>${x.text}</a>` : x.text}</li>`,
            )}
          </ul>`
        : nothing}
      ${this.renderNotices(notices)}
    `;
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
}
