/**
 * cxdesk — the customer's whole relationship, in any page.
 *
 * This entry registers nothing: import `cxdesk/define` (or call `defineElements()`) to register the
 * elements.
 */
export * from './api.js';
export { defineElements } from './registry.js';
export type { DefineOptions, DefineResult } from './registry.js';
export { CxDeskElement } from './elements/desk/desk.js';
export { CxCustomerPanelElement } from './elements/customer-panel/customer-panel.js';
export type { PanelSection } from './elements/customer-panel/customer-panel.js';
export { CxInteractionHistoryElement } from './elements/interaction-history/interaction-history.js';
export { CxNextActionsElement } from './elements/next-actions/next-actions.js';
