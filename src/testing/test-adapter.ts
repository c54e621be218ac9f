/**
 * A contract test kit for your own adapter: run it against a customer your backend knows, in the
 * browser or in Node, and read the problems in words.
 *
 * @example
 * import { testAdapter } from 'cxdesk/testing';
 * const { ok, problems } = await testAdapter(myAdapter, { customerId: 'c-1001' });
 * if (!ok) console.error(problems.join('\n'));
 */
import type { CxAdapter } from '../adapters/adapter.js';
import { adapterProblem } from '../config.js';
import { isNotFoundError, toCxError } from '../model/errors.js';
import { checkCustomer, checkInteractionPage, checkNextActions, formatIssue } from '../model/schema.js';
import type { Interaction } from '../model/types.js';

export interface TestAdapterOptions {
  /** A customer the backend knows, with some interactions. */
  customerId: string;
  /** Page size used while paging. Default 25. */
  pageSize?: number;
  /** Most pages read before calling the paging endless. Default 400. */
  maxPages?: number;
  /** How long one call may take. Default 10 000 ms. */
  timeoutMs?: number;
}

export interface TestAdapterResult {
  ok: boolean;
  problems: string[];
}

const signal = () => new AbortController().signal;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)),
  ]);
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Checks an adapter against the contract and says what is wrong, in words. */
export async function testAdapter(adapter: CxAdapter, options: TestAdapterOptions): Promise<TestAdapterResult> {
  const problems: string[] = [];
  const shape = adapterProblem(adapter) ?? (adapter ? undefined : 'there is no adapter');
  if (shape) return { ok: false, problems: [`Shape: ${shape}.`] };
  const id = options.customerId;
  const pageSize = options.pageSize ?? 25;
  const maxPages = options.maxPages ?? 400;
  const ms = options.timeoutMs ?? 10_000;

  // getCustomer: a valid record for the customer asked for
  try {
    const raw = await withTimeout(adapter.getCustomer(id, { signal: signal() }), ms, 'getCustomer');
    const r = checkCustomer(raw);
    if (!r.ok) problems.push(`getCustomer returned an invalid customer: ${r.issues.map(formatIssue).join('; ')}.`);
    else {
      if (r.value.id !== id) problems.push(`getCustomer("${id}") returned the customer "${r.value.id}".`);
      for (const n of r.notices) problems.push(`getCustomer: an optional field is wrong and would be dropped: ${formatIssue(n)}.`);
    }
  } catch (e) {
    problems.push(`getCustomer("${id}") failed: ${describe(e)}.`);
  }

  // errors classified: an unknown customer is "not found"
  try {
    await withTimeout(adapter.getCustomer(`cxdesk-test-no-such-customer-${Date.now()}`, { signal: signal() }), ms, 'getCustomer');
    problems.push('getCustomer resolved for an unknown customer; it should fail with a not-found error (status 404 or code "not-found").');
  } catch (e) {
    if (!isNotFoundError(toCxError(e))) {
      problems.push(`getCustomer for an unknown customer failed, but not as "not found" (give the error status 404 or code "not-found"): ${describe(e)}.`);
    }
  }

  // abort honoured: an aborted signal must reject
  try {
    const c = new AbortController();
    c.abort();
    const outcome = await withTimeout(
      adapter.getCustomer(id, { signal: c.signal }).then(
        () => 'resolved',
        () => 'rejected',
      ),
      ms,
      'getCustomer with an aborted signal',
    );
    if (outcome === 'resolved') problems.push('getCustomer ignored an aborted signal: pass opts.signal on to fetch (or check signal.aborted).');
  } catch (e) {
    problems.push(`getCustomer with an aborted signal never settled: ${describe(e)}.`);
  }

  // paging: terminates, cursors never repeat, newest first, no duplicates
  const all: Interaction[] = [];
  try {
    const seenCursors = new Set<string>();
    const seenIds = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    let orderBroken = false;
    for (;;) {
      const raw = await withTimeout(
        adapter.listInteractions(id, { limit: pageSize, signal: signal(), ...(cursor ? { cursor } : {}) }),
        ms,
        'listInteractions',
      );
      const page = checkInteractionPage(raw);
      if (!page.ok) {
        problems.push(`listInteractions returned an invalid page: ${page.issues.map(formatIssue).join('; ')}.`);
        break;
      }
      if (page.invalid.length) problems.push(`listInteractions returned invalid records: ${page.invalid.slice(0, 3).map(formatIssue).join('; ')}.`);
      if (page.items.length > pageSize) problems.push(`listInteractions returned ${page.items.length} items for limit ${pageSize}.`);
      for (const item of page.items) {
        if (seenIds.has(item.id)) problems.push(`listInteractions returned "${item.id}" twice while paging.`);
        seenIds.add(item.id);
        const prev = all[all.length - 1];
        if (prev && !orderBroken && Date.parse(item.occurredAt) > Date.parse(prev.occurredAt)) {
          orderBroken = true;
          problems.push('listInteractions is not newest first.');
        }
        all.push(item);
      }
      pages++;
      const next = page.nextCursor;
      if (!next) break;
      if (seenCursors.has(next)) {
        problems.push(`listInteractions repeated the cursor "${next}": paging would never end.`);
        break;
      }
      seenCursors.add(next);
      if (pages >= maxPages) {
        problems.push(`listInteractions did not finish within ${maxPages} pages: a nextCursor that never ends?`);
        break;
      }
      cursor = next;
    }
  } catch (e) {
    problems.push(`listInteractions failed: ${describe(e)}.`);
  }

  // filters: channel and before
  const sample = all[Math.floor(all.length / 2)];
  if (sample) {
    try {
      const raw = await withTimeout(adapter.listInteractions(id, { limit: pageSize, channels: [sample.channel], signal: signal() }), ms, 'listInteractions');
      const page = checkInteractionPage(raw);
      if (page.ok && page.items.some((i) => i.channel !== sample.channel)) {
        problems.push(`listInteractions with channels ["${sample.channel}"] returned other channels.`);
      }
      if (page.ok && page.items.length === 0) problems.push(`listInteractions with channels ["${sample.channel}"] returned nothing, though such items exist.`);
    } catch (e) {
      problems.push(`listInteractions with a channel filter failed: ${describe(e)}.`);
    }
    try {
      const raw = await withTimeout(adapter.listInteractions(id, { limit: pageSize, before: sample.occurredAt, signal: signal() }), ms, 'listInteractions');
      const page = checkInteractionPage(raw);
      if (page.ok && page.items.some((i) => Date.parse(i.occurredAt) >= Date.parse(sample.occurredAt))) {
        problems.push('listInteractions with before returned items that are not older than it.');
      }
    } catch (e) {
      problems.push(`listInteractions with before failed: ${describe(e)}.`);
    }
  }

  // next actions
  try {
    const raw = await withTimeout(adapter.getNextActions(id, { signal: signal() }), ms, 'getNextActions');
    const r = checkNextActions(raw);
    if ('error' in r) problems.push('getNextActions did not return a list.');
    else if (r.invalid.length) problems.push(`getNextActions returned invalid suggestions: ${r.invalid.slice(0, 3).map(formatIssue).join('; ')}.`);
  } catch (e) {
    problems.push(`getNextActions failed: ${describe(e)}.`);
  }

  return { ok: problems.length === 0, problems };
}
