// Workers load TypeScript the same way the command itself does (see framing-lens.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
