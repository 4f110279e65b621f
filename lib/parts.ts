/**
 * Long texts cross between the extension's contexts in parts. A runtime message is serialised and
 * read whole on each side's main thread: a long article's analysis (megabytes) would be one task of
 * 100 ms or more on the page. Offered in parts, each part is its own message, and its own task.
 */

/**
 * Characters per part: a few milliseconds of messaging on either side, and a 200 KB article's whole
 * analysis (about 420 K characters) still crosses with the reply itself, without a round trip for parts
 * (at 256 K the round trip cost its first annotation 10–25 ms).
 */
export const PART_CHARS = 1 << 19;
/** An offer not fetched in full within this long is dropped. */
const KEEP_MS = 60_000;

/** A text as offered: the text itself when short, else where to fetch its parts. */
export type Offer<T extends string = string> = T | { id: string; parts: number };
export interface PartRequest {
  id: string;
  index: number;
}

/** Offers waiting for their parts to be asked for; `gone` resolves when they are forgotten. */
const outbox = new Map<string, { parts: string[]; left: number; gone: Promise<void>; forget: () => void }>();
let offers = 0;

/** Offers a text: short ones go as they are, long ones wait here in parts for `part` requests. */
export function offer<T extends string>(text: T): Offer<T> {
  if (text.length <= PART_CHARS) return text;
  const id = `${Date.now().toString(36)}-${(offers++).toString(36)}`;
  const parts: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + PART_CHARS);
    // Never between the halves of a surrogate pair: a lone half would not survive the message's UTF-8.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  let resolve!: () => void;
  const gone = new Promise<void>((r) => (resolve = r));
  const forget = () => {
    outbox.delete(id);
    resolve();
  };
  outbox.set(id, { parts, left: parts.length, gone, forget });
  setTimeout(forget, KEEP_MS);
  return { id, parts: parts.length };
}

/**
 * Resolves once an offer has gone: every part fetched (or the offer expired); a short text, in the
 * task after the one that offered it. Work that can wait for the reader (a history record) waits
 * for it, rather than hold up the parts.
 */
export function taken(offered: Offer): Promise<void> {
  if (typeof offered === 'string') return new Promise((resolve) => setTimeout(resolve));
  return outbox.get(offered.id)?.gone ?? Promise.resolve();
}

/** One part of an offer (null: no such offer, or it has expired); an offer is forgotten once every part has gone. */
export function part({ id, index }: PartRequest): string | null {
  const offered = outbox.get(id);
  const text = offered?.parts[index];
  if (offered === undefined || text === undefined) return null;
  if (--offered.left === 0) offered.forget();
  return text;
}

/** The offered text, its parts asked for with `ask` (all at once: each answer arrives as its own task). */
export async function take<T extends string>(
  offered: Offer<T>,
  ask: (request: PartRequest) => Promise<string | null | undefined>,
): Promise<T> {
  if (typeof offered === 'string') return offered;
  const parts = await Promise.all(Array.from({ length: offered.parts }, (_, index) => ask({ id: offered.id, index })));
  if (parts.some((p) => typeof p !== 'string')) throw new Error('Part of a long message was lost on the way; try again.');
  return parts.join('') as T;
}
