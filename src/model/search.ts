/**
 * What free-text search looks at in an interaction: one definition for the memory adapter's search
 * and for the history's instant filter over what is loaded, so both find the same items.
 */
import type { Interaction } from './types.js';

/** The searchable text of an interaction, lower-cased (email HTML with its tags removed). */
export function searchableText(i: Interaction): string {
  const html = typeof i.body?.html === 'string' ? i.body.html.replace(/<[^>]*>/g, ' ') : '';
  return [i.subject, i.summary, i.body?.text, html, i.agent?.name, i.caseId, i.channel, ...(i.tags ?? [])]
    .filter((x) => typeof x === 'string')
    .join('\n')
    .toLowerCase();
}

/** Whether an interaction matches a channel filter and a search text (either may be empty). */
export function matchesInteraction(i: Interaction, channels: ReadonlySet<string> | readonly string[], search: string): boolean {
  const set = channels instanceof Set ? channels : new Set(channels as readonly string[]);
  if (set.size && !set.has(i.channel)) return false;
  const q = search.trim().toLowerCase();
  return !q || searchableText(i).includes(q);
}
