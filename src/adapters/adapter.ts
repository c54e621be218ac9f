import type { Channel, Customer, InteractionPage, LiveEvent, NextAction } from '../model/types.js';

/** What `listInteractions` is asked for. */
export interface InteractionQuery {
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string;
  limit: number;
  /** Only these channels. */
  channels?: Channel[];
  /** Free-text search. */
  search?: string;
  /** ISO instant: only items older than this (jump to a date). */
  before?: string;
  signal: AbortSignal;
}

/** A lookup by contact point or external reference (`<cx-desk customer-email=…>`). */
export interface CustomerLookup {
  email?: string;
  phone?: string;
  ref?: string;
}

export type FeedbackOutcome = 'accepted' | 'dismissed' | 'snoozed';

/** What the agent decided about a suggestion. */
export interface ActionFeedback {
  outcome: FeedbackOutcome;
  reason?: string;
  /** ISO instant, for `snoozed`. */
  snoozeUntil?: string;
  /** ISO instant of the decision. */
  at: string;
  /** Unique per decision: backends de-duplicate on it. */
  decisionId: string;
}

/**
 * Where cxdesk gets its data. A plain object literal is a complete adapter: implement the three
 * required methods against any backend, add the optional ones when the backend can.
 *
 * Everything returned is untrusted: cxdesk validates it at the boundary and renders it as text.
 * Throw whatever you like on failure: a plain `Error` with a `status` (HTTP status) or `code`
 * property is classified (401/403 → not allowed, 404 → not found, …); see `toCxError`.
 *
 * @example
 * const adapter: CxAdapter = {
 *   getCustomer: (id, { signal }) => fetch(`/api/customers/${id}`, { signal }).then((r) => r.json()),
 *   listInteractions: async (id, { limit, cursor, signal }) => {
 *     const r = await fetch(`/api/customers/${id}/interactions?limit=${limit}&cursor=${cursor ?? ''}`, { signal });
 *     return r.json();
 *   },
 *   getNextActions: async () => [],
 * };
 */
export interface CxAdapter {
  getCustomer(customerId: string, opts: { signal: AbortSignal }): Promise<Customer>;
  /** Newest first. */
  listInteractions(customerId: string, query: InteractionQuery): Promise<InteractionPage>;
  getNextActions(customerId: string, opts: { signal: AbortSignal }): Promise<NextAction[]>;
  /** Resolves a contact point or reference to a customer; `null` when there is none. */
  findCustomer?(query: CustomerLookup, opts: { signal: AbortSignal }): Promise<Customer | null>;
  sendActionFeedback?(customerId: string, actionId: string, feedback: ActionFeedback): Promise<void>;
  /** Starts live updates for one customer; returns the function that stops them. */
  subscribe?(customerId: string, onEvent: (event: LiveEvent) => void): () => void;
  /**
   * Identifies the backend in the cache (not part of the contract's methods). Set it when adapters
   * for different backends share one cache namespace. The REST adapter uses its base URL.
   */
  readonly cacheKey?: string;
}
