/**
 * The REST adapter: the contract's HTTP endpoints (see `openapi.json` in the package) over `ky`.
 *
 * - One deadline (`timeoutMs`) for the whole call, retries included.
 * - Retries only for reads, on network errors, 408, 429 and 5xx, honouring `Retry-After`, with capped
 *   exponential backoff and full jitter. Feedback (POST) is never retried blindly: it carries an
 *   `Idempotency-Key`, and the caller decides.
 * - Conditional requests through the browser's HTTP cache (`cache: 'no-cache'`): a server with ETags
 *   answers 304 and nothing is downloaded twice.
 * - Every failure is a typed cxdesk error.
 */
import ky, { HTTPError, type KyInstance } from 'ky';
import type { ActionFeedback, CustomerLookup, CxAdapter, InteractionQuery } from '../adapter.js';
import {
  AdapterError,
  AuthError,
  CxError,
  InvalidDataError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  isCxError,
} from '../../model/errors.js';
import { checkLiveEvent } from '../../model/schema.js';
import type { Customer, InteractionPage, LiveEvent, NextAction } from '../../model/types.js';
import { anySignal } from '../../internal/signals.js';
import { runEventStream } from './event-stream.js';

export interface RestRetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Upper bound of one backoff delay, in ms. Default 5000. */
  backoffLimitMs?: number;
  /** Longest `Retry-After` honoured, in ms; a longer one fails at once. Default 30 000. */
  maxRetryAfterMs?: number;
}

export type HeadersSource =
  | HeadersInit
  | (() => HeadersInit | Promise<HeadersInit>);

export interface RestAdapterOptions {
  /** Where the endpoints live, e.g. `https://support.example.com/api/cx/` (relative URLs resolve against the page). */
  baseUrl: string;
  /** Extra headers, or a function called before every request (token refresh). */
  headers?: HeadersSource;
  /** `same-origin` (default), `include` (cookies cross-origin) or `omit`. */
  credentials?: RequestCredentials;
  /** One deadline for a whole call, retries included. Default 15 000 ms. */
  timeoutMs?: number;
  /** Retry policy for reads; `false` or `0` for none. */
  retry?: RestRetryOptions | number | false;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

/** The REST adapter, a complete `CxAdapter` (all optional methods included). */
export interface RestAdapter extends Required<CxAdapter> {
  readonly baseUrl: string;
  /** Identifies this backend in the cache. */
  readonly cacheKey: string;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

function normalizeBaseUrl(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || !baseUrl.trim()) {
    throw new TypeError('createRestAdapter({ baseUrl }) needs baseUrl, e.g. "https://support.example.com/api/cx/"');
  }
  let url: URL;
  try {
    url = new URL(baseUrl.trim(), typeof document !== 'undefined' ? document.baseURI : undefined);
  } catch {
    throw new TypeError(`createRestAdapter: baseUrl "${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`createRestAdapter: baseUrl must be http(s), not "${url.protocol}"`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

async function serverMessage(response: Response): Promise<string> {
  try {
    const text = await response.clone().text();
    try {
      const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
      const m = typeof body.error === 'string' ? body.error : body.error?.message ?? body.message;
      if (typeof m === 'string' && m) return m;
    } catch {
      /* not JSON */
    }
    return text.slice(0, 200) || response.statusText;
  } catch {
    return response.statusText;
  }
}

/**
 * Creates the adapter for the contract's REST endpoints.
 *
 * @example
 * const adapter = createRestAdapter({
 *   baseUrl: 'https://support.example.com/api/cx/',
 *   headers: async () => ({ Authorization: `Bearer ${await getToken()}` }),
 *   timeoutMs: 10_000,
 * });
 */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  if (!options || typeof options !== 'object') {
    throw new TypeError('createRestAdapter(options) needs an options object with baseUrl');
  }
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const timeoutMs = Number.isFinite(options.timeoutMs) && options.timeoutMs! > 0 ? options.timeoutMs! : 15_000;
  const retry: Required<RestRetryOptions> =
    options.retry === false
      ? { limit: 0, backoffLimitMs: 0, maxRetryAfterMs: 0 }
      : typeof options.retry === 'number'
        ? { limit: Math.max(0, options.retry), backoffLimitMs: 5000, maxRetryAfterMs: 30_000 }
        : { limit: 2, backoffLimitMs: 5000, maxRetryAfterMs: 30_000, ...(options.retry ?? {}) };
  const credentials = options.credentials ?? 'same-origin';
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const resolveHeaders = async (): Promise<Headers> => {
    const source = options.headers;
    const init = typeof source === 'function' ? await source() : source;
    return new Headers(init ?? undefined);
  };
  const applyHeaders = async (request: Request) => {
    const extra = await resolveHeaders();
    extra.forEach((value, name) => request.headers.set(name, value));
  };

  const http: KyInstance = ky.create({
    prefixUrl: baseUrl,
    credentials,
    timeout: false, // our own deadline covers retries too
    throwHttpErrors: true,
    fetch: fetchFn,
    retry: {
      limit: retry.limit,
      methods: ['get'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [413, 429, 503],
      backoffLimit: retry.backoffLimitMs,
      maxRetryAfter: retry.maxRetryAfterMs,
      jitter: true,
    },
    hooks: {
      beforeRequest: [applyHeaders],
      beforeRetry: [({ request }) => applyHeaders(request)],
    },
  });

  /** Runs one call under the deadline and turns every failure into a typed error. */
  async function call<T>(signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new TimeoutError(`No answer from ${baseUrl} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const combined = anySignal([signal, deadline.signal]);
    try {
      return await run(combined);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (deadline.signal.aborted) throw deadline.signal.reason as TimeoutError;
      throw await classify(e);
    } finally {
      clearTimeout(timer);
    }
  }

  async function classify(e: unknown): Promise<CxError> {
    if (isCxError(e)) return e;
    if (e instanceof HTTPError) {
      const { status } = e.response;
      const message = `${e.request.method} ${e.request.url} answered ${status}: ${await serverMessage(e.response)}`;
      if (status === 401 || status === 403) return new AuthError(message, { status, cause: e });
      if (status === 404 || status === 410) return new NotFoundError(message, { status, cause: e });
      if (status === 408) return new TimeoutError(message, { status, cause: e });
      return new AdapterError(message, { status, cause: e });
    }
    if (e instanceof TypeError) return new NetworkError(`Cannot reach ${baseUrl}: ${e.message}`, { cause: e });
    return new AdapterError(e instanceof Error ? e.message : String(e), { cause: e });
  }

  async function getJson(path: string, signal: AbortSignal | undefined, searchParams?: URLSearchParams): Promise<unknown> {
    return call(signal, async (s) => {
      const response = await http.get(path, { signal: s, cache: 'no-cache', ...(searchParams ? { searchParams } : {}) });
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        throw new InvalidDataError(`${response.url} did not answer with JSON: ${text.slice(0, 80)}`, { cause: e });
      }
    });
  }

  const enc = encodeURIComponent;

  const adapter: RestAdapter = {
    baseUrl,
    cacheKey: baseUrl,

    async getCustomer(customerId, { signal }) {
      return (await getJson(`customers/${enc(customerId)}`, signal)) as Customer;
    },

    async findCustomer(query: CustomerLookup, { signal }) {
      const params = new URLSearchParams();
      for (const k of ['email', 'phone', 'ref'] as const) if (query[k]) params.set(k, query[k]!);
      const body = (await getJson('customers', signal, params)) as { items?: unknown };
      if (!body || typeof body !== 'object' || !Array.isArray(body.items)) {
        throw new InvalidDataError('The customer lookup did not answer with { items: [...] }');
      }
      if (body.items.length === 0) return null;
      if (body.items.length > 1) {
        throw new AdapterError(`The lookup matched ${body.items.length} customers; expected one`);
      }
      return body.items[0] as Customer;
    },

    async listInteractions(customerId, query: InteractionQuery) {
      const params = new URLSearchParams({ limit: String(query.limit) });
      if (query.cursor) params.set('cursor', query.cursor);
      if (query.channels?.length) params.set('channel', query.channels.join(','));
      if (query.search) params.set('q', query.search);
      if (query.before) params.set('before', query.before);
      return (await getJson(`customers/${enc(customerId)}/interactions`, query.signal, params)) as InteractionPage;
    },

    async getNextActions(customerId, { signal }) {
      const body = (await getJson(`customers/${enc(customerId)}/next-actions`, signal)) as { items?: unknown } | unknown[];
      if (Array.isArray(body)) return body as NextAction[];
      if (!body || typeof body !== 'object' || !Array.isArray((body as { items?: unknown }).items)) {
        throw new InvalidDataError('The next actions did not come as { items: [...] }');
      }
      return (body as { items: NextAction[] }).items;
    },

    async sendActionFeedback(customerId, actionId, feedback: ActionFeedback) {
      await call(undefined, (signal) =>
        http.post(`customers/${enc(customerId)}/next-actions/${enc(actionId)}/feedback`, {
          json: feedback,
          signal,
          headers: { 'Idempotency-Key': feedback.decisionId },
          retry: 0,
        }),
      );
    },

    subscribe(customerId, onEvent: (event: LiveEvent) => void) {
      const controller = new AbortController();
      let warned = false;
      void runEventStream({
        url: new URL(`customers/${enc(customerId)}/events`, baseUrl).href,
        headers: resolveHeaders,
        credentials,
        fetch: fetchFn,
        signal: controller.signal,
        onMessage(data) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(data);
          } catch {
            console.warn('cxdesk: a live event was not JSON and was ignored:', data.slice(0, 80));
            return;
          }
          const r = checkLiveEvent(parsed);
          if (r.ok) onEvent(r.value);
          else console.warn('cxdesk: an invalid live event was ignored:', r.issues);
        },
        onStatus(status) {
          if (!warned && (status === 401 || status === 403)) {
            warned = true;
            console.warn(`cxdesk: live updates for ${customerId} stopped: the server answered ${status}.`);
          }
        },
      });
      return () => controller.abort();
    },
  };
  return adapter;
}
