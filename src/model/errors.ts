/**
 * Typed failures. Every failure an element can show is one of these, whatever the adapter threw.
 * Guards check the `code` (and a cross-copy brand), never `instanceof`, so errors created by another
 * copy of cxdesk on the page are recognised too.
 */

/** What went wrong, in one word. Elements pick the agent-facing words from the string catalog by it. */
export type CxErrorCode = 'not-found' | 'auth' | 'network' | 'timeout' | 'invalid-data' | 'adapter';

/** Which part of the SDK the failure belongs to (also the `source` of `cx-error`). */
export type CxSource = 'customer' | 'interactions' | 'next-actions' | 'feedback' | 'live' | 'cache';

const BRAND = Symbol.for('cxdesk.error');

export interface CxErrorOptions {
  cause?: unknown;
  /** HTTP status, when there was one. */
  status?: number;
  source?: CxSource;
}

/**
 * Base class of every cxdesk failure.
 *
 * @example
 * try { await adapter.getCustomer(id, { signal }); }
 * catch (e) { if (isNotFoundError(e)) showEmptyState(); }
 */
export class CxError extends Error {
  readonly code: CxErrorCode;
  readonly status?: number;
  source?: CxSource;
  /** Set on every cxdesk error; shared by every copy of the SDK on the page. */
  readonly [BRAND] = true;

  constructor(code: CxErrorCode, message: string, options: CxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CxError';
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.source !== undefined) this.source = options.source;
  }
}

/** The record does not exist (HTTP 404). */
export class NotFoundError extends CxError {
  constructor(message = 'Not found', options?: CxErrorOptions) {
    super('not-found', message, { status: 404, ...options });
    this.name = 'NotFoundError';
  }
}

/** Not signed in (401) or not allowed (403). `status` tells which. */
export class AuthError extends CxError {
  constructor(message = 'Not allowed', options?: CxErrorOptions) {
    super('auth', message, { status: 401, ...options });
    this.name = 'AuthError';
  }
}

/** No connection to the backend. */
export class NetworkError extends CxError {
  constructor(message = 'Network unavailable', options?: CxErrorOptions) {
    super('network', message, options);
    this.name = 'NetworkError';
  }
}

/** The backend did not answer in time. */
export class TimeoutError extends CxError {
  constructor(message = 'Timed out', options?: CxErrorOptions) {
    super('timeout', message, options);
    this.name = 'TimeoutError';
  }
}

/** One problem found while validating backend data. */
export interface DataIssue {
  /** Field path from the record's root, e.g. `interactions[3].occurredAt`. */
  path: string;
  /** What was expected, e.g. `expected an ISO date-time`. */
  message: string;
}

/**
 * The backend sent data that is not of the contract's shape (a required field missing or wrong,
 * or not JSON at all). `issues` lists every problem with its field path.
 */
export class InvalidDataError extends CxError {
  readonly issues: DataIssue[];

  constructor(message = 'Malformed data', options: CxErrorOptions & { issues?: DataIssue[] } = {}) {
    super('invalid-data', message, options);
    this.name = 'InvalidDataError';
    this.issues = options.issues ?? [];
  }
}

/** Any other backend or adapter failure (5xx, 429, an unexpected exception). */
export class AdapterError extends CxError {
  constructor(message = 'Adapter failed', options?: CxErrorOptions) {
    super('adapter', message, options);
    this.name = 'AdapterError';
  }
}

function hasCode(e: unknown, code?: CxErrorCode): e is CxError {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Record<string | symbol, unknown>;
  if (r[BRAND] !== true) return false;
  return code === undefined || r['code'] === code;
}

/** True for any cxdesk error, from this copy of the SDK or another. */
export const isCxError = (e: unknown): e is CxError => hasCode(e);
export const isNotFoundError = (e: unknown): e is NotFoundError => hasCode(e, 'not-found');
export const isAuthError = (e: unknown): e is AuthError => hasCode(e, 'auth');
export const isNetworkError = (e: unknown): e is NetworkError => hasCode(e, 'network');
export const isTimeoutError = (e: unknown): e is TimeoutError => hasCode(e, 'timeout');
export const isInvalidDataError = (e: unknown): e is InvalidDataError => hasCode(e, 'invalid-data');
export const isAdapterError = (e: unknown): e is AdapterError => hasCode(e, 'adapter');

/** True for the abort of a request that was cancelled on purpose (customer switched, element gone). */
export function isAbortError(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'AbortError'
  );
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
  'ERR_NETWORK',
  'NETWORK_ERROR',
  'OFFLINE',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'TIMEOUT', 'ERR_TIMEOUT']);
const OWN_CODES = new Set<string>(['not-found', 'auth', 'network', 'timeout', 'invalid-data', 'adapter']);

function describe(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/**
 * Turns whatever an adapter threw into a typed cxdesk error. A plain `Error` is classified by its
 * `status` (HTTP status) or `code` property when it has one; a `TypeError` from `fetch` is a network
 * failure; anything else is an `AdapterError` that keeps the original as `cause`.
 * Abort errors are returned unchanged: they are not failures.
 */
export function toCxError(e: unknown, source?: CxSource): CxError {
  if (isCxError(e)) {
    if (source && !e.source) e.source = source;
    return e;
  }
  const opts: CxErrorOptions = { cause: e };
  if (source) opts.source = source;
  const message = describe(e);
  const rec = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
  const rawStatus = rec['status'] ?? rec['statusCode'] ?? (rec['response'] as { status?: unknown } | undefined)?.status;
  const status = typeof rawStatus === 'number' ? rawStatus : typeof rawStatus === 'string' ? Number(rawStatus) : NaN;
  if (Number.isInteger(status) && status >= 400) {
    const o = { ...opts, status };
    if (status === 401 || status === 403) return new AuthError(message, o);
    if (status === 404 || status === 410) return new NotFoundError(message, o);
    if (status === 408 || status === 504) return new TimeoutError(message, o);
    if (status === 422) return new InvalidDataError(message, o);
    return new AdapterError(message, o);
  }
  const code = typeof rec['code'] === 'string' ? (rec['code'] as string) : undefined;
  if (code) {
    if (OWN_CODES.has(code)) {
      switch (code as CxErrorCode) {
        case 'not-found':
          return new NotFoundError(message, opts);
        case 'auth':
          return new AuthError(message, opts);
        case 'network':
          return new NetworkError(message, opts);
        case 'timeout':
          return new TimeoutError(message, opts);
        case 'invalid-data':
          return new InvalidDataError(message, opts);
        default:
          return new AdapterError(message, opts);
      }
    }
    const upper = code.toUpperCase();
    if (NETWORK_CODES.has(upper)) return new NetworkError(message, opts);
    if (TIMEOUT_CODES.has(upper)) return new TimeoutError(message, opts);
    if (upper === 'NOT_FOUND' || upper === 'ENOENT') return new NotFoundError(message, opts);
    if (upper === 'UNAUTHORIZED' || upper === 'FORBIDDEN' || upper === 'UNAUTHENTICATED' || upper === 'PERMISSION_DENIED') {
      return new AuthError(message, opts);
    }
  }
  if ((e as { name?: unknown } | null)?.name === 'TimeoutError') return new TimeoutError(message, opts);
  if (e instanceof TypeError && /fetch|network|load failed/i.test(e.message)) return new NetworkError(message, opts);
  if (e instanceof SyntaxError) return new InvalidDataError(message, opts);
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return new NetworkError(message, opts);
  return new AdapterError(message, opts);
}
