/**
 * `cxdesk/react`: React components for the cxdesk elements, with typed props and events. Importing it
 * registers the elements under `cx-`.
 *
 * @example
 * import { CxDesk } from 'cxdesk/react';
 * <CxDesk customerId="c-1001" adapter={adapter} onActionAccept={(e) => run(e.detail.action)} />
 */
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import './define.js';
import { CxDeskElement } from './elements/desk/desk.js';
import { CxCustomerPanelElement } from './elements/customer-panel/customer-panel.js';
import { CxInteractionHistoryElement } from './elements/interaction-history/interaction-history.js';
import { CxNextActionsElement } from './elements/next-actions/next-actions.js';
import type {
  CxActionAcceptEvent,
  CxActionDismissEvent,
  CxActionSnoozeEvent,
  CxAuthRequiredEvent,
  CxErrorEvent,
  CxInteractionSelectEvent,
  CxLoadEvent,
  CxRevealEvent,
} from './events/events.js';

const common = {
  onLoad: 'cx-load' as EventName<CxLoadEvent>,
  onError: 'cx-error' as EventName<CxErrorEvent>,
  onAuthRequired: 'cx-auth-required' as EventName<CxAuthRequiredEvent>,
};
const actions = {
  onActionAccept: 'cx-action-accept' as EventName<CxActionAcceptEvent>,
  onActionDismiss: 'cx-action-dismiss' as EventName<CxActionDismissEvent>,
  onActionSnooze: 'cx-action-snooze' as EventName<CxActionSnoozeEvent>,
};
const reveal = {
  onReveal: 'cx-reveal' as EventName<CxRevealEvent>,
};
const history = {
  onInteractionSelect: 'cx-interaction-select' as EventName<CxInteractionSelectEvent>,
};

/** `<cx-desk>`: every event of the elements inside bubbles to it. */
export const CxDesk = createComponent({
  tagName: 'cx-desk',
  elementClass: CxDeskElement,
  react: React,
  events: { ...common, ...actions, ...history, ...reveal },
  displayName: 'CxDesk',
});

export const CxCustomerPanel = createComponent({
  tagName: 'cx-customer-panel',
  elementClass: CxCustomerPanelElement,
  react: React,
  events: { ...common, ...reveal },
  displayName: 'CxCustomerPanel',
});

export const CxInteractionHistory = createComponent({
  tagName: 'cx-interaction-history',
  elementClass: CxInteractionHistoryElement,
  react: React,
  events: { ...common, ...history },
  displayName: 'CxInteractionHistory',
});

export const CxNextActions = createComponent({
  tagName: 'cx-next-actions',
  elementClass: CxNextActionsElement,
  react: React,
  events: { ...common, ...actions },
  displayName: 'CxNextActions',
});
