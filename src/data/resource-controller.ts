/**
 * A reactive controller that loads one thing for an element and keeps the element honest about it:
 * `pending`, `complete` or `error`, never a mix.
 *
 * - It reads its key (e.g. adapter + customer id) before every render; a new key aborts the load in
 *   flight (the adapter sees the abort on its `AbortSignal`) and starts the next one.
 * - A late answer for a key that is no longer current is dropped, even from an adapter that ignores
 *   the signal.
 * - Disconnecting the host aborts; reconnecting reloads what was interrupted.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toCxError, type CxError, type CxSource } from '../model/errors.js';

export type ResourceStatus = 'idle' | 'pending' | 'complete' | 'error';

export interface ResourceState<T> {
  status: ResourceStatus;
  /** The data of the last successful load for the current key. */
  data?: T;
  /** The failure of the last load for the current key. */
  error?: CxError;
}

export interface ResourceOptions<K extends readonly unknown[], T> {
  /** Which failure source to name in errors. */
  source: CxSource;
  /** The arguments of the load; `undefined` means "nothing to load" (idle). Compared item by item. */
  key: () => K | undefined;
  load: (key: K, signal: AbortSignal) => Promise<T>;
  /** Called once per successful load (still current). */
  onComplete?: (data: T, key: K) => void;
  /** Called once per failed load (still current). */
  onError?: (error: CxError, key: K) => void;
}

const sameKey = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => Object.is(x, b[i])));

export class ResourceController<K extends readonly unknown[], T> implements ReactiveController {
  private state: ResourceState<T> = { status: 'idle' };
  private currentKey: K | undefined;
  private controller: AbortController | undefined;
  private run = 0;
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResourceOptions<K, T>,
  ) {
    host.addController(this);
  }

  get status(): ResourceStatus {
    return this.state.status;
  }
  get data(): T | undefined {
    return this.state.data;
  }
  get error(): CxError | undefined {
    return this.state.error;
  }
  /** The key of what is loaded or loading. */
  get key(): K | undefined {
    return this.currentKey;
  }

  hostUpdate(): void {
    const key = this.options.key();
    if (sameKey(key, this.currentKey)) return;
    if (!this.connected) {
      // A detached element may still update once; it must not start loads. Reconnecting loads.
      this.abort();
      this.interrupted = true;
      return;
    }
    this.start(key);
  }

  hostConnected(): void {
    if (this.interrupted) {
      this.interrupted = false;
      this.start(this.options.key());
      this.host.requestUpdate();
    }
  }

  private get connected(): boolean {
    return (this.host as unknown as { isConnected?: boolean }).isConnected !== false;
  }

  hostDisconnected(): void {
    if (this.controller) {
      this.interrupted = this.state.status === 'pending';
      this.abort();
    }
  }

  /** Loads again for the current key (keeps showing the current data meanwhile is up to the host). */
  refresh(): void {
    this.start(this.options.key());
    this.host.requestUpdate();
  }

  private abort(): void {
    const c = this.controller;
    this.controller = undefined;
    this.run++;
    c?.abort(new DOMException('The customer or the element changed', 'AbortError'));
  }

  private start(key: K | undefined): void {
    this.abort();
    this.currentKey = key;
    if (key === undefined) {
      this.state = { status: 'idle' };
      return;
    }
    const run = this.run;
    const controller = (this.controller = new AbortController());
    this.state = { status: 'pending' };
    let promise: Promise<T>;
    try {
      promise = Promise.resolve(this.options.load(key, controller.signal));
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      (data) => {
        if (run !== this.run || controller.signal.aborted) return; // stale answer: dropped
        this.controller = undefined;
        this.state = { status: 'complete', data };
        this.host.requestUpdate();
        this.options.onComplete?.(data, key);
      },
      (e: unknown) => {
        if (run !== this.run || controller.signal.aborted) return; // ours: not a failure
        this.controller = undefined;
        const error = toCxError(e, this.options.source);
        this.state = { status: 'error', error };
        this.host.requestUpdate();
        this.options.onError?.(error, key);
      },
    );
  }
}
