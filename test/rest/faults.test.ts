/**
 * The fault matrix against the demo backend: for each way a backend fails, the words the agent sees,
 * a retry that works once the backend recovers, and what happens to data already on screen (kept,
 * marked, except after 401, 403 or 404, which take it off the screen and out of the cache).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createRestAdapter } from '../../src/adapters/rest/rest-adapter.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import type { CxInteractionHistoryElement } from '../../src/elements/interaction-history/interaction-history.js';
import { deepText, isolatedCacheOptions } from '../helpers.js';
import { Scope, type Fault } from './backend.js';

const ID = 'c-1001';
const NAME = 'Ada Quinn';
const customerPath = `^customers/${ID}$`;

interface Row {
  what: string;
  fault?: Omit<Fault, 'path'>;
  settings?: Record<string, unknown>;
  words: string;
  removes?: boolean;
}

const ROWS: Row[] = [
  { what: 'a timeout (10 s latency, 1 s deadline)', settings: { latencyMs: 10_000 }, words: 'took too long' },
  { what: '401', fault: { status: 401 }, words: 'Your session has expired', removes: true },
  { what: '403', fault: { status: 403 }, words: 'You do not have access', removes: true },
  { what: '404', fault: { status: 404 }, words: 'This customer was not found', removes: true },
  { what: '409', fault: { status: 409 }, words: 'failed to answer' },
  { what: '429', fault: { status: 429, retryAfter: 0 }, words: 'failed to answer' },
  { what: '500', fault: { status: 500 }, words: 'failed to answer' },
  { what: '502', fault: { status: 502 }, words: 'failed to answer' },
  { what: '503', fault: { status: 503 }, words: 'failed to answer' },
  { what: 'malformed JSON', fault: { body: '{"id": "c-1001", "name": }' }, words: 'sent data that cannot be shown' },
  { what: 'a truncated body', fault: { body: '{"id":"c-1001","name":"Ada Qu' }, words: 'sent data that cannot be shown' },
  { what: 'the wrong content (an HTML login page)', fault: { body: '<!doctype html><title>Sign in</title><form>…</form>' }, words: 'sent data that cannot be shown' },
  { what: 'an invalid record', fault: { json: { id: ID } }, words: 'sent data that cannot be shown' },
  { what: 'the server going away', settings: { offline: true }, words: 'Cannot reach the customer data service' },
];

const clear = (scope: Scope) => Promise.all([scope.faults([]), scope.settings({ latencyMs: 0, offline: false })]);
const name = (el: Element) => el.shadowRoot!.querySelector('[part~=name]')?.textContent;

describe('fault matrix', () => {
  afterEach(() => configure({ adapter: undefined, cacheOptions: undefined }));

  for (const row of ROWS) {
    it(`${row.what}: words, a retry that works, and the data on screen ${row.removes ? 'taken away' : 'kept'}`, async function () {
      this.timeout(20_000);
      const scope = new Scope();
      configure({ adapter: createRestAdapter({ baseUrl: scope.baseUrl, timeoutMs: 1000, retry: false }), cacheOptions: isolatedCacheOptions() });

      // first load fails: words and a retry
      if (row.fault) await scope.faults([{ path: customerPath, ...row.fault }]);
      if (row.settings) await scope.settings(row.settings);
      const first = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id=${ID}></cx-customer-panel>`);
      await waitUntil(() => deepText(first).includes(row.words), `"${row.words}" not shown`, { timeout: 5000 });
      await expect(first).to.be.accessible();
      await clear(scope);
      first.shadowRoot!.querySelector<HTMLButtonElement>('[part~=retry]')!.click();
      await waitUntil(() => name(first) === NAME, 'the retry did not load the customer', { timeout: 5000 });

      // data on screen, then a refresh fails
      if (row.fault) await scope.faults([{ path: customerPath, ...row.fault }]);
      if (row.settings) await scope.settings(row.settings);
      first.refresh();
      if (row.removes) {
        await waitUntil(() => first.shadowRoot!.querySelector('[role=alert]'), 'no error shown', { timeout: 5000 });
        expect(deepText(first)).to.contain(row.words);
        expect(name(first), 'the data stayed on screen').to.equal(undefined);
      } else {
        await waitUntil(() => first.shadowRoot!.querySelector('[part~=freshness][data-kind=failed], [part~=freshness][data-kind=offline]'), 'the failed refresh is not marked', { timeout: 5000 });
        expect(name(first), 'the data left the screen').to.equal(NAME);
        expect(deepText(first)).to.contain(row.words);
      }
      await clear(scope);
    });
  }

  it('invalid records mixed with valid ones: the valid are shown, the others named', async () => {
    const scope = new Scope();
    await scope.data({
      interactions: {
        [ID]: [
          { id: 'ok-1', channel: 'chat', occurredAt: '2026-11-20T10:00:00Z', subject: 'Fine' },
          { id: 'bad-1', channel: 'chat', occurredAt: 'soon', subject: 'Broken' },
          { id: 'ok-2', channel: 'email', occurredAt: '2026-11-19T10:00:00Z', subject: 'Also fine' },
        ],
      },
    });
    configure({ adapter: createRestAdapter({ baseUrl: scope.baseUrl }), cacheOptions: isolatedCacheOptions() });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ID}></cx-interaction-history>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === 2);
    expect(deepText(el)).not.to.contain('Broken');
    expect(el.shadowRoot!.querySelector('[part~=notices]')!.textContent).to.match(/interactions\[1\]\.occurredAt: expected an ISO date-time/);
  });
});
