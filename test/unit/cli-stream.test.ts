import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InOrder, lines } from '../../lib/cli/stream';

const all = async (chunks: (string | Buffer)[]) => {
  const out: string[] = [];
  for await (const line of lines(Readable.from(chunks))) out.push(line);
  return out;
};
const bytes = (text: string) => Buffer.from(text, 'utf8');
// "Kyiv – Київ": a multi-byte character cut between two chunks must come out whole.
const cyrillic = bytes('{"a":"Київ"}\n');

describe('lines: a stream’s lines', () => {
  it.each([
    { name: 'one chunk, lines ended by \\n', chunks: ['a\nb\n'], want: ['a', 'b'] },
    { name: 'a last line without its \\n', chunks: ['a\nb'], want: ['a', 'b'] },
    { name: '\\r\\n ends a line too', chunks: ['a\r\nb\r\n'], want: ['a', 'b'] },
    { name: 'blank lines are lines', chunks: ['a\n\n\nb\n'], want: ['a', '', '', 'b'] },
    { name: 'a line across many chunks', chunks: ['ab', 'cd', 'ef\ng', 'h'], want: ['abcdef', 'gh'] },
    { name: '\\r\\n cut between chunks', chunks: ['a\r', '\nb'], want: ['a', 'b'] },
    {
      name: 'a UTF-8 character cut between chunks',
      chunks: [cyrillic.subarray(0, 8), cyrillic.subarray(8)],
      want: ['{"a":"Київ"}'],
    },
    { name: 'nothing', chunks: [], want: [] },
  ])('$name', async ({ chunks, want }) => {
    expect(await all(chunks)).toEqual(want);
  });

  it('reads a chunk only when the lines before it have been taken', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield `line ${i}\n`;
      }
    }
    const reader = lines(source());
    expect((await reader.next()).value).toBe('line 0');
    expect((await reader.next()).value).toBe('line 1');
    expect(pulled).toBe(2);
  });

  it('from a file-like stream, reads ahead no more than the stream’s own buffer', async () => {
    // A 100 MB input of 1 MB lines, made as it is read: only what the reader pulled was ever made.
    const line = 'x'.repeat(2 ** 20 - 1) + '\n';
    let made = 0;
    const input = new Readable({
      read() {
        this.push(made < 100 ? line : null);
        made++;
      },
    });
    const reader = lines(input);
    for (let i = 0; i < 3; i++) expect((await reader.next()).value).toHaveLength(2 ** 20 - 1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // time to read ahead, were it to (node:readline makes all 100)
    expect(made).toBeLessThanOrEqual(5);
    input.destroy();
  });
});

describe('InOrder: output lines in input order, within a window', () => {
  const sink = () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => (text += c));
    return { out, text: () => text };
  };

  it('writes a line once every line before it has been written', () => {
    const { out, text } = sink();
    const order = new InOrder(out, 10);
    order.put(2, 'c');
    order.put(1, 'b');
    expect(text()).toBe('');
    order.put(0, 'a');
    expect(text()).toBe('a\nb\nc\n');
  });

  it('room() waits while the window of unwritten lines is full, and frees it as lines are written', async () => {
    const { out } = sink();
    const order = new InOrder(out, 2);
    await order.room(1); // one read, none written: room
    let roomy = false;
    const waited = order.room(2).then(() => (roomy = true)); // two read, none written: full
    await Promise.resolve();
    expect(roomy).toBe(false);
    order.put(1, 'b'); // written only after line 0: still full
    await Promise.resolve();
    expect(roomy).toBe(false);
    order.put(0, 'a');
    await waited;
    expect(roomy).toBe(true);
  });

  it('room() waits while the output is full, until it drains', async () => {
    const out = new PassThrough({ highWaterMark: 4 });
    const order = new InOrder(out, 100);
    order.put(0, 'a long line that fills the output');
    let roomy = false;
    const waited = order.room(1).then(() => (roomy = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(roomy).toBe(false);
    out.read(); // the reader takes it: the output drains
    await waited;
    expect(roomy).toBe(true);
  });
});
