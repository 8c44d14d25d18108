// Writes a minified copy of a stylesheet: comments and needless whitespace removed, nothing else
// changed. Usage: node scripts/minify-css.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const css = readFileSync(input, 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{}:;,>])\s*/g, '$1')
  .replace(/;}/g, '}')
  .trim();
writeFileSync(output, css + '\n');
