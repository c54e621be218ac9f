/**
 * The boundary between adapters and everything else: every call goes through here, so what comes out
 * is validated (contract §4) and every failure is a typed `CxError` naming its source. Elements and
 * the store never call an adapter directly.
 */
import type { ActionFeedback, CustomerLookup, CxAdapter, InteractionQuery } from '../adapters/adapter.js';
import { adapterProblem } from '../config.js';
import {
  AdapterError,
  InvalidDataError,
  isAbortError,
  toCxError,
  type CxSource,
  type DataIssue,
} from '../model/errors.js';
import {
  checkCustomer,
  checkCustomers,
  checkInteractionPage,
  checkNextActions,
  formatIssue,
  type DataNotice,
} from '../model/schema.js';
import type { Customer, InteractionPage, NextAction } from '../model/types.js';
import { SOURCE_ERRORS, type SourceError } from '../adapters/compose.js';

/** Data that passed validation, with what had to be dropped or left out on the way. */
export interface Loaded<T> {
  data: T;
  /** Optional fields or list items that were dropped. */
  notices: DataNotice[];
  /** Records left out because a required field was wrong (only for lists). */
  invalid: DataIssue[];
}

function invalid(issues: DataIssue[], source: CxSource, what: string): InvalidDataError {
  const head = issues.slice(0, 3).map(formatIssue).join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new InvalidDataError(`Invalid ${what}: ${head}${more}`, { issues, source });
}

/** Sources of a composed adapter that failed: shown as notices, the record itself still shown. */
function sourceNotices(raw: unknown): DataNotice[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const rec = raw as Record<string, unknown>;
  const errors = rec[SOURCE_ERRORS];
  delete rec[SOURCE_ERRORS];
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is SourceError => typeof e === 'object' && e !== null && typeof (e as SourceError).source === 'string')
    .map((e) => ({ path: `source ${e.source}`, message: `unavailable (${String(e.message)})`, dropped: `source ${e.source}` }));
}

function logDropped(source: CxSource, notices: DataNotice[], invalidRecords: DataIssue[]): void {
  if (notices.length) {
    console.warn(`cxdesk: ${source}: dropped ${notices.length} invalid optional value(s):`, notices.map(formatIssue));
  }
  if (invalidRecords.length) {
    console.warn(`cxdesk: ${source}: left out invalid record(s):`, invalidRecords.map(formatIssue));
  }
}

async function call<T>(
  adapter: CxAdapter | undefined,
  source: CxSource,
  method: keyof CxAdapter,
  run: (a: CxAdapter) => Promise<T> | T,
  signal: AbortSignal,
): Promise<T> {
  if (!adapter) throw new AdapterError('No adapter is configured', { source });
  const problem = adapterProblem(adapter);
  if (problem) throw new AdapterError(`The adapter is not usable: ${problem}`, { source });
  if (typeof adapter[method] !== 'function') {
    throw new AdapterError(`The adapter has no ${method} method`, { source });
  }
  signal.throwIfAborted();
  try {
    const result = await run(adapter);
    signal.throwIfAborted();
    return result;
  } catch (e) {
    if (signal.aborted || isAbortError(e)) throw signal.reason ?? e;
    throw toCxError(e, source);
  }
}

/** Loads and validates one customer. A wrong required field throws `InvalidDataError` with its path. */
export async function loadCustomer(adapter: CxAdapter | undefined, customerId: string, signal: AbortSignal): Promise<Loaded<Customer>> {
  const raw = await call(adapter, 'customer', 'getCustomer', (a) => a.getCustomer(customerId, { signal }), signal);
  const failedSources = sourceNotices(raw);
  const r = checkCustomer(raw);
  if (!r.ok) throw invalid(r.issues, 'customer', 'customer record');
  logDropped('customer', r.notices, []);
  return { data: r.value, notices: [...failedSources, ...r.notices], invalid: [] };
}

/**
 * Loads and validates one page of interactions. Invalid items are left out and reported with their
 * path (`interactions[3].occurredAt: expected an ISO date-time`); the valid ones are kept.
 */
export async function loadInteractions(
  adapter: CxAdapter | undefined,
  customerId: string,
  query: InteractionQuery,
): Promise<Loaded<InteractionPage>> {
  const raw = await call(adapter, 'interactions', 'listInteractions', (a) => a.listInteractions(customerId, query), query.signal);
  const failedSources = sourceNotices(raw);
  const r = checkInteractionPage(raw);
  if (!r.ok) throw invalid(r.issues, 'interactions', 'page of interactions');
  r.notices.unshift(...failedSources);
  logDropped('interactions', r.notices, r.invalid);
  const page: InteractionPage = { items: r.items, nextCursor: r.nextCursor };
  if (r.total !== undefined) page.total = r.total;
  if (r.counts !== undefined) page.counts = r.counts;
  return { data: page, notices: r.notices, invalid: r.invalid };
}

/** Loads and validates next actions; invalid ones are left out and reported, the rest kept. */
export async function loadNextActions(adapter: CxAdapter | undefined, customerId: string, signal: AbortSignal): Promise<Loaded<NextAction[]>> {
  const raw = await call(adapter, 'next-actions', 'getNextActions', (a) => a.getNextActions(customerId, { signal }), signal);
  const r = checkNextActions(raw);
  if ('error' in r) throw invalid([r.error], 'next-actions', 'list of next actions');
  logDropped('next-actions', r.notices, r.invalid);
  return { data: r.items, notices: r.notices, invalid: r.invalid };
}

/**
 * Resolves a contact point or reference to a customer through the adapter's `findCustomer`.
 * Returns `null` when nobody matches.
 */
export async function lookupCustomer(
  adapter: CxAdapter | undefined,
  query: CustomerLookup,
  signal: AbortSignal,
): Promise<Loaded<Customer> | null> {
  const raw = await call(
    adapter,
    'customer',
    'findCustomer',
    (a) => a.findCustomer!(query, { signal }),
    signal,
  );
  if (raw === null || raw === undefined) return null;
  // Some backends answer a lookup with a list: take the single match, refuse an ambiguous one.
  if (Array.isArray(raw)) {
    const list = checkCustomers(raw);
    if ('error' in list) throw invalid([list.error], 'customer', 'customer lookup');
    if (list.items.length === 0) return null;
    if (list.items.length > 1) {
      throw new AdapterError(`The lookup matched ${list.items.length} customers; expected one`, { source: 'customer' });
    }
    return { data: list.items[0]!, notices: list.notices, invalid: list.invalid };
  }
  const r = checkCustomer(raw);
  if (!r.ok) throw invalid(r.issues, 'customer', 'customer record');
  return { data: r.value, notices: r.notices, invalid: [] };
}

/**
 * Sends one decision's feedback. Resolves `false` when the adapter has no `sendActionFeedback` (there
 * is nowhere to send it); throws a typed error when sending failed.
 */
export async function sendFeedback(
  adapter: CxAdapter,
  customerId: string,
  actionId: string,
  feedback: ActionFeedback,
): Promise<boolean> {
  if (typeof adapter.sendActionFeedback !== 'function') return false;
  try {
    await adapter.sendActionFeedback(customerId, actionId, feedback);
    return true;
  } catch (e) {
    throw toCxError(e, 'feedback');
  }
}
