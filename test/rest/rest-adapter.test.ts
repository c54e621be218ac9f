import { expect, waitUntil } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import { createRestAdapter } from '../../src/adapters/rest/rest-adapter.js';
import { loadCustomer, loadInteractions } from '../../src/data/boundary.js';
import {
  isAdapterError,
  isAuthError,
  isInvalidDataError,
  isNetworkError,
  isNotFoundError,
  isTimeoutError,
  type CxError,
} from '../../src/model/errors.js';
import type { LiveEvent } from '../../src/model/types.js';
import { Scope, crossOriginBackend } from './backend.js';

const signal = () => new AbortController().signal;
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as CxError);
const ADA = 'c-1001';

for (const [where, origin] of [
  ['same origin', ''],
  ['cross-origin, credentials included', crossOriginBackend],
] as const) {
describe(`createRestAdapter against the demo backend (${where})`, () => {
  const credentials: RequestCredentials = origin ? 'include' : 'same-origin';
  const rest = (o: Parameters<typeof createRestAdapter>[0]) => createRestAdapter({ credentials, ...o });

  it('reads a customer, a lookup, a page of interactions and next actions', async () => {
    const scope = new Scope(origin);
    const adapter = rest({ baseUrl: scope.baseUrl });
    const customer = await adapter.getCustomer(ADA, { signal: signal() });
    expect(customer.name).to.equal('Ada Quinn');
    expect((await adapter.findCustomer({ email: 'ADA@example.com' }, { signal: signal() }))?.id).to.equal(ADA);
    expect(await adapter.findCustomer({ email: 'nobody@example.com' }, { signal: signal() })).to.equal(null);
    const page = await adapter.listInteractions(ADA, { limit: 5, channels: ['email', 'chat'], signal: signal() });
    expect(page.items.length).to.equal(5);
    expect(page.items.every((i) => i.channel === 'email' || i.channel === 'chat')).to.equal(true);
    expect(page.nextCursor).to.be.a('string');
    const next = await adapter.listInteractions(ADA, { limit: 5, channels: ['email', 'chat'], cursor: page.nextCursor!, signal: signal() });
    expect(next.items[0]!.id).not.to.equal(page.items[0]!.id);
    expect((await adapter.getNextActions(ADA, { signal: signal() })).length).to.be.greaterThan(0);
    const [req] = await scope.requests('customers', 'GET');
    expect(req!.query).to.deep.equal({ email: 'ADA@example.com' });
  });

  it('gives up with TimeoutError within the deadline when every attempt is slow and failing', async () => {
    const scope = new Scope(origin);
    await scope.faults([{ path: `^customers/${ADA}$`, status: 503, delayMs: 900 }]);
    const adapter = rest({ baseUrl: scope.baseUrl, timeoutMs: 1000, retry: { limit: 5 } });
    const started = performance.now();
    const e = await fail(adapter.getCustomer(ADA, { signal: signal() }));
    const elapsed = performance.now() - started;
    expect(isTimeoutError(e), String(e)).to.equal(true);
    expect(elapsed).to.be.below(1500);
  });

  it('succeeds after one retry when a 503 is followed by a 200', async () => {
    const scope = new Scope(origin);
    await scope.faults([{ path: `^customers/${ADA}$`, status: 503, times: 1 }]);
    const adapter = rest({ baseUrl: scope.baseUrl, retry: { limit: 2, backoffLimitMs: 200 } });
    expect((await adapter.getCustomer(ADA, { signal: signal() })).id).to.equal(ADA);
    expect((await scope.requests(`customers/${ADA}`)).map((r) => r.status)).to.deep.equal([503, 200]);
  });

  it('honours Retry-After', async () => {
    const scope = new Scope(origin);
    await scope.faults([{ path: `^customers/${ADA}$`, status: 503, retryAfter: 1, times: 1 }]);
    const adapter = rest({ baseUrl: scope.baseUrl });
    const started = performance.now();
    await adapter.getCustomer(ADA, { signal: signal() });
    expect(performance.now() - started).to.be.at.least(950);
  });

  it('never retries feedback (POST), and sends the decision id as Idempotency-Key', async () => {
    const scope = new Scope(origin);
    await scope.faults([{ method: 'POST', status: 503 }]);
    const adapter = rest({ baseUrl: scope.baseUrl, retry: { limit: 3, backoffLimitMs: 50 } });
    const e = await fail(
      adapter.sendActionFeedback(ADA, 'a-1', { outcome: 'accepted', at: new Date().toISOString(), decisionId: 'd-42' }),
    );
    expect(isAdapterError(e)).to.equal(true);
    const posts = await scope.requests(/feedback$/, 'POST');
    expect(posts.length).to.equal(1);
    expect(posts[0]!.idempotencyKey).to.equal('d-42');
  });

  it('maps every failure to its typed error', async () => {
    const scope = new Scope(origin);
    const adapter = rest({ baseUrl: scope.baseUrl, retry: false });
    const cases: Array<[number | 'malformed' | 'drop', (e: unknown) => boolean]> = [
      [401, isAuthError],
      [403, isAuthError],
      [404, isNotFoundError],
      [429, isAdapterError],
      [500, isAdapterError],
      ['malformed', isInvalidDataError],
      ['drop', isNetworkError],
    ];
    for (const [kind, guard] of cases) {
      await scope.faults([
        kind === 'malformed' ? { body: '{"id": "c-1001", "name": ' } : kind === 'drop' ? { drop: true } : { status: kind },
      ]);
      const e = await fail(adapter.getCustomer(ADA, { signal: signal() }));
      expect(guard(e), `${kind}: ${String(e)}`).to.equal(true);
      if (typeof kind === 'number') expect(e.status).to.equal(kind);
    }
  });

  it('reports an invalid record by its field path', async () => {
    const scope = new Scope(origin);
    await scope.data({ customers: [{ id: ADA, name: 42 }] });
    const adapter = rest({ baseUrl: scope.baseUrl });
    const e = await fail(loadCustomer(adapter, ADA, signal()));
    expect(isInvalidDataError(e)).to.equal(true);
    expect(e.message).to.contain('customer.name: expected non-empty text');
  });

  it('keeps the valid interactions of a page with an invalid one', async () => {
    const scope = new Scope(origin);
    await scope.data({
      interactions: {
        [ADA]: [
          { id: 'i-3', channel: 'chat', occurredAt: '2026-11-20T10:00:00Z' },
          { id: 'i-2', channel: 'email', occurredAt: 'not a date' },
          { id: 'i-1', channel: 'sms', occurredAt: '2026-11-18T10:00:00Z' },
        ],
      },
    });
    const r = await loadInteractions(rest({ baseUrl: scope.baseUrl }), ADA, { limit: 10, signal: signal() });
    expect(r.data.items.map((i) => i.id)).to.deep.equal(['i-3', 'i-1']);
    expect(r.invalid[0]!.path).to.match(/^interactions\[\d\]\.occurredAt$/);
  });

  it('calls the headers function before every request, so tokens can refresh', async () => {
    const scope = new Scope(origin);
    await scope.settings({ requireAuth: 'Bearer token-2' });
    let token = 1;
    const adapter = rest({ baseUrl: scope.baseUrl, headers: async () => ({ Authorization: `Bearer token-${token}` }) });
    const e = await fail(adapter.getCustomer(ADA, { signal: signal() }));
    expect(isAuthError(e) && e.status === 401).to.equal(true);
    token = 2;
    expect((await adapter.getCustomer(ADA, { signal: signal() })).id).to.equal(ADA);
  });

  it('passes the abort to the server', async () => {
    const scope = new Scope(origin);
    await scope.settings({ latencyMs: 1000 });
    const adapter = rest({ baseUrl: scope.baseUrl });
    const controller = new AbortController();
    const p = adapter.getCustomer(ADA, { signal: controller.signal });
    await waitUntil(async () => (await scope.requests(`customers/${ADA}`)).length === 1);
    controller.abort();
    expect(((await p.catch((x: unknown) => x)) as Error).name).to.equal('AbortError');
    await waitUntil(async () => (await scope.requests(`customers/${ADA}`))[0]?.aborted === true, 'the server never saw the abort');
  });

  it('revalidates with If-None-Match and gets a 304 when nothing changed', async () => {
    const scope = new Scope(origin);
    const adapter = rest({ baseUrl: scope.baseUrl });
    const a = await adapter.getCustomer(ADA, { signal: signal() });
    const b = await adapter.getCustomer(ADA, { signal: signal() });
    expect(b).to.deep.equal(a);
    const reqs = await scope.requests(`customers/${ADA}`);
    expect(reqs.map((r) => r.status)).to.deep.equal([200, 304]);
    expect(reqs[1]!.ifNoneMatch).to.be.a('string');
  });

  it('delivers live events exactly once across a dropped connection, with Last-Event-ID', async () => {
    const scope = new Scope(origin);
    const adapter = rest({ baseUrl: scope.baseUrl });
    const got: string[] = [];
    const stop = adapter.subscribe(ADA, (e: LiveEvent) => {
      if (e.type === 'interaction') got.push(e.interaction.id);
    });
    try {
      await waitUntil(async () => (await scope.requests(`customers/${ADA}/events`)).length === 1, 'no stream opened');
      const live = (id: string) => ({ type: 'interaction', interaction: { id, channel: 'chat', occurredAt: new Date().toISOString() } });
      await scope.push(ADA, live('e-1'));
      await waitUntil(() => got.length === 1, 'the first event did not arrive');
      await scope.settings({ sseDown: true });
      await scope.dropStreams();
      for (const id of ['e-2', 'e-3', 'e-4']) await scope.push(ADA, live(id));
      await scope.settings({ sseDown: false });
      await waitUntil(() => got.length >= 4, 'the missed events never arrived', { timeout: 8000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(got).to.deep.equal(['e-1', 'e-2', 'e-3', 'e-4']);
      const reconnect = (await scope.requests(`customers/${ADA}/events`)).filter((r) => r.status === 200).pop();
      expect(reconnect!.lastEventId).to.be.a('string');
    } finally {
      stop();
    }
  });

  it('sends cookies only when credentials allow it', async () => {
    const scope = new Scope(origin);
    await scope.login();
    await scope.settings({ requireCookie: true });
    expect((await rest({ baseUrl: scope.baseUrl }).getCustomer(ADA, { signal: signal() })).id).to.equal(ADA);
    const e = await fail(createRestAdapter({ baseUrl: scope.baseUrl, credentials: 'omit' }).getCustomer(ADA, { signal: signal() }));
    expect(isAuthError(e)).to.equal(true);
    if (origin) {
      const [first] = await scope.requests(`customers/${ADA}`);
      expect(first!.origin).to.equal(location.origin);
    }
  });

  it('says clearly when created without a usable baseUrl', () => {
    expect(() => createRestAdapter({} as never)).to.throw(/baseUrl/);
    expect(() => rest({ baseUrl: 'javascript:alert(1)' })).to.throw(/http/);
  });
});
}
