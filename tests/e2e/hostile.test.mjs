// Hostile conditions in the browser (docs/robustness.md): the widget keeps working, says nothing it
// should not, and changes nothing it should not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, PHONE } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();

test('blocked storage: the widget works and the language switch still works for the visit', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng');
  await w.language('English');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await w.projected('budget-revenue'), '1,260 billion VND');
  assert.deepEqual(problems, []);
  await context.close();
});

test('full storage: writing the language fails quietly and nothing else changes', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await w.language('English');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await w.type('budget-revenue', 'achieved', '700');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1,400'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a flood of messages changes nothing and the page stays responsive', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  const before = await page.locator('#app').innerText();
  await page.evaluate(() => {
    const payloads = ['{"datawrapper-height":{"x":1}}', 'pym:x:height:9999', { scenario: { inputs: {} } }, { lang: 'en' }, null];
    for (let i = 0; i < 20000; i++) window.postMessage(payloads[i % payloads.length], '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#app').innerText(), before, 'the messages changed nothing');
  // Still answering input at once after the flood.
  await w.type('budget-revenue', 'achieved', '900');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.800'));
  await w.type('budget-revenue', 'achieved', '630');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.260'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('nonsense in the query string falls back to the defaults', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}?lang=%3Cscript%3E&lang=xx&unknown=1`);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng');
  assert.deepEqual(problems, []);
  await context.close();
});
