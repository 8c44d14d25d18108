// The widget as a mid-range phone sees it: CPU slowed 4x, 150 ms round trip, 1.6 Mbps down. Prints the
// median of RUNS cold loads of the built bundle (./dev build first): first contentful paint, the first
// complete render of all cards and charts, the input-to-next-paint latency of a scenario change, the JS
// heap and the WASM memory; and the network floor (the bundle's transfer time plus round trips).
// Run on request: node scripts/bench-browser.mjs [RUNS]. Figures are printed, never asserted.
// TARGETS=1000 measures a generated sheet of that many targets (loaded with ?sheet=, every target with a
// figure from the link) instead of the Kon Tum sheet.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pageFiles, brotliSize } from './page-files.mjs';
import { serve, launch, ROOT } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.argv[2] ?? 5);
// CPU slowdown; CPU_RATE=1 measures this machine unthrottled, to see the measurement's own floor.
const CPU_RATE = Number(process.env.CPU_RATE ?? 4);
const RTT_MS = 150;
const DOWN_BPS = 1.6e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The bytes a reader downloads (brotli, as a host serves them).
const bytes = pageFiles(join(ROOT, 'dist')).reduce((n, f) => n + brotliSize(readFileSync(join(ROOT, 'dist', f))), 0);
// Three round trips: the page, then its script and stylesheet, then the module and the WASM it imports.
const floorMs = (bytes * 8 * 1000) / DOWN_BPS + 3 * RTT_MS;

// The page to open, the field to type into, and what to type.
const TARGETS = Number(process.env.TARGETS ?? 0);
let url = '';
let field = '#budget-revenue-achieved';
let typed = ['700', '800', '900', '1.000', '630'];
if (TARGETS > 0) {
  // The same shape as tests/support/synthetic.rs: kinds and comparators cycle; twelve months of 2023.
  const targets = Array.from({ length: TARGETS }, (_, i) => {
    const [kind, value, bound] = [['flow', 1000 + i, null], ['level', 90, 100], ['average', 8.5, null]][i % 3];
    return { id: `t${i}`, area: `a${i % 4}`, clause: `${i}`, wording: `Chỉ tiêu ${i}`, label: { vi: `Chỉ tiêu ${i}`, en: `Target ${i}` },
      comparator: i % 2 ? '>' : '>=', value, unit: 'u', kind, decimals: 1, ...(bound ? { bound } : {}) };
  });
  const sheet = { format: 1, id: `synthetic-${TARGETS}`, title: { vi: 'Thử', en: 'Test' },
    resolution: { number: '0', issuer: { vi: 'X', en: 'X' }, date: '2023-01-01' },
    period: { start: '2023-01-01', end: '2023-12-31' }, units: { u: { label: { vi: 'đv', en: 'u' } } },
    areas: [0, 1, 2, 3].map((a) => ({ id: `a${a}`, clause: `${a}`, label: { vi: `Lĩnh vực ${a}`, en: `Area ${a}` } })), targets };
  mkdirSync(join(ROOT, 'dist', 'sheets'), { recursive: true });
  writeFileSync(join(ROOT, 'dist', 'sheets', `synthetic-${TARGETS}.json`), JSON.stringify(sheet));
  const inputs = targets.map((t, i) => `t${i}=${[400 + i, 85, 8][i % 3]}`).join(';');
  url = `?sheet=sheets/synthetic-${TARGETS}.json#v1;sheet=synthetic-${TARGETS};as=2023-06-30;${inputs}`;
  field = '#t0-achieved';
  typed = ['700', '800', '900', '1.000', '400'];
}

const server = await serve(undefined, { brotli: true });
const browser = await launch();
const results = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: DOWN_BPS / 8,
    uploadThroughput: 750e3 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  await page.addInitScript((synthetic) => {
    // The first frame painted (on the sheet measured) with every card showing its status and every card
    // with data its chart (in a large sheet, every card its status and figures: charts are drawn as cards
    // come near). The DOM holding them is not enough: the browser must still style, lay out and paint
    // them, which for a large sheet costs more than building them. The time is taken after the next
    // animation frame's work (a task queued from it runs once that frame is done).
    new MutationObserver((_, obs) => {
      const cards = document.querySelectorAll('[data-target]');
      const withData = document.querySelectorAll('[data-target]:not([data-status="no-data"])');
      const charts = document.querySelectorAll('[data-target] .plot svg');
      // A large sheet draws a card's chart as the card comes near the viewport (not measured here: asking
      // for the cards' positions would force a layout of the whole page on every mutation).
      const drawn = synthetic || charts.length === withData.length;
      if (cards.length > 0 && !document.querySelector('[data-target="budget-revenue"]') === synthetic && document.querySelectorAll('[data-target] .status').length === cards.length
          && drawn && document.querySelector('.summary-chart svg')) {
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__complete = performance.now(); }));
      }
    }).observe(document, { childList: true, subtree: true });
  }, TARGETS > 0);
  await page.goto(server.url + url);
  await page.waitForFunction(() => window.__complete !== undefined, null, { timeout: 120000 });
  const load = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    complete: window.__complete,
    wasm: window.__planWidgetMemory?.(),
  }));
  // Input to next paint: a scenario change, measured from the input event to the frame after the update.
  const inputs = [];
  for (const text of typed) {
    inputs.push(await page.evaluate(async ([value, field]) => {
      const input = document.querySelector(field);
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The update runs in microtasks; the next frame is painted once its animation-frame callbacks, style,
      // layout and paint are done: a task queued from the callback runs after them.
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      return performance.now() - t0;
    }, [text, field]));
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  results.push({ ...load, input: median(inputs), heap: heap.usedSize });
  await context.close();
}
await browser.close();
await server.close();

const m = (key) => median(results.map((r) => r[key]));
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`${TARGETS > 0 ? `A generated sheet of ${TARGETS} targets` : 'Kon Tum sheet'}, ${RUNS} cold loads at 375 px, CPU ${CPU_RATE}x slower, ${RTT_MS} ms RTT, ${DOWN_BPS / 1e6} Mbps down (medians):`);
console.log(`  bundle (brotli)                 ${(bytes / 1024).toFixed(1)} KiB`);
console.log(`  network floor                   ${ms(floorMs)}`);
console.log(`  first contentful paint          ${ms(m('fcp'))}`);
console.log(`  complete render (cards, charts) ${ms(m('complete'))}  (${(m('complete') / floorMs).toFixed(2)}x the floor)`);
console.log(`  input to next paint             ${ms(m('input'))}`);
console.log(`  JS heap after load              ${(m('heap') / 1024 / 1024).toFixed(1)} MiB`);
console.log(`  WASM memory after load          ${(m('wasm') / 1024 / 1024).toFixed(1)} MiB`);
