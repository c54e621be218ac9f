/**
 * Tag names and the options and result of `defineElements()`, apart from the element classes, so the
 * script-tag build can check a prefix before the element code has loaded.
 */
import type { ElementTags } from './context.js';

export interface DefineOptions {
  /** Tag prefix: `acme` registers `acme-desk`, `acme-customer-panel`, … Default `cx`. */
  prefix?: string;
  /**
   * Script-tag build only: load the element code now instead of when the page first uses one of the
   * tags (for pages that put the elements inside their own shadow roots, where cxdesk cannot see
   * them appear). The npm build registers at once either way.
   */
  eager?: boolean;
}

export interface DefineResult {
  /** Tags registered by this call. */
  defined: string[];
  /** Tags that were already taken (by this copy of cxdesk, or by someone else). */
  skipped: Array<{ tag: string; reason: 'already-defined-by-cxdesk' | 'taken' }>;
  /**
   * Script-tag build: tags that register once their code has loaded, which happens when the page
   * first uses one of them (or at once with `eager`). Empty in the npm build.
   */
  pending: string[];
  /** Settles with the final result once nothing is pending; never rejects. */
  ready: Promise<DefineResult>;
  /** Why the tags could not be registered, in words (the element code did not load, say). */
  error?: string;
}

const PREFIX = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The prefix to use, or `undefined` (after one console error that says why) when it is not usable. */
export function checkPrefix(options: DefineOptions | undefined): string | undefined {
  const prefix = String(options?.prefix ?? 'cx').trim().toLowerCase();
  if (PREFIX.test(prefix)) return prefix;
  console.error(
    `cxdesk: "${options?.prefix}" is not a usable tag prefix: use lowercase letters, digits and single hyphens, starting with a letter (e.g. "acme").`,
  );
  return undefined;
}

export function tagsFor(prefix: string): ElementTags {
  return {
    desk: `${prefix}-desk`,
    customerPanel: `${prefix}-customer-panel`,
    interactionHistory: `${prefix}-interaction-history`,
    nextActions: `${prefix}-next-actions`,
  };
}

/** A result with nothing registered (and nothing pending). */
export function emptyResult(error?: string): DefineResult {
  const result: DefineResult = { defined: [], skipped: [], pending: [], ready: undefined as never };
  if (error) result.error = error;
  result.ready = Promise.resolve(result);
  return result;
}
