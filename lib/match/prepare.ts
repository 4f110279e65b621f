/** A text read once for matching: folded, and its quotations found; the matcher and the demand finder share it. */
import { foldText, type Folded } from './fold';
import { findQuotations, type Span } from './quotes';

export interface PreparedText {
  folded: Folded;
  quotes: Span[];
}

export function prepareText(text: string): PreparedText {
  return { folded: foldText(text), quotes: findQuotations(text) };
}
