import { describe, expect, it } from 'vitest';
import { fetchAll, offer, part, PART_CHARS, whenFetched, type Offer } from '../../lib/runtime/parts';

/** Through JSON, as runtime messages are, with the answers in any order. */
const fetchPart = async (request: { id: string; index: number }) => JSON.parse(JSON.stringify(part(request))) as string | null;

const TEXTS: { name: string; text: string }[] = [
  { name: 'short', text: '{"status":"no-article"}' },
  { name: 'exactly one part', text: 'a'.repeat(PART_CHARS) },
  { name: 'several parts of Latin and Cyrillic', text: 'Kyiv Київ '.repeat(PART_CHARS / 2) },
  // A surrogate pair straddling every part boundary.
  { name: 'astral characters on the boundaries', text: ('x'.repeat(PART_CHARS - 1) + '𝕂').repeat(5) },
];

describe.each(TEXTS)('$name', ({ text }) => {
  it('arrives whole, each part valid UTF-16 on its own', async () => {
    const offered: Offer = offer(text);
    if (text.length <= PART_CHARS) expect(offered).toBe(text);
    else expect(offered).toMatchObject({ parts: expect.any(Number) });
    const seen: string[] = [];
    const got = await fetchAll(offered, async (r) => {
      const p = await fetchPart(r);
      seen.push(p ?? '');
      return p;
    });
    expect(got).toBe(text);
    for (const p of seen) expect(p.isWellFormed()).toBe(true);
  });
});

it('forgets an offer once every part has gone, and says when a part is missing', async () => {
  const offered = offer('z'.repeat(PART_CHARS * 2 + 1));
  if (typeof offered === 'string') throw new Error('not offered in parts');
  expect(offered.parts).toBe(3);
  await fetchAll(offered, fetchPart);
  expect(part({ id: offered.id, index: 0 })).toBeNull();
  await expect(fetchAll(offered, fetchPart)).rejects.toThrow(/lost on the way/);
});

it('says when an offer has gone: after its last part, or for a short text in the next task', async () => {
  const offered = offer('y'.repeat(PART_CHARS + 1));
  if (typeof offered === 'string') throw new Error('not offered in parts');
  let gone = false;
  void whenFetched(offered).then(() => (gone = true));
  part({ id: offered.id, index: 0 });
  await new Promise((r) => setTimeout(r));
  expect(gone).toBe(false);
  part({ id: offered.id, index: 1 });
  await new Promise((r) => setTimeout(r));
  expect(gone).toBe(true);

  const order: string[] = [];
  const short = whenFetched(offer('short')).then(() => order.push('taken'));
  await Promise.resolve();
  order.push('same task');
  await short;
  expect(order).toEqual(['same task', 'taken']);
});
