/**
 * Loads the HTML sanitizer only when an email body is opened. npm builds import it as a separate
 * module (bundlers split it out); the script-tag build loads `cxdesk-sanitizer.js` from beside
 * `cxdesk.min.js` (rollup rewrites this import, and a classic script resolves it against its own URL).
 */
import type { SanitizedHtml, SanitizeOptions } from './sanitize-html.js';

export type { SanitizedHtml, SanitizeOptions };

let loading: Promise<{ sanitizeEmail: (html: string, options?: SanitizeOptions) => SanitizedHtml }> | undefined;

export function loadSanitizer(): Promise<{ sanitizeEmail: (html: string, options?: SanitizeOptions) => SanitizedHtml }> {
  loading ??= import('./sanitize-html.js').catch((e: unknown) => {
    loading = undefined; // let a later attempt try again
    throw e;
  });
  return loading;
}
