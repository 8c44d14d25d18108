// The widget as a mid-range phone sees it: CPU slowed 4x, 150 ms round trip, 1.6 Mbps down. Prints the
// median of RUNS cold loads of the built bundle (./dev build first): first contentful paint, the first
// complete render of all cards and charts, the input-to-next-paint latency of a scenario change, the JS
// heap and the WASM memory; and the network floor (the bundle's transfer time plus round trips).
// Run on request: node scripts/bench-browser.mjs [RUNS]. Figures are printed, never asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, ROOT } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.argv[2] ?? 5);
// CPU slowdown; CPU_RATE=1 measures this machine unthrottled, to see the measurement's own floor.
const CPU_RATE = Number(process.env.CPU_RATE ?? 4);
const RTT_MS = 150;
const DOWN_BPS = 1.6e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The bytes a reader downloads (brotli, as a host serves them).
const files = ['index.html', 'boot.js', 'style/widget.css', 'pkg/widget.js', 'pkg/widget_bg.wasm'];
const bytes = files.reduce((n, f) => {
  const b = readFileSync(join(ROOT, 'dist', f));
  return n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}, 0);
// Three round trips: the page, then its script and stylesheet, then the module and the WASM it imports.
const floorMs = (bytes * 8 * 1000) / DOWN_BPS + 3 * RTT_MS;

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
  await page.addInitScript(() => {
    // The first moment every card shows its status and every card with data its chart.
    new MutationObserver((_, obs) => {
      const cards = document.querySelectorAll('[data-target]');
      const withData = document.querySelectorAll('[data-target]:not([data-status="no-data"])');
      const charts = document.querySelectorAll('[data-target] .plot svg');
      if (cards.length > 0 && document.querySelectorAll('[data-target] .status').length === cards.length
          && charts.length === withData.length && document.querySelector('.summary-chart svg')) {
        window.__complete = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__complete !== undefined, null, { timeout: 120000 });
  const load = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    complete: window.__complete,
    wasm: window.__planWidgetMemory?.(),
  }));
  // Input to next paint: a scenario change, measured from the input event to the frame after the update.
  const inputs = [];
  for (const text of ['700', '800', '900', '1.000', '630']) {
    inputs.push(await page.evaluate(async (value) => {
      const input = document.querySelector('#budget-revenue-achieved');
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The update runs in microtasks; the next animation frame is the next paint.
      await new Promise((done) => requestAnimationFrame(() => done()));
      return performance.now() - t0;
    }, text));
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  results.push({ ...load, input: median(inputs), heap: heap.usedSize });
  await context.close();
}
await browser.close();
await server.close();

const m = (key) => median(results.map((r) => r[key]));
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`Kon Tum sheet, ${RUNS} cold loads at 375 px, CPU ${CPU_RATE}x slower, ${RTT_MS} ms RTT, ${DOWN_BPS / 1e6} Mbps down (medians):`);
console.log(`  bundle (brotli)                 ${(bytes / 1024).toFixed(1)} KiB`);
console.log(`  network floor                   ${ms(floorMs)}`);
console.log(`  first contentful paint          ${ms(m('fcp'))}`);
console.log(`  complete render (cards, charts) ${ms(m('complete'))}  (${(m('complete') / floorMs).toFixed(2)}x the floor)`);
console.log(`  input to next paint             ${ms(m('input'))}`);
console.log(`  JS heap after load              ${(m('heap') / 1024 / 1024).toFixed(1)} MiB`);
console.log(`  WASM memory after load          ${(m('wasm') / 1024 / 1024).toFixed(1)} MiB`);
