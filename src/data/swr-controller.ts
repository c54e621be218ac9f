/**
 * A reactive controller that shows one resource from the store: it watches the resource for the
 * element's current key, stops watching when the key changes or the element leaves the page (the
 * store aborts a request nobody waits for any more), and fires `onLoad` once per key when the first
 * data is on screen and `onError` once per failure.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CxError } from '../model/errors.js';
import type { Loaded } from './boundary.js';
import type { CxStore, ResourceView } from './store.js';

export interface SwrTarget<T> {
  store: CxStore;
  /** The resource's cache key. */
  key: string;
  load: (signal: AbortSignal) => Promise<Loaded<T>>;
}

export interface SwrOptions<T> {
  /** What to show; `undefined` when there is nothing to load. */
  target: () => SwrTarget<T> | undefined;
  onLoad?: (view: ResourceView<T>) => void;
  onError?: (error: CxError) => void;
}

export class SwrController<T> implements ReactiveController {
  private current: { store: CxStore; key: string } | undefined;
  private unwatch: (() => void) | undefined;
  private announced = false;
  private lastError: CxError | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { isConnected?: boolean },
    private readonly options: SwrOptions<T>,
  ) {
    host.addController(this);
  }

  /** The resource as it stands, or undefined when there is nothing to load. */
  get view(): ResourceView<T> | undefined {
    return this.current ? this.current.store.view<T>(this.current.key) : undefined;
  }

  hostConnected(): void {
    if (this.current && !this.unwatch) this.watch(this.options.target());
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  hostUpdate(): void {
    const target = this.options.target();
    if (target?.store === this.current?.store && target?.key === this.current?.key) return;
    this.unwatch?.();
    this.unwatch = undefined;
    this.current = target ? { store: target.store, key: target.key } : undefined;
    this.announced = false;
    this.lastError = undefined;
    if (this.host.isConnected !== false) this.watch(target);
  }

  /** Fetches again now. */
  refresh(): void {
    if (this.current) this.current.store.refresh(this.current.key);
  }

  private watch(target: SwrTarget<T> | undefined): void {
    if (!target) return;
    const { store, key } = target;
    this.current = { store, key };
    const check = () => {
      const view = store.view<T>(key);
      if (view.data && !this.announced) {
        this.announced = true;
        queueMicrotask(() => this.options.onLoad?.(view));
      }
      if (view.error && view.error !== this.lastError && !view.refreshing) {
        this.lastError = view.error;
        const error = view.error;
        queueMicrotask(() => this.options.onError?.(error));
      }
      if (!view.error) this.lastError = undefined;
    };
    this.unwatch = store.watch(key, target.load, () => {
      if (this.current?.key !== key || this.current.store !== store) return;
      this.host.requestUpdate();
      check();
    });
    // already in memory (a customer shown before): on screen with this render, announced all the same
    check();
  }
}
