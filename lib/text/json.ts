/**
 * JSON.parse with positions: the same value, plus the line and column where each value starts,
 * keyed by JSON path ("entries[3].variants[0].note"), so an error can name the line it is on.
 */

export interface Located {
  value: unknown;
  /** 1-based line and column of each value, keyed by path ("" for the root). */
  positions: Map<string, { line: number; column: number }>;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Far deeper than any pack; a hostile file nested deeper is refused before it exhausts the stack. */
const MAX_DEPTH = 512;

export function parseJsonWithPositions(text: string): Located {
  const positions = new Map<string, { line: number; column: number }>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line, i - lineStart + 1);
  };
  const skip = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const expect = (c: string) => {
    if (text[i] !== c) fail(text[i] === undefined ? `expected '${c}' but the file ended` : `expected '${c}', found '${text[i]}'`);
    i++;
  };

  function parseString(): string {
    const from = i;
    expect('"');
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') break;
      if (c === '\\') i++;
      else if (c === '\n') fail('unterminated string');
    }
    // A backslash as the file's last character steps past its end: the error is at the end.
    i = Math.min(i, text.length);
    expect('"');
    try {
      return JSON.parse(text.slice(from, i)) as string;
    } catch {
      return fail('invalid escape in string');
    }
  }

  function parseValue(path: string, depth: number): unknown {
    skip();
    positions.set(path, { line, column: i - lineStart + 1 });
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skip();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skip();
        const key = parseString();
        skip();
        expect(':');
        // An own property whatever the key, as JSON.parse makes it: "__proto__" must not set the prototype.
        Object.defineProperty(obj, key, {
          value: parseValue(path ? `${path}.${key}` : key, depth + 1),
          writable: true,
          enumerable: true,
          configurable: true,
        });
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return obj;
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(`${path}[${arr.length}]`, depth + 1));
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return arr;
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return fail(c === undefined ? 'unexpected end of file' : `unexpected '${c}'`);
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  }

  const value = parseValue('', 0);
  skip();
  if (i < text.length) fail(`unexpected '${text[i]}' after the end of the JSON value`);
  return { value, positions };
}
