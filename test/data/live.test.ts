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
    const scope = new Scope();
    const events = () => scope.requests(`customers/${ADA}/events`);
    configure({ adapter: createRestAdapter({ baseUrl: scope.baseUrl }), cacheOptions: isolatedCacheOptions() });
    const el = await fixture<HTMLElement>(html`<cx-interaction-history customer-id=${ADA} style="display:block;height:400px"></cx-interaction-history>`);
    await waitUntil(async () => (await events()).length === 1, 'no stream opened');

    transition('pagehide');
    await waitUntil(async () => (await events())[0]!.streamClosed, 'the stream stayed open in the back/forward cache');

    transition('pageshow');
    await waitUntil(async () => (await events()).length === 2, 'the stream did not open again');
    await scope.push(ADA, { type: 'interaction', interaction: { id: 'after-bfcache', channel: 'chat', occurredAt: new Date().toISOString(), subject: 'Back from the cache' } });
    await waitUntil(() => deepText(el).includes('Back from the cache'), 'a live item after the return did not arrive');

    el.remove();
    await waitUntil(async () => (await events())[1]!.streamClosed, 'the stream stayed open after the element went');
    // with no subscription left, the lifecycle events do nothing
    transition('pagehide');
    transition('pageshow');
    await new Promise((r) => setTimeout(r, 300));
    expect((await events()).length).to.equal(2);
  });
});
