/**
 * Test access to the demo backend (started by test/web-test-runner.config.mjs): each test gets a scope of
 * its own, so settings, faults, logs and live events never leak between tests.
 */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  ifNoneMatch: string | null;
  lastEventId: string | null;
  idempotencyKey: string | null;
  origin: string | null;
  cookie: boolean;
  aborted: boolean;
  /** An event stream the client closed. */
  streamClosed: boolean;
}

export interface Fault {
  method?: string;
  path?: string;
  status?: number;
  body?: string;
  json?: unknown;
  delayMs?: number;
  retryAfter?: number;
  drop?: boolean;
  times?: number;
}

let scopes = 0;

/** Where the backend answers from another origin (a second port). */
export const crossOriginBackend = (window as unknown as { __CX_TEST__: { crossOriginBackend: string } }).__CX_TEST__.crossOriginBackend;

export class Scope {
  readonly name = `t${Date.now().toString(36)}${++scopes}${Math.random().toString(36).slice(2, 6)}`;

  /** `origin` is '' for the test page's own origin, or another origin's URL. */
  constructor(readonly origin = '') {}

  /** The contract's base URL for this scope. */
  get baseUrl(): string {
    return new URL(`/api/cx/s/${this.name}/`, this.origin || location.origin).href;
  }

  private async control(path: string, body?: unknown): Promise<unknown> {
    const r = await fetch(new URL(`/__control/${this.name}/${path}`, this.origin || location.origin), {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
    });
    if (!r.ok) throw new Error(`control ${path}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? undefined : r.json();
  }

  settings(s: Record<string, unknown>) {
    return this.control('settings', s);
  }
  faults(faults: Fault[]) {
    return this.control('faults', { faults });
  }
  data(d: Record<string, unknown>) {
    return this.control('data', d);
  }
  push(customerId: string, event: unknown) {
    return this.control('push', { customerId, event }) as Promise<{ id: number }>;
  }
  dropStreams() {
    return this.control('sse/drop', {});
  }
  login() {
    return this.control('login', {});
  }
  async log(): Promise<LoggedRequest[]> {
    return ((await this.control('log')) as { requests: LoggedRequest[] }).requests;
  }
  /** Requests of one method and path (relative to the base), preflights excluded. */
  async requests(path: string | RegExp, method = 'GET'): Promise<LoggedRequest[]> {
    return (await this.log()).filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }
}
