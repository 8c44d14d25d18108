// Where a keystroke's time goes once the page is loaded: the built page (./dev build first) opened at
// 375 px without network throttling, then KEYS values typed into the first field, each followed by the
// painted frame. Prints Chrome's own metrics per keystroke (script, style, layout, all tasks) and the
// median time to the painted frame, at CPU_RATE (default 4) with the unthrottled figures beside them.
// Figures are printed, never asserted. Run on request:
//   node scripts/bench-keystrokes.mjs            the Kon Tum sheet
//   TARGETS=1000 node scripts/bench-keystrokes.mjs   a generated sheet (run
//                                                    `TARGETS=1000 node scripts/bench-browser.mjs 1` first: it writes it)
//   CSS='#summary-table{display:none}' ...       with a rule added through the CSSOM (a diagnostic: what a
//                                                part of the page costs), as the page's CSP forbids inline style
import { serve, launch } from '../tests/e2e/harness.mjs';

const RATE = Number(process.env.CPU_RATE ?? 4);
const TARGETS = Number(process.env.TARGETS ?? 0);
const KEYS = Number(process.env.KEYS ?? 20);
const FIELD = TARGETS ? '#t0-achieved' : '#budget-revenue-achieved';

const server = await serve(undefined, { brotli: true });
const browser = await launch();

async function measure(rate) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (TARGETS) {
    const inputs = Array.from({ length: TARGETS }, (_, i) => `t${i}=${[400 + i, 85, 8][i % 3]}`).join(';');
    await page.goto(`${server.url}?sheet=sheets/synthetic-${TARGETS}.json#v1;sheet=synthetic-${TARGETS};as=2023-06-30;${inputs}`);
    await page.waitForSelector('[data-target="t0"] .status', { state: 'attached', timeout: 120000 });
  } else {
    await page.goto(server.url);
    await page.waitForSelector('[data-target="budget-revenue"] .plot svg');
  }
  await page.waitForSelector('.summary-chart svg', { timeout: 120000 });
  if (process.env.CSS) {
    await page.evaluate((rule) => {
      const sheet = [...document.styleSheets].find((s) => s.href);
      sheet.insertRule(rule, sheet.cssRules.length);
    }, process.env.CSS);
  }
  await page.waitForTimeout(1000);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const frames = [];
  for (let i = 0; i < KEYS; i++) {
    frames.push(await page.evaluate(async ([value, field]) => {
      const input = document.querySelector(field);
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The frame is painted once its animation-frame callbacks, style, layout and paint are done: a task
      // queued from the callback runs after them.
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      return performance.now() - t0;
    }, [String(600 + i * 10), FIELD]));
  }
  const after = await metrics();
  await context.close();
  const per = (k) => ((after[k] - before[k]) * 1000) / KEYS;
  return {
    script: per('ScriptDuration'),
    style: per('RecalcStyleDuration'),
    layout: per('LayoutDuration'),
    task: per('TaskDuration'),
    frame: [...frames].sort((a, b) => a - b)[frames.length >> 1],
  };
}

const slow = await measure(RATE);
const fast = await measure(1);
await browser.close();
await server.close();

const sheet = TARGETS ? `a generated sheet of ${TARGETS} targets` : 'the Kon Tum sheet';
console.log(`Per keystroke, ${sheet}, ${KEYS} keystrokes, 375 px, no network throttling${process.env.CSS ? `, with ${process.env.CSS}` : ''} (ms):`);
console.log(`                          CPU ${RATE}x    CPU 1x`);
for (const [name, key] of [['script', 'script'], ['style', 'style'], ['layout', 'layout'], ['all tasks', 'task'], ['to painted frame (median)', 'frame']]) {
  console.log(`  ${name.padEnd(26)}${slow[key].toFixed(1).padStart(7)}${fast[key].toFixed(1).padStart(10)}`);
}
