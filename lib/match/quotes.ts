/**
 * Quotations in a text: straight and curly, double and single, guillemets either way round, German
 * low-high quotes, nested. An apostrophe inside a word (Kiev’s, aggressor’s) is not a quote mark.
 * A quotation left open runs to the end of its paragraph (the convention for multi-paragraph quotes).
 */
export interface Span {
  start: number;
  end: number;
}

interface Open {
  at: number;
  /** The marks that may close it. */
  closer: string;
}

const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpace = (ch: string | undefined) => ch === undefined || /[\s([{\-\u2013\u2014]/u.test(ch);

export function findQuotations(text: string): Span[] {
  const spans: Span[] = [];
  const stack: Open[] = [];

  const open = (at: number, closer: string) => stack.push({ at, closer });
  /** Closes the innermost quotation that this mark closes; false when none is open. */
  const close = (at: number, mark: string): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k].closer.includes(mark)) {
        while (stack.length > k) {
          const o = stack.pop()!;
          spans.push({ start: o.at, end: at + 1 });
        }
        return true;
      }
    }
    return false;
  };
  const closeAll = (end: number) => {
    while (stack.length) spans.push({ start: stack.pop()!.at, end });
  };
  const top = () => stack[stack.length - 1]?.closer;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const before = text[i - 1];
    const after = text[i + 1];
    switch (ch) {
      case '\n':
        if (after === '\n') closeAll(i);
        break;
      case '"':
        if (top() === '"' || (!isSpace(before) && stack.some((o) => o.closer === '"'))) close(i, '"');
        else open(i, '"');
        break;
      case '\u201e': // „ opens German quotes, closed by “ (or ”)
        open(i, '\u201c\u201d');
        break;
      case '\u201c': // “ closes „ or opens an English quote
        if (!(top()?.includes('\u201c') && close(i, '\u201c'))) open(i, '\u201d');
        break;
      case '\u201d':
        close(i, '\u201d');
        break;
      case '\u00ab': // «
        if (!(top() === '\u00ab' && close(i, '\u00ab'))) open(i, '\u00bb');
        break;
      case '\u00bb': // »
        if (!(top() === '\u00bb' && close(i, '\u00bb'))) open(i, '\u00ab');
        break;
      case '\u2039':
        if (!(top() === '\u2039' && close(i, '\u2039'))) open(i, '\u203a');
        break;
      case '\u203a':
        if (!(top() === '\u203a' && close(i, '\u203a'))) open(i, '\u2039');
        break;
      case '\u201a': // ‚ opens German single quotes, closed by ‘
        open(i, '\u2018');
        break;
      case '\u2018':
        if (!(top() === '\u2018' && close(i, '\u2018')) && isSpace(before) && !isSpace(after)) open(i, '\u2019');
        break;
      case '\u2019':
      case "'":
        if (isLetter(before) && isLetter(after)) break; // an apostrophe inside a word
        if (isSpace(before) && !isSpace(after)) {
          if (ch === "'") open(i, "'");
          break;
        }
        close(i, ch);
        break;
    }
  }
  closeAll(text.length);
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Answers "is [start, end) inside a quotation?" for ranges asked in increasing start order, in one
 * sweep over the spans (sorted by start): the furthest end among spans begun so far decides.
 */
export function insideChecker(spans: readonly Span[]): (start: number, end: number) => boolean {
  let next = 0;
  let reach = -1;
  return (start, end) => {
    while (next < spans.length && spans[next].start <= start) reach = Math.max(reach, spans[next++].end);
    return end <= reach;
  };
}
