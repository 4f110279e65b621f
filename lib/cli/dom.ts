/** A Node DOM for the command line: jsdom, with scripts and sub-resources off. */
import { JSDOM, VirtualConsole } from 'jsdom';

export function parseHtml(html: string, url = 'https://localhost/'): Document {
  // Pages' CSS and script errors are the page's business, not the reader's.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}
