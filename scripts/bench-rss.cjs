// Preloaded into benchmarked processes: records the peak resident set size on exit.
'use strict';
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
});
