/**
 * The data behind the interaction history: the first page of a query from the store (cached,
 * stale-while-revalidate, shared), the pages after it fetched by cursor as the agent scrolls, and live
 * items from the adapter's `subscribe`, merged into one newest-first list without duplicates.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CxAdapter, InteractionQuery } from '../adapters/adapter.js';
import { isAbortError, toCxError, type CxError, type DataIssue } from '../model/errors.js';
import type { Channel, Interaction, InteractionPage } from '../model/types.js';
import { loadInteractions, type Loaded } from './boundary.js';
import { adapterKey, interactionsTarget } from './resources.js';
import { watchLive } from './live.js';
import { matchesInteraction } from '../model/search.js';
import { redactInteraction, redactKey, type CxRedactOptions } from '../model/redact.js';
import type { CxStore, ResourceView } from './store.js';
import { SwrController } from './swr-controller.js';

export interface HistoryQuery {
  adapter: CxAdapter;
  store: CxStore;
  customerId: string;
  channels: Channel[];
  search: string;
  /** ISO instant: only older items (jump to a date). */
  before: string | undefined;
  pageSize: number;
  redact?: CxRedactOptions | undefined;
}

export interface HistoryOptions {
  query: () => HistoryQuery | undefined;
  onLoad?: () => void;
  onError?: (error: CxError) => void;
  /** New items pushed live (already merged). */
  onLive?: (items: Interaction[]) => void;
}

const uniquePages = new WeakMap<Interaction[], Interaction[]>();
/** The items of some lists in order, each id once (a backend may repeat an item across pages). */
function unique(lists: Interaction[][]): Interaction[] {
  const seen = new Set<string>();
  const out: Interaction[] = [];
  for (const list of lists) {
    for (const i of list) {
      if (seen.has(i.id)) continue;
      seen.add(i.id);
      out.push(i);
    }
  }
  return out;
}

const time = (i: Interaction) => Date.parse(i.occurredAt) || 0;
const newestFirst = (a: Interaction, b: Interaction) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function matches(i: Interaction, q: HistoryQuery): boolean {
  if (q.before && time(i) >= Date.parse(q.before)) return false;
  return matchesInteraction(i, q.channels, q.search);
}

export class HistoryController implements ReactiveController {
  private readonly first: SwrController<InteractionPage>;
  private query: HistoryQuery | undefined;
  private key = '';
  private more: Interaction[] = [];
  private cursor: string | null | undefined;
  private moreController: AbortController | undefined;
  private live: Interaction[] = [];
  private liveFor = '';
  private unsubscribe: (() => void) | undefined;
  private cache: { first: unknown; more: unknown; live: unknown; items: Interaction[] } | undefined;
  /** Loading a page after the first. */
  loadingMore = false;
  moreError: CxError | undefined;
  /** Records left out of the pages because they were invalid, with their paths. */
  invalid: DataIssue[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & { isConnected?: boolean },
    private readonly options: HistoryOptions,
  ) {
    host.addController(this);
    this.first = new SwrController<InteractionPage>(host, {
      target: () => {
        const q = this.query;
        return q ? interactionsTarget(q.store, q.adapter, q.customerId, q) : undefined;
      },
      onLoad: () => options.onLoad?.(),
      onError: (e) => options.onError?.(e),
    });
  }

  /** The first page's state: loading, ready (maybe stale), error. */
  get view(): ResourceView<InteractionPage> | undefined {
    return this.first.view;
  }

  /** Everything loaded for the current query, newest first, without duplicates. */
  get items(): Interaction[] {
    const first = this.first.view?.data;
    if (this.cache && this.cache.first === first && this.cache.more === this.more && this.cache.live === this.live) return this.cache.items;
    const q = this.query;
    const live = q ? this.live.filter((i) => matches(i, q)) : [];
    const page = first?.data.items;
    if (page && !live.length && !this.more.length) {
      // one page alone: its list without repeats is worked out once, whichever element shows it
      let items = uniquePages.get(page);
      if (!items) uniquePages.set(page, (items = unique([page])));
      this.cache = { first, more: this.more, live: this.live, items };
      return items;
    }
    const items = unique([live, page ?? [], this.more]);
    if (live.length) items.sort(newestFirst);
    this.cache = { first, more: this.more, live: this.live, items };
    return items;
  }

  get total(): number | undefined {
    const t = this.first.view?.data?.data.total;
    return t === undefined ? undefined : t + this.live.filter((i) => this.query && matches(i, this.query)).length;
  }

  get counts(): Partial<Record<Channel, number>> | undefined {
    return this.first.view?.data?.data.counts;
  }

  /** True while there may be more pages after what is loaded. */
  get hasMore(): boolean {
    const first = this.first.view?.data;
    if (!first) return false;
    const cursor = this.cursor === undefined ? first.data.nextCursor : this.cursor;
    return !!cursor;
  }

  hostConnected(): void {
    this.subscribe();
  }

  hostDisconnected(): void {
    this.moreController?.abort();
    this.moreController = undefined;
    this.loadingMore = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  hostUpdate(): void {
    const q = this.options.query();
    const key = q ? interactionsTarget(q.store, q.adapter, q.customerId, q).key : '';
    if (key !== this.key) {
      this.key = key;
      this.query = q;
      this.moreController?.abort();
      this.moreController = undefined;
      this.more = [];
      this.cursor = undefined;
      this.loadingMore = false;
      this.moreError = undefined;
    } else this.query = q;
    this.subscribe();
  }

  /** Revalidates the first page now (and forgets later pages). */
  refresh(): void {
    this.more = [];
    this.cursor = undefined;
    this.moreError = undefined;
    this.first.refresh();
  }

  /** Loads the next page by cursor, once at a time. */
  async loadMore(): Promise<void> {
    const q = this.query;
    const first = this.first.view?.data;
    if (!q || !first || this.loadingMore) return;
    const cursor = this.cursor === undefined ? first.data.nextCursor : this.cursor;
    if (!cursor) return;
    const key = this.key;
    const controller = (this.moreController = new AbortController());
    this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const query: InteractionQuery = { limit: q.pageSize, cursor, channels: q.channels, signal: controller.signal };
      if (q.search) query.search = q.search;
      if (q.before) query.before = q.before;
      const page: Loaded<InteractionPage> = await loadInteractions(q.adapter, q.customerId, query);
      if (key !== this.key || controller.signal.aborted) return;
      this.more = [...this.more, ...page.data.items.map((i) => redactInteraction(i, q.redact))];
      this.cursor = page.data.nextCursor ?? null;
      if (page.invalid.length) this.invalid = [...this.invalid, ...page.invalid];
    } catch (e) {
      if (key !== this.key || controller.signal.aborted || isAbortError(e)) return;
      this.moreError = toCxError(e, 'interactions');
      this.options.onError?.(this.moreError);
    } finally {
      if (this.moreController === controller) {
        this.moreController = undefined;
        this.loadingMore = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Records left out of the first page, plus those of later pages. */
  get invalidRecords(): DataIssue[] {
    return [...(this.first.view?.data?.invalid ?? []), ...this.invalid];
  }

  private subscribe(): void {
    const q = this.query;
    const id = q ? `${adapterKey(q.adapter)}|${q.customerId}|${redactKey(q.redact)}` : '';
    if (id === this.liveFor && (this.unsubscribe || !id)) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (id !== this.liveFor) this.live = [];
    this.liveFor = id;
    if (!q || this.host.isConnected === false) return;
    this.unsubscribe = watchLive(q.adapter, q.store, q.customerId, (item) => {
      if (this.liveFor !== id) return;
      this.live = [item, ...this.live.filter((i) => i.id !== item.id)];
      this.host.requestUpdate();
      this.options.onLive?.([item]);
    }, q.redact);
  }
}
