/**
 * Server-sent events read with `fetch` (not `EventSource`), so that auth headers and credentials work
 * like every other request. Reconnects with capped exponential backoff and jitter, sends
 * `Last-Event-ID` so the server replays what was missed, and drops events it has already delivered,
 * so every event arrives exactly once.
 */
import { anySignal, wait } from '../../internal/signals.js';

export interface EventStreamOptions {
  url: string;
  /** Called before every (re)connection, so tokens can refresh. */
  headers: () => Promise<Headers>;
  credentials?: RequestCredentials | undefined;
  fetch: typeof fetch;
  /** One parsed `data:` payload with its id. */
  onMessage: (data: string, id: string | undefined) => void;
  /** A connection attempt failed with an HTTP status (401/403/404 stop the stream). */
  onStatus?: (status: number) => void;
  signal: AbortSignal;
  /** First reconnection delay; doubled up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const FINAL_STATUSES = new Set([401, 403, 404, 410]);

/** Parses an event stream body, calling `dispatch` per event. Returns when the body ends. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  dispatch: (event: { data: string; id: string | undefined; retry: number | undefined }) => void,
  signal: AbortSignal,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;
  let retry: number | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) dispatch({ data: data.join('\n'), id, retry });
          data = [];
          retry = undefined;
          continue;
        }
        if (line.startsWith(':')) continue; // comment (keep-alive ping)
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\0')) id = value;
        else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Keeps an event stream open until `signal` aborts. */
export async function runEventStream(options: EventStreamOptions): Promise<void> {
  const { signal } = options;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  let lastEventId: string | undefined;
  const seen = new Set<string>();
  let failures = 0;
  let serverRetry: number | undefined;

  while (!signal.aborted) {
    let delivered = false;
    try {
      const headers = await options.headers();
      headers.set('Accept', 'text/event-stream');
      if (lastEventId !== undefined) headers.set('Last-Event-ID', lastEventId);
      const response = await options.fetch(options.url, {
        headers,
        credentials: options.credentials,
        cache: 'no-store',
        signal,
      });
      if (!response.ok || !response.body) {
        options.onStatus?.(response.status);
        void response.body?.cancel().catch(() => undefined);
        if (FINAL_STATUSES.has(response.status)) return;
      } else {
        failures = 0;
        await readEventStream(
          response.body,
          (event) => {
            if (event.retry !== undefined) serverRetry = event.retry;
            if (event.id !== undefined) {
              lastEventId = event.id;
              if (seen.has(event.id)) return; // replayed twice: deliver once
              seen.add(event.id);
              if (seen.size > 1000) seen.delete(seen.values().next().value as string);
            }
            delivered = true;
            options.onMessage(event.data, event.id);
          },
          signal,
        );
      }
    } catch {
      if (signal.aborted) return;
    }
    if (signal.aborted) return;
    if (!delivered) failures++;
    const ceiling = Math.min(max, (serverRetry ?? base) * 2 ** Math.min(failures, 10));
    const delay = failures === 0 ? serverRetry ?? base : ceiling / 2 + Math.random() * (ceiling / 2);
    try {
      await waitOrOnline(delay, signal);
    } catch {
      return;
    }
  }
}

/** Waits for the delay, or less when the browser comes back online. */
function waitOrOnline(ms: number, signal: AbortSignal): Promise<void> {
  if (typeof window === 'undefined') return wait(ms, signal);
  const early = new AbortController();
  const onOnline = () => early.abort();
  window.addEventListener('online', onOnline, { once: true });
  return wait(ms, anySignal([signal, early.signal]))
    .catch((e: unknown) => {
      if (signal.aborted) throw e;
    })
    .finally(() => window.removeEventListener('online', onOnline));
}
