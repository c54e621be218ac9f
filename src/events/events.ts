/**
 * The events cxdesk elements dispatch (contract §2). Each is a `CustomEvent` subclass that bubbles and
 * crosses shadow roots; names stay `cx-*` whatever tag prefix is used.
 *
 * @example
 * desk.addEventListener('cx-action-accept', (e) => {
 *   e.preventDefault(); // keep it listed, send no feedback
 *   startWorkflow(e.detail.action.payload);
 * });
 */
import type { CxError, CxSource } from '../model/errors.js';
import type { Interaction, NextAction } from '../model/types.js';

export type { CxSource };

abstract class CxEvent<D> extends CustomEvent<D> {
  constructor(type: string, detail: D, cancelable = false) {
    super(type, { detail, bubbles: true, composed: true, cancelable });
  }
}

export interface CxLoadDetail {
  customerId: string;
  source: CxSource;
}
/** A section finished loading: its first data is on screen. */
export class CxLoadEvent extends CxEvent<CxLoadDetail> {
  static readonly eventName = 'cx-load';
  constructor(detail: CxLoadDetail) {
    super(CxLoadEvent.eventName, detail);
  }
}

export interface CxErrorDetail {
  customerId: string | undefined;
  source: CxSource;
  error: CxError;
}
/** A load failed. The element shows the failure itself too. */
export class CxErrorEvent extends CxEvent<CxErrorDetail> {
  static readonly eventName = 'cx-error';
  constructor(detail: CxErrorDetail) {
    super(CxErrorEvent.eventName, detail);
  }
}

export interface CxAuthRequiredDetail {
  customerId: string | undefined;
  source: CxSource;
}
/** The backend answered 401: refresh credentials, then call `refresh()`. */
export class CxAuthRequiredEvent extends CxEvent<CxAuthRequiredDetail> {
  static readonly eventName = 'cx-auth-required';
  constructor(detail: CxAuthRequiredDetail) {
    super(CxAuthRequiredEvent.eventName, detail);
  }
}

export interface CxActionDetail {
  customerId: string;
  action: NextAction;
}
/** The agent accepts a suggestion. Cancelable: `preventDefault()` keeps it listed and sends no feedback. */
export class CxActionAcceptEvent extends CxEvent<CxActionDetail> {
  static readonly eventName = 'cx-action-accept';
  constructor(detail: CxActionDetail) {
    super(CxActionAcceptEvent.eventName, detail, true);
  }
}

export interface CxActionDismissDetail extends CxActionDetail {
  reason: string;
}
/** The agent dismisses a suggestion, with a reason. */
export class CxActionDismissEvent extends CxEvent<CxActionDismissDetail> {
  static readonly eventName = 'cx-action-dismiss';
  constructor(detail: CxActionDismissDetail) {
    super(CxActionDismissEvent.eventName, detail);
  }
}

export interface CxActionSnoozeDetail extends CxActionDetail {
  /** ISO instant. */
  until: string;
}
/** The agent snoozes a suggestion until a time. */
export class CxActionSnoozeEvent extends CxEvent<CxActionSnoozeDetail> {
  static readonly eventName = 'cx-action-snooze';
  constructor(detail: CxActionSnoozeDetail) {
    super(CxActionSnoozeEvent.eventName, detail);
  }
}

export interface CxInteractionSelectDetail {
  customerId: string;
  interaction: Interaction;
}
/** The agent opens an interaction. */
export class CxInteractionSelectEvent extends CxEvent<CxInteractionSelectDetail> {
  static readonly eventName = 'cx-interaction-select';
  constructor(detail: CxInteractionSelectDetail) {
    super(CxInteractionSelectEvent.eventName, detail);
  }
}

export interface CxRevealDetail {
  customerId: string;
  /** The field path of the value shown, e.g. `customer.phones[0]`. */
  field: string;
}
/** The agent revealed a masked value (only possible where `redact.reveal` allows it). */
export class CxRevealEvent extends CxEvent<CxRevealDetail> {
  static readonly eventName = 'cx-reveal';
  constructor(detail: CxRevealDetail) {
    super(CxRevealEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cx-load': CxLoadEvent;
    'cx-error': CxErrorEvent;
    'cx-auth-required': CxAuthRequiredEvent;
    'cx-action-accept': CxActionAcceptEvent;
    'cx-action-dismiss': CxActionDismissEvent;
    'cx-action-snooze': CxActionSnoozeEvent;
    'cx-interaction-select': CxInteractionSelectEvent;
    'cx-reveal': CxRevealEvent;
  }
}
