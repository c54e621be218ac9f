/**
 * The entry of `dist/cxdesk.min.js`, the classic-script build:
 *
 * ```html
 * <script src="cxdesk.min.js" data-base-url="https://support.example.com/api/cx/" data-prefix="acme"></script>
 * ```
 *
 * It sets `window.CxDesk` (the whole JavaScript API), applies the script's `data-*` options and
 * registers the elements. The build returns before running anything when the same version of cxdesk
 * has already loaded on the page; another version keeps its own `window.CxDesk`.
 */
import * as api from './index.js';

declare global {
  interface Window {
    CxDesk?: typeof api;
  }
}

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const data = script?.dataset ?? {};
if (!window.CxDesk) window.CxDesk = api;

const settings: api.CxConfig = {};
if (data['baseUrl']) {
  try {
    const credentials = data['credentials'] as RequestCredentials | undefined;
    if (credentials && !['include', 'same-origin', 'omit'].includes(credentials)) {
      console.warn(`cxdesk: data-credentials="${credentials}" is not include, same-origin or omit; using same-origin.`);
    }
    settings.adapter = api.createRestAdapter({
      baseUrl: data['baseUrl'],
      credentials: credentials && ['include', 'same-origin', 'omit'].includes(credentials) ? credentials : 'same-origin',
    });
  } catch (e) {
    console.error(`cxdesk: data-base-url is not usable: ${(e as Error).message}`);
  }
}
if (data['namespace']) settings.cacheOptions = { namespace: data['namespace'] };
if (data['locale']) settings.locale = data['locale'];
if (data['theme']) settings.theme = data['theme'] as api.CxTheme;
if (data['density']) settings.density = data['density'] as api.CxDensity;
if (Object.keys(settings).length) api.configure(settings);

api.defineElements({ prefix: data['prefix'] || 'cx' });
