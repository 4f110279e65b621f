// Preloaded into the command line by bench/cli.ts: its peak resident memory (worker threads included), on exit.
process.on('exit', () => process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`));
