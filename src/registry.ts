/**
 * Registration of the elements under a tag prefix. The element classes themselves register nothing:
 * `import { CxDeskElement } from 'cxdesk'` is free of side effects.
 */
import { checkPrefix, emptyResult, tagsFor, type DefineOptions, type DefineResult } from './tags.js';
import { CxCustomerPanelElement } from './elements/customer-panel/customer-panel.js';
import { CxDeskElement } from './elements/desk/desk.js';
import { CxInteractionHistoryElement } from './elements/interaction-history/interaction-history.js';
import { CxNextActionsElement } from './elements/next-actions/next-actions.js';

const used = new WeakSet<CustomElementConstructor>();
const ours = new WeakSet<CustomElementConstructor>();

export type { DefineOptions, DefineResult };

/**
 * Registers every cxdesk element under `prefix` (default `cx`). Safe to call again: tags this copy
 * already registered are skipped, and a tag taken by other code is left alone with one console
 * warning that suggests a prefix. Never throws.
 *
 * @example
 * import { defineElements } from 'cxdesk';
 * defineElements({ prefix: 'acme' }); // <acme-desk>, <acme-customer-panel>, …
 */
export function defineElements(options: DefineOptions = {}): DefineResult {
  const prefix = checkPrefix(options);
  const result = emptyResult();
  if (!prefix || typeof customElements === 'undefined') return result;
  const tags = tagsFor(prefix);
  // The same class cannot be registered twice, so every prefix after the first gets subclasses.
  const family = <T extends CustomElementConstructor>(base: T): T => {
    if (!used.has(base) && prefix === 'cx') return base;
    return class extends (base as unknown as new () => HTMLElement) {} as unknown as T;
  };
  const desk = family(CxDeskElement);
  desk.cxTags = tags;
  const entries: Array<[string, CustomElementConstructor]> = [
    // the provider first, so children upgrading after it find their context
    [tags.desk, desk],
    [tags.customerPanel, family(CxCustomerPanelElement)],
    [tags.interactionHistory, family(CxInteractionHistoryElement)],
    [tags.nextActions, family(CxNextActionsElement)],
  ];
  for (const [tag, ctor] of entries) {
    const existing = customElements.get(tag);
    if (existing) {
      const mine = ours.has(existing);
      result.skipped.push({ tag, reason: mine ? 'already-defined-by-cxdesk' : 'taken' });
      if (!mine) {
        console.warn(
          `cxdesk: <${tag}> is already defined by other code on this page, so cxdesk did not register it. ` +
            `Register cxdesk under its own prefix: defineElements({ prefix: 'acme' }) or <script data-prefix="acme">.`,
        );
      }
      continue;
    }
    try {
      customElements.define(tag, ctor);
      used.add(ctor);
      ours.add(ctor);
      result.defined.push(tag);
    } catch (e) {
      console.error(`cxdesk: could not register <${tag}>:`, e);
    }
  }
  return result;
}
