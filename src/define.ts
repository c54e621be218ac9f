/**
 * `import 'cxdesk/define'` registers every element under the `cx-` prefix.
 */
import { defineElements } from './registry.js';
import type { CxCustomerPanelElement } from './elements/customer-panel/customer-panel.js';
import type { CxDeskElement } from './elements/desk/desk.js';
import type { CxInteractionHistoryElement } from './elements/interaction-history/interaction-history.js';
import type { CxNextActionsElement } from './elements/next-actions/next-actions.js';

defineElements({ prefix: 'cx' });

declare global {
  interface HTMLElementTagNameMap {
    'cx-desk': CxDeskElement;
    'cx-customer-panel': CxCustomerPanelElement;
    'cx-interaction-history': CxInteractionHistoryElement;
    'cx-next-actions': CxNextActionsElement;
  }
}
