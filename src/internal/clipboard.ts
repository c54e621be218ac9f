/**
 * Copies text. The Clipboard API exists only in secure contexts (https, localhost); helpdesks and
 * intranets on plain http get the older selection + `execCommand('copy')` path, which works inside a
 * click handler.
 */
export async function copyText(text: string, root: ShadowRoot | Document): Promise<boolean> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (clipboard?.writeText && globalThis.isSecureContext) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      /* denied or unavailable: try the fallback */
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'visually-hidden';
  (root instanceof Document ? root.body : root).append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
