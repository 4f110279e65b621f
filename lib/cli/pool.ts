/**
 * The command line's workers: child processes, one job at a time each, each within a heap limit. A
 * worker that dies (a page needing more than its heap, say) fails only the job it had: it is replaced,
 * and the run goes on. Processes rather than threads, because a thread over its heap limit can abort
 * the whole process (nodejs/node#47224: seen here with a page carrying 100 MB of script).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, JobResult, WorkerData } from './worker';

/** A job's outcome: the worker's answer, or why the worker died on it. */
export type Outcome = { ok: true; result: JobResult } | { ok: false; code: 'out-of-memory' | 'worker-died'; message: string };

export interface Pool {
  /** Every worker loaded (rejects when one cannot load). */
  ready: Promise<void>;
  /** A free worker, waited for: the function runs one job on it and then frees it. */
  take(): Promise<(job: Job) => Promise<Outcome>>;
  close(): void;
}

const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url));
/** How much of a worker's last words (stderr) to keep, to say why it died. */
const LAST_WORDS = 4096;

interface Child {
  process: ChildProcess;
  stderr: () => string;
}

/** `size` workers, each with `heapMb` of heap for the objects it keeps (V8's old generation). */
export function startPool(size: number, data: WorkerData, heapMb: number): Pool {
  const idle: Child[] = [];
  const waiting: { resolve: (c: Child) => void; reject: (e: unknown) => void }[] = [];
  const live = new Set<Child>();
  let broken: unknown = null;
  const free = (c: Child) => (waiting.length ? waiting.shift()!.resolve(c) : idle.push(c));

  const spawn = () => {
    // Workers are TypeScript too: worker.mjs loads them with tsx, as framing-lens.mjs loads the command.
    const child = fork(WORKER, [], {
      execArgv: [...process.execArgv, `--max-old-space-size=${heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let said = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (said = (said + text).slice(-LAST_WORDS)));
    const c: Child = { process: child, stderr: () => said };
    live.add(c);
    child.send(data);
    return { child: c, ready: next<unknown>(c) };
  };
  const ready = Promise.all(Array.from({ length: size }, spawn).map(({ child, ready }) => ready.then(() => free(child)))).then(
    () => undefined,
    (e: Error) => {
      throw new Error(`a worker could not load in ${heapMb} MB of heap (${e.message})`);
    },
  );

  const run =
    (c: Child) =>
    async (job: Job): Promise<Outcome> => {
      try {
        // One that ended while idle (killed from outside, say) fails this job and is replaced, like any other.
        if (!c.process.connected) throw new Error(`${c.process.signalCode ?? `exit code ${c.process.exitCode}`}`);
        c.process.send(job);
        const result = await next<JobResult>(c);
        free(c);
        return { ok: true, result };
      } catch (e) {
        live.delete(c);
        c.process.kill('SIGKILL');
        // Its replacement takes its place once loaded. One that cannot load (what loaded before) ends the run.
        const replacement = spawn();
        replacement.ready.then(
          () => free(replacement.child),
          (e: unknown) => {
            broken = e;
            for (const w of waiting.splice(0)) w.reject(e);
          },
        );
        return died(e as Error, heapMb);
      }
    };
  return {
    ready,
    take: async () => {
      if (broken) throw broken;
      return run(idle.length ? idle.pop()! : await new Promise<Child>((resolve, reject) => waiting.push({ resolve, reject })));
    },
    close: () => {
      for (const c of live) c.process.kill();
    },
  };
}

function died(e: Error, heapMb: number): Outcome {
  if (/heap out of memory|Allocation failed/i.test(e.message))
    return {
      ok: false,
      code: 'out-of-memory',
      message: `the page needed more than the ${heapMb} MB of heap a worker may use (--heap MB to allow more)`,
    };
  return { ok: false, code: 'worker-died', message: `the worker analysing it stopped (${e.message})` };
}

/** The worker's next message; rejects with how it ended (and its last error line) when it exits first. */
function next<T>(c: Child): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = () => {
      c.process.off('message', message);
      c.process.off('exit', exit);
    };
    const message = (m: T) => (settle(), resolve(m));
    const exit = (code: number | null, signal: string | null) => {
      settle();
      const last = /^.*(?:FATAL ERROR|Error).*$/m.exec(c.stderr())?.[0].trim();
      reject(new Error(`${signal ?? `exit code ${code}`}${last ? `: ${last}` : ''}`));
    };
    c.process.on('message', message);
    c.process.on('exit', exit);
  });
}
