/**
 * Long texts cross between the extension's contexts in parts (used by ./channel only). A runtime
 * message is read whole on each side's main thread: a long article's analysis (megabytes) would be one
 * long task on the page. Offered in parts, each part is its own message, and its own task.
 */

/**
 * Characters per part: a few milliseconds of messaging on either side, and a long article's whole
 * analysis still crosses with the reply itself (bench/README.md has the figures).
 */
export const PART_CHARS = 1 << 19;
/** An offer not fetched in full within this long is dropped. */
const KEEP_MS = 60_000;

/** A text as offered: the text itself when short, else where to fetch its parts. */
export type Offer = string | { id: string; parts: number };
export interface PartRequest {
  id: string;
  index: number;
}

/** Offers waiting for their parts to be asked for; `gone` resolves when they are forgotten. */
const outbox = new Map<string, { parts: string[]; left: number; gone: Promise<void>; forget: () => void }>();
let offers = 0;

/** Offers a text: short ones go as they are, long ones wait here in parts for `part` requests. */
export function offer(text: string): Offer {
  if (text.length <= PART_CHARS) return text;
  // Unique across contexts: every context of the extension serves its own offers' parts.
  const id = `${Date.now().toString(36)}-${(offers++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
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
 * Resolves once an offer has been fetched: every part (or the offer expired); a short text, in the
 * task after the one that offered it. Work that can wait for the reader (a history record) waits
 * for it, rather than hold up the parts.
 */
export function whenFetched(offered: Offer): Promise<void> {
  if (typeof offered === 'string') return new Promise((resolve) => setTimeout(resolve));
  return outbox.get(offered.id)?.gone ?? Promise.resolve();
}

/** Whether this context holds the offer: only the one that made it answers for its parts. */
export const holds = (id: string) => outbox.has(id);

/** One part of an offer (null: no such offer, or it has expired); an offer is forgotten once every part has gone. */
export function part({ id, index }: PartRequest): string | null {
  const offered = outbox.get(id);
  const text = offered?.parts[index];
  if (offered === undefined || text === undefined) return null;
  if (--offered.left === 0) offered.forget();
  return text;
}

/** The offered text whole, its parts asked for with `ask` (all at once: each answer arrives as its own task). */
export async function fetchAll(offered: Offer, ask: (request: PartRequest) => Promise<string | null | undefined>): Promise<string> {
  if (typeof offered === 'string') return offered;
  const parts = await Promise.all(Array.from({ length: offered.parts }, (_, index) => ask({ id: offered.id, index })));
  if (parts.some((p) => typeof p !== 'string')) throw new Error('Part of a long message was lost on the way; try again.');
  return parts.join('');
}
