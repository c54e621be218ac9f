/**
 * URL sanitizing for templates. Lit binds `href`/`src` as plain attributes, so a `javascript:` URL
 * would run: every URL from data goes through here first.
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/** An absolute http(s) URL for `href`/`src`, or undefined for anything else (`javascript:`, `data:`, …). */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const cleaned = value.trim();
  if (!cleaned) return undefined;
  try {
    const url = new URL(cleaned, base ?? (typeof document !== 'undefined' ? document.baseURI : undefined));
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `mailto:` link for an address, or undefined when it does not look like one. */
export function mailtoUrl(email: unknown): string | undefined {
  if (typeof email !== 'string') return undefined;
  const e = email.trim();
  if (!/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/.test(e)) return undefined;
  return `mailto:${encodeURIComponent(e).replace(/%40/g, '@')}`;
}

/** A `tel:` link (digits and a leading +), or undefined when there are too few digits. */
export function telUrl(phone: unknown): string | undefined {
  if (typeof phone !== 'string') return undefined;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 20) return undefined;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
