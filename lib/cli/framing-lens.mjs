#!/usr/bin/env node
// The command line is TypeScript like the rest of lib/; tsx runs it without a build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
