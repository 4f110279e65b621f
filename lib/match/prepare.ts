/** A text read once for matching: folded, and its quotations found; the matcher and the demand finder share it. */
import { foldText, type Folded } from './fold';
import { findQuotations, type Span } from './quotes';

export interface PreparedText {
  folded: Folded;
  quotes: Span[];
}

/** `quoted`: spans known to be quotations from the page's structure (blockquotes), beside those marked in the text. */
export function prepareText(text: string, quoted: readonly Span[] = []): PreparedText {
  const quotes = findQuotations(text);
  return { folded: foldText(text), quotes: quoted.length ? [...quotes, ...quoted].sort((a, b) => a.start - b.start) : quotes };
}
