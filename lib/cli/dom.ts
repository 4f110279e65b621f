/** A Node DOM for the command line: jsdom, with scripts and sub-resources off. */
import { JSDOM, VirtualConsole } from 'jsdom';

/** One window per base URL. Setting up a jsdom window costs about four times parsing a seed page into it. */
const windows = new Map<string, JSDOM['window']>();

export function parseHtml(html: string, url = 'https://localhost/'): Document {
  let window = windows.get(url);
  if (!window) {
    // Pages' CSS and script errors are the page's business, not the reader's.
    window = new JSDOM('', { url, virtualConsole: new VirtualConsole() }).window;
    windows.set(url, window);
  }
  // A parsed document, like the extension's analyser gets: no scripts run, nothing is fetched, and its URL is the window's.
  return new window.DOMParser().parseFromString(html, 'text/html');
}
