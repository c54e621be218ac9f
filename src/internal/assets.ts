/**
 * Where files loaded on demand (such as the HTML sanitizer) come from. The script-tag build sets it to
 * the folder of `cxdesk.min.js` itself, so the files beside it are found wherever it is hosted.
 */
let base: string | undefined;

export function setAssetBase(url: string | undefined): void {
  base = url;
}

/** The URL of a file shipped beside the script-tag build, or undefined for npm builds. */
export function assetUrl(file: string): string | undefined {
  return base ? new URL(file, base).href : undefined;
}
