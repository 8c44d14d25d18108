// Prints the brotli-compressed size of every file the page loads, and their total, and fails when the
// total exceeds the budget. Usage: node scripts/size.mjs [DIST_DIR]
//
// The list of files is read from the built page itself (index.html's stylesheet, scripts and preloads,
// and the WASM), so a new file the page loads is counted without editing this script.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

// The budget in KiB (1 KiB = 1,024 bytes) of brotli at quality 11, as static hosts serve it.
export const BUDGET_KIB = 150;

const dist = process.argv[2] ?? 'dist';

export function pageFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const ref = m[1];
    if (ref.startsWith('data:') || ref.includes('://')) continue;
    files.add(ref.replace(/^\.\//, ''));
  }
  const boot = files.has('boot.js') ? readFileSync(join(dir, 'boot.js'), 'utf8') : '';
  for (const m of boot.matchAll(/from '\.\/([^']+)'/g)) files.add(m[1]);
  files.add('pkg/widget_bg.wasm');
  return [...files].filter((f) => existsSync(join(dir, f)));
}

export function brotliSize(buf) {
  return brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}

const rows = pageFiles(dist).map((f) => {
  const buf = readFileSync(join(dist, f));
  return { file: f, raw: buf.length, br: brotliSize(buf) };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
const kib = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(24)}${'raw KiB'.padStart(9)}${'brotli KiB'.padStart(12)}`);
for (const r of rows) console.log(`${r.file.padEnd(24)}${kib(r.raw)} ${kib(r.br)}   `);
console.log(`${'total'.padEnd(24)}${kib(total.raw)} ${kib(total.br)}   (budget ${BUDGET_KIB} KiB)`);
if (total.br > BUDGET_KIB * 1024) {
  console.error(`size: the page's brotli total ${(total.br / 1024).toFixed(1)} KiB exceeds the budget of ${BUDGET_KIB} KiB`);
  process.exit(1);
}
