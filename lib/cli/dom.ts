/** A Node DOM for the command line: jsdom, with scripts and sub-resources off. */
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * The window pages are parsed in, for one base URL. Setting up a jsdom window costs about four times
 * parsing a seed page into it, so it serves page after page; but a window keeps every document its
 * DOMParser made (measured: 40 pages of 1 MB each ran a worker out of a 200 MB heap), so it is
 * closed and made anew after a few: at most USES pages' DOMs are held (the same 40 pages then fit).
 */
let current: { url: string; window: JSDOM['window']; uses: number } | null = null;
const USES = 4;

export function parseHtml(html: string, url = 'https://localhost/'): Document {
  if (!current || current.url !== url || current.uses >= USES) {
    current?.window.close();
    // Pages' CSS and script errors are the page's business, not the reader's.
    current = { url, window: new JSDOM('', { url, virtualConsole: new VirtualConsole() }).window, uses: 0 };
  }
  current.uses++;
  // A parsed document, like the extension's analyser gets: no scripts run, nothing is fetched, and its URL is the window's.
  return new current.window.DOMParser().parseFromString(html, 'text/html');
}
