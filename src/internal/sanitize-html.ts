/**
 * Email HTML, made safe to show: DOMPurify (loaded only when an email body is opened) plus our rules.
 *
 * - Scripts, event handlers, forms and their controls, frames, objects, `<base>`, `<meta>`, `<link>`
 *   are removed; links keep only http(s), mailto: and tel: targets and open in a new tab with
 *   `rel="noopener noreferrer"`.
 * - Remote content — `img src`/`srcset`, `picture`/`source`, `poster`, `background`, CSS `url()` and
 *   `image-set()` in style attributes and `<style>`, `@import` — is taken out until the agent asks for
 *   it (`allowRemote`): opening an email never tells its sender that it was read. `data:` URLs never
 *   pass.
 * - The result is a `DocumentFragment` built by DOMPurify in an inert document: nothing in it has
 *   loaded or run, and no HTML string is ever assigned to `innerHTML` by us.
 */
import DOMPurify from 'dompurify';

export interface SanitizeOptions {
  /** Load remote images and styles. Default false. */
  allowRemote?: boolean;
}

export interface SanitizedHtml {
  fragment: DocumentFragment;
  /**
   * The email's own CSS (its `<style>` elements and `style` attributes, turned into rules on
   * `data-cx-style` attributes), for a constructable stylesheet: a strict `style-src` policy allows
   * that, where it would block inline styles.
   */
  css: string;
  /** How many remote references were held back (0 when `allowRemote`). */
  blocked: number;
}

const REMOTE_ATTRS = ['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'xlink:href'];
const LINK = /^(?:https?:|mailto:|tel:)/i;
const REMOTE = /^https?:/i;
const CSS_REMOTE = /url\s*\(|image-set\s*\(|@import/i;

function allHttp(srcset: string): boolean {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .every((url) => REMOTE.test(url));
}

/** CSS with every url()/image-set()/@import neutralised; returns the text and how many were removed. */
function stripCssUrls(css: string): { css: string; count: number } {
  let count = 0;
  const out = css
    .replace(/@import[^;]*;?/gi, () => {
      count++;
      return '';
    })
    .replace(/(?:url|image-set)\s*\((?:[^()]|\([^()]*\))*\)/gi, () => {
      count++;
      return 'none';
    });
  return { css: out, count };
}

/** CSS keeping only http(s) url()s (after "show images"); @import is never kept. */
function keepHttpCssUrls(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi, (m, _q: string, url: string) => (REMOTE.test(url.trim()) ? m : 'none'));
}

let instance: ReturnType<typeof DOMPurify> | undefined;
let state = { allowRemote: false, blocked: 0 };

function purifier(): ReturnType<typeof DOMPurify> {
  if (instance) return instance;
  const p = DOMPurify(window);
  p.addHook('uponSanitizeElement', (node) => {
    if ((node as Element).nodeName?.toLowerCase() === 'style' && node.textContent && CSS_REMOTE.test(node.textContent)) {
      if (state.allowRemote) node.textContent = keepHttpCssUrls(node.textContent);
      else {
        const r = stripCssUrls(node.textContent);
        node.textContent = r.css;
        state.blocked += r.count;
      }
    }
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.nodeType !== 1) return;
    if (el.localName === 'a' || el.localName === 'area') {
      const href = el.getAttribute('href');
      if (href !== null && !LINK.test(href.trim())) el.removeAttribute('href');
      if (el.hasAttribute('href')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
    for (const name of REMOTE_ATTRS) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const ok = name === 'srcset' ? allHttp(value) : REMOTE.test(value.trim());
      if (!ok) el.removeAttribute(name);
      else if (!state.allowRemote) {
        el.removeAttribute(name);
        state.blocked++;
      }
    }
    const style = el.getAttribute('style');
    if (style && CSS_REMOTE.test(style)) {
      if (state.allowRemote) el.setAttribute('style', keepHttpCssUrls(style));
      else {
        const r = stripCssUrls(style);
        el.setAttribute('style', r.css);
        state.blocked += r.count;
      }
    }
  });
  instance = p;
  return p;
}

/** Sanitizes an email body into a fragment ready to append. */
export function sanitizeEmail(html: string, options: SanitizeOptions = {}): SanitizedHtml {
  const p = purifier();
  state = { allowRemote: options.allowRemote === true, blocked: 0 };
  const fragment = p.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORCE_BODY: true, // keeps a leading <style> (otherwise parsed into the head and lost)
    FORBID_TAGS: ['form', 'input', 'button', 'select', 'option', 'textarea', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'script', 'noscript', 'template', 'portal', 'math'],
    FORBID_ATTR: ['action', 'formaction', 'ping', 'srcdoc'],
    ADD_ATTR: ['target'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#)/i,
    ALLOW_DATA_ATTR: false,
  });
  const blocked = state.blocked;
  state = { allowRemote: false, blocked: 0 };
  // inline styles out of the markup, into one stylesheet
  const rules: string[] = [];
  for (const style of Array.from(fragment.querySelectorAll('style'))) {
    rules.push(style.textContent ?? '');
    style.remove();
  }
  let n = 0;
  for (const el of Array.from(fragment.querySelectorAll('[style]'))) {
    const declarations = (el.getAttribute('style') ?? '').replace(/[{}<]/g, '');
    el.removeAttribute('style');
    if (!declarations.trim()) continue;
    el.setAttribute('data-cx-style', String(++n));
    rules.push(`[data-cx-style="${n}"]{${declarations}}`);
  }
  return { fragment, css: rules.join('\n'), blocked };
}
