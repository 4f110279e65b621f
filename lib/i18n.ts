/**
 * The words the extension shows, from `public/_locales/<locale>/messages.json`: a translation is a file.
 * In the extension the browser picks the locale, and gives English for a message a translation lacks;
 * elsewhere (unit tests, the command line) the bundled English is used, with the same placeholder rules.
 */
import { browser } from 'wxt/browser';
import messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

interface MessageSpec {
  message: string;
  description: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

declare const __FRAMING_LENS_EXTENSION__: boolean | undefined;
/** Set in the extension's builds (wxt.config.ts), where the English need not be bundled: 7 KB gzipped in every page. */
const IN_EXTENSION = typeof __FRAMING_LENS_EXTENSION__ === 'boolean' && __FRAMING_LENS_EXTENSION__;

const ENGLISH: Record<MessageKey, MessageSpec> | null = IN_EXTENSION ? null : messages;

/** `$$` is a dollar sign, `$NAME$` a placeholder (names are case-insensitive). */
const PLACEHOLDER = /\$\$|\$([A-Za-z0-9_@]+)\$/g;
/** In a placeholder's content, `$1`..`$9` are the substitutions. */
const SUBSTITUTION = /\$\$|\$([1-9])/g;

/** A message as `chrome.i18n.getMessage` would give it, from the bundled English. */
export function formatMessage(spec: MessageSpec, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(spec.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return spec.message.replace(PLACEHOLDER, (all, name: string | undefined) => {
    if (name === undefined) return '$';
    const content = placeholders.get(name.toLowerCase());
    if (content === undefined) return all;
    return content.replace(SUBSTITUTION, (_, n: string | undefined) => (n === undefined ? '$' : (substitutions[Number(n) - 1] ?? '')));
  });
}

function fromBrowser(key: MessageKey, substitutions: string[]): string {
  try {
    return browser?.i18n?.getMessage(key, substitutions) ?? '';
  } catch {
    return ''; // no extension APIs here (Node, a plain page)
  }
}

/** The message `key` in the browser's language, its placeholders filled with `substitutions` in order. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  return fromBrowser(key, subs) || (ENGLISH ? formatMessage(ENGLISH[key], subs) : '');
}
