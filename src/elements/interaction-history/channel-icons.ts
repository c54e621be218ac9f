import { svg, type SVGTemplateResult } from 'lit';

/** Small line icons, one per known channel; unknown channels get the neutral one. */
const ICONS: Record<string, SVGTemplateResult> = {
  phone: svg`<path d="M6 3h3l2 5-2 1.5a11 11 0 0 0 5.5 5.5L16 13l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z"/>`,
  email: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3.5 6.5 12 13l8.5-6.5"/>`,
  chat: svg`<path d="M4 5h16v10H9l-5 4z"/>`,
  sms: svg`<path d="M5 4h14v12H9l-4 4z"/><path d="M9 10h.01M12 10h.01M15 10h.01"/>`,
  social: svg`<circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="6" r="2.5"/><circle cx="18" cy="18" r="2.5"/><path d="m8.2 10.8 7.6-3.6M8.2 13.2l7.6 3.6"/>`,
  web: svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>`,
  app: svg`<rect x="7" y="3" width="10" height="18" rx="2"/><path d="M11 18h2"/>`,
  voice_assistant: svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3"/>`,
  in_person: svg`<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`,
  video: svg`<rect x="3" y="6" width="12" height="12" rx="2"/><path d="m15 10 6-3v10l-6-3z"/>`,
  other: svg`<circle cx="12" cy="12" r="3"/>`,
};

export function channelIcon(channel: string): SVGTemplateResult {
  return ICONS[channel] ?? ICONS['other']!;
}
