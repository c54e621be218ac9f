/**
 * Live subscriptions and the page lifecycle: a page kept in the back/forward cache must not hold its
 * event streams open (six connections per host would soon be used up by pages the agent left).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { deepText, isolatedCacheOptions } from '../helpers.js';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createRestAdapter } from '../../src/adapters/rest/rest-adapter.js';
import { Scope } from '../rest/backend.js';

const ADA = 'c-1001';
const transition = (type: 'pagehide' | 'pageshow') => window.dispatchEvent(new PageTransitionEvent(type, { persisted: true }));

describe('live updates and the back/forward cache', () => {
  after(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('closes the event stream on pagehide and opens it again when the page is shown from the cache', async () => {
    // count the page-lifecycle listeners on window, to see them go with the last subscription
    const lifecycle = new Set<unknown>();
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, listener: unknown, ...rest: unknown[]) {
      if (type === 'pagehide' || type === 'pageshow') lifecycle.add(`${type}:${String(listener)}`);
      return (add as (...a: unknown[]) => void).call(this, type, listener, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, listener: unknown, ...rest: unknown[]) {
      if (type === 'pagehide' || type === 'pageshow') lifecycle.delete(`${type}:${String(listener)}`);
      return (remove as (...a: unknown[]) => void).call(this, type, listener, ...rest);
    } as typeof window.removeEventListener;
    try {
      await run(lifecycle);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });
});

/** Mounts a history on a REST backend and takes the page into the back/forward cache and back. */
async function run(lifecycle: Set<unknown>) {
  const scope = new Scope();
  const events = () => scope.requests(`customers/${ADA}/events`);
  configure({ adapter: createRestAdapter({ baseUrl: scope.baseUrl }), cacheOptions: isolatedCacheOptions() });
  const el = await fixture<HTMLElement>(html`<cx-interaction-history customer-id=${ADA} style="display:block;height:400px"></cx-interaction-history>`);
  await waitUntil(async () => (await events()).length === 1, 'no stream opened');

  expect(lifecycle.size, 'pagehide and pageshow are watched').to.equal(2);

  transition('pagehide');
  await waitUntil(async () => (await events())[0]!.streamClosed, 'the stream stayed open in the back/forward cache');
  // happens while the page is away: no stream delivers it
  await scope.push(ADA, { type: 'interaction', interaction: { id: 'while-away', channel: 'sms', occurredAt: new Date().toISOString(), subject: 'Sent while you were away' } });

  transition('pageshow');
  await waitUntil(async () => (await events()).length === 2, 'the stream did not open again');
  // the history is fetched again on return, so what happened meanwhile shows too
  await waitUntil(() => deepText(el).includes('Sent while you were away'), 'what happened while away never showed');
  await scope.push(ADA, { type: 'interaction', interaction: { id: 'after-bfcache', channel: 'chat', occurredAt: new Date().toISOString(), subject: 'Back from the cache' } });
  await waitUntil(() => deepText(el).includes('Back from the cache'), 'a live item after the return did not arrive');

  el.remove();
  await waitUntil(async () => (await events())[1]!.streamClosed, 'the stream stayed open after the element went');
  expect(lifecycle.size, 'the lifecycle listeners went with the last subscription').to.equal(0);
  transition('pagehide');
  transition('pageshow');
  await new Promise((r) => setTimeout(r, 300));
  expect((await events()).length).to.equal(2);
}
