/**
 * The cxdesk data model (contract §4). Every adapter returns these shapes; everything an adapter
 * returns is validated at the boundary (see `validateCustomer` and friends), so elements can trust
 * the types below.
 *
 * Instants are ISO 8601 date-times with an offset or `Z`. `customerSince`, `since` and `renewsAt`
 * may also be plain dates (`2024-03-01`). Unknown extra fields sent by a backend are kept.
 */

/** The channels cxdesk knows by name and icon. */
export const CHANNELS = [
  'phone',
  'email',
  'chat',
  'sms',
  'social',
  'web',
  'app',
  'voice_assistant',
  'in_person',
  'video',
  'other',
] as const;

/**
 * A known channel. A backend may send any other string: it is kept and shown under its own name
 * with a neutral icon, hence `(string & {})`.
 *
 * @example
 * const c: Channel = 'email';
 */
export type KnownChannel = (typeof CHANNELS)[number];
export type Channel = KnownChannel | (string & {});

/** An ISO 8601 date-time with offset or `Z`, e.g. `2026-11-20T15:04:05Z`. */
export type IsoDateTime = string;
/** An ISO 8601 date-time, or a plain date `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * An amount of money in major units (12.5 = 12.50) and an ISO 4217 currency.
 * @example
 * const ltv: Money = { amount: 12840.5, currency: 'EUR' };
 */
export interface Money {
  amount: number;
  currency: string;
}

export interface SentimentPoint {
  at: IsoDateTime;
  /** -1 (very negative) .. 1 (very positive) */
  value: number;
}

export interface CustomerHealth {
  /** 0 (no risk) .. 1 (certain to churn) */
  churnRisk?: number;
  /** 0 .. 5 */
  csat?: number;
  /** -100 .. 100 */
  nps?: number;
  /** -1 .. 1 */
  sentiment?: number;
  sentimentTrend?: SentimentPoint[];
}

export interface Product {
  id: string;
  name: string;
  plan?: string;
  status?: string;
  since?: IsoDate;
  renewsAt?: IsoDate;
}

export interface Order {
  id: string;
  placedAt: IsoDateTime;
  total?: Money;
  status?: string;
  url?: string;
}

export interface OpenCase {
  id: string;
  subject: string;
  status?: string;
  priority?: string;
  openedAt: IsoDateTime;
  url?: string;
}

/** A consent flag that is missing means "not known", and gates like "not given". */
export interface Consent {
  marketingEmail?: boolean;
  sms?: boolean;
  phone?: boolean;
  dataProcessing?: boolean;
  updatedAt?: IsoDateTime;
}

/** The consent flags a next action can require. */
export type ConsentKind = 'marketingEmail' | 'sms' | 'phone';

export interface CustomerNote {
  id: string;
  author: string;
  body: string;
  createdAt: IsoDateTime;
}

export interface CustomerAttribute {
  label: string;
  value: string | number | boolean;
}

export interface Company {
  id?: string;
  name: string;
}

/**
 * A customer: who they are, what they own and bought, how the relationship is going.
 * Only `id` and `name` are required.
 *
 * @example
 * const ada: Customer = {
 *   id: 'c-1001',
 *   name: 'Ada Quinn',
 *   emails: ['ada@example.com'],
 *   health: { churnRisk: 0.12, csat: 4.6 },
 * };
 */
export interface Customer {
  id: string;
  name: string;
  avatarUrl?: string;
  emails?: string[];
  phones?: string[];
  company?: Company;
  segment?: string;
  tier?: string;
  customerSince?: IsoDate;
  /** Free text, e.g. onboarding, active, renewal, at risk. */
  lifecycleStage?: string;
  lifetimeValue?: Money;
  preferredChannel?: Channel;
  /** BCP 47 language tag. */
  language?: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone?: string;
  location?: string;
  tags?: string[];
  health?: CustomerHealth;
  products?: Product[];
  orders?: Order[];
  openCases?: OpenCase[];
  consent?: Consent;
  notes?: CustomerNote[];
  attributes?: CustomerAttribute[];
  updatedAt?: IsoDateTime;
  /** Unknown fields from a backend are kept. */
  [extra: string]: unknown;
}

export type Direction = 'inbound' | 'outbound' | 'internal';

export interface InteractionBody {
  text?: string;
  /** Email HTML. Always sanitized before display. */
  html?: string;
}

export interface Attachment {
  name: string;
  url: string;
  /** Bytes. */
  size?: number;
}

/**
 * One touchpoint on one channel. `id`, `channel` and `occurredAt` are required.
 *
 * @example
 * const call: Interaction = {
 *   id: 'i-1', channel: 'phone', occurredAt: '2026-11-20T09:30:00Z',
 *   direction: 'inbound', summary: 'Asked about the refund', durationSec: 312,
 * };
 */
export interface Interaction {
  id: string;
  channel: Channel;
  occurredAt: IsoDateTime;
  direction?: Direction;
  subject?: string;
  summary?: string;
  body?: InteractionBody;
  agent?: { id?: string; name: string };
  status?: string;
  /** -1 .. 1 */
  sentiment?: number;
  durationSec?: number;
  caseId?: string;
  url?: string;
  attachments?: Attachment[];
  tags?: string[];
  /** Which system it came from. */
  source?: string;
  [extra: string]: unknown;
}

export const ACTION_KINDS = [
  'service',
  'retention',
  'upsell',
  'cross_sell',
  'follow_up',
  'education',
  'compliance',
  'other',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * A suggested next best action. `id` and `title` are required.
 *
 * @example
 * const offer: NextAction = {
 *   id: 'na-7', title: 'Offer a loyalty discount', kind: 'retention',
 *   reason: 'Churn risk is high and the contract renews in 12 days.',
 *   priority: 80, confidence: 0.72, requiresConsent: 'marketingEmail',
 *   payload: { offerId: 'LOYAL-10' },
 * };
 */
export interface NextAction {
  id: string;
  title: string;
  /** Why it is suggested. */
  reason?: string;
  kind?: ActionKind;
  /** Higher first. */
  priority?: number;
  /** 0 .. 1 */
  confidence?: number;
  channel?: Channel;
  expiresAt?: IsoDateTime;
  requiresConsent?: ConsentKind;
  /** Opaque; handed back to the host on accept. */
  payload?: unknown;
  /** `rules` for local rules, else the adapter's name. */
  source?: string;
  [extra: string]: unknown;
}

/** One page of a customer's interactions, newest first. */
export interface InteractionPage {
  items: Interaction[];
  /** Opaque cursor for the next (older) page; `null` or missing when there is none. */
  nextCursor?: string | null;
  /** Total matching the query, when the backend knows it. */
  total?: number;
  /** Per-channel totals, for filter chips. */
  counts?: Partial<Record<Channel, number>>;
}

/** A live update pushed by an adapter's `subscribe`. */
export type LiveEvent =
  | { type: 'interaction'; interaction: Interaction }
  | { type: 'customer'; customer: Customer }
  | { type: 'next-actions'; actions: NextAction[] };
