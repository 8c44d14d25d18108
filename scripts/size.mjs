// Prints the brotli-compressed size of every file the page loads, and their total, and fails when the
// total exceeds the budget. Usage: node scripts/size.mjs [DIST_DIR]
//
// The list of files is read from the built page itself (scripts/page-files.mjs), so a new file the page
// loads is counted without editing this script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageFiles, brotliSize } from './page-files.mjs';

// The budget in KiB (1 KiB = 1,024 bytes) of brotli at quality 11, as static hosts serve it.
// 180 since issue 12 (the view as Leptos components); the goal stays 150 (docs/performance.md).
export const BUDGET_KIB = 180;

const dist = process.argv[2] ?? 'dist';

const rows = pageFiles(dist).map((f) => {
  const buf = readFileSync(join(dist, f));
  return { file: f, raw: buf.length, br: brotliSize(buf) };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
const kib = (n) => (n / 1024).toFixed(1).padStart(8);
const w = Math.max(24, ...rows.map((r) => r.file.length + 2));
console.log(`${'file'.padEnd(w)}${'raw KiB'.padStart(9)}${'brotli KiB'.padStart(12)}`);
for (const r of rows) console.log(`${r.file.padEnd(w)}${kib(r.raw)} ${kib(r.br)}   `);
console.log(`${'total'.padEnd(w)}${kib(total.raw)} ${kib(total.br)}   (budget ${BUDGET_KIB} KiB)`);
if (total.br > BUDGET_KIB * 1024) {
  console.error(`size: the page's brotli total ${(total.br / 1024).toFixed(1)} KiB exceeds the budget of ${BUDGET_KIB} KiB`);
  process.exit(1);
}
