/**
 * Streaming for `analyze --jsonl` and web archives, in bounded memory: input lines read only when asked
 * for, output lines written in input order with a bound on how many may wait.
 */
import { StringDecoder } from 'node:string_decoder';

/**
 * A stream's lines ("\n" or "\r\n" ends one), each read from the stream only when the previous one has
 * been taken. (node:readline reads up to 1,024 lines ahead of its reader: with pages of a megabyte a
 * line, a gigabyte.)
 */
export async function* lines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pieces: string[] = [];
  const line = (last: string) => {
    const text = pieces.join('') + last;
    pieces = [];
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      yield line(text.slice(start, end));
      start = end + 1;
    }
    if (start < text.length) pieces.push(text.slice(start));
  }
  const rest = line(decoder.end());
  if (rest) yield rest;
}

/**
 * Output lines in input order: line n is written once every line before it has been. `room(read)`
 * waits while `window` or more of the lines read so far are unwritten, or while the output is full,
 * so a slow page or a slow reader of the output holds back the input rather than filling memory.
 */
export class InOrder {
  private readonly finished = new Map<number, string>();
  private written = 0;
  private full = false;
  private wake: (() => void)[] = [];

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly window: number,
  ) {}

  put(n: number, line: string): void {
    this.finished.set(n, line);
    for (let next = this.finished.get(this.written); next !== undefined; next = this.finished.get(this.written)) {
      this.finished.delete(this.written++);
      if (!this.out.write(next + '\n') && !this.full) {
        this.full = true;
        this.out.once('drain', () => {
          this.full = false;
          this.notify();
        });
      }
    }
    this.notify();
  }

  async room(read: number): Promise<void> {
    while (this.full || read - this.written >= this.window) await new Promise<void>((resolve) => this.wake.push(resolve));
  }

  private notify() {
    for (const resolve of this.wake.splice(0)) resolve();
  }
}
