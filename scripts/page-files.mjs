// The files a reader's browser loads for the built page, read from the page itself: index.html's
// stylesheet, scripts and preloads (the build preloads every module the glue imports), the modules
// boot.js imports, and the WASM. Shared by the size budget (size.mjs) and the browser bench.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export function pageFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const ref = m[1];
    if (ref.startsWith('data:') || ref.includes('://')) continue;
    files.add(ref.replace(/^\.\//, ''));
  }
  const boot = files.has('boot.js') ? readFileSync(join(dir, 'boot.js'), 'utf8') : '';
  for (const m of boot.matchAll(/(?:from |import\(|new URL\()'\.\/([^']+)'/g)) files.add(m[1]);
  files.add('pkg/widget_bg.wasm');
  return [...files].filter((f) => existsSync(join(dir, f)));
}

export function brotliSize(buf) {
  return brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}

