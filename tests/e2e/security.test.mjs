// Security findings (issue 15) tried as an attacker tried them, against the built page. Files an attacker
// could place on the widget's origin are written into dist/uploads/ for the test and removed after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, open, PHONE, ROOT } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();
const uploads = join(ROOT, 'dist', 'uploads');

before(() => {
  mkdirSync(uploads, { recursive: true });
  const kontum = readFileSync(join(ROOT, 'data/sheets/kontum-15-nq-tu-2022.json'), 'utf8');
  // The bundled sheet's id and title, other targets: revenue 1,700 -> 600.
  writeFileSync(join(uploads, 'kontum.json'), kontum.replace('"value": 1700,', '"value": 600,'));
  const plan = readFileSync(join(ROOT, 'data/sheets/kontum-2022-year-plan.json'), 'utf8');
  writeFileSync(join(uploads, 'plan.json'), plan.replace('"id": "kontum-2022-year-plan"', '"id": "uploaded-plan"'));
  // 30 MB of JSON: the widget must not read it.
  writeFileSync(join(uploads, 'big.json'), `{"format": 1, "pad": "${'x'.repeat(30 * 1024 * 1024)}"}`);
});
after(() => rmSync(uploads, { recursive: true, force: true }));

const sheetNotice = async (page) => {
  await page.waitForSelector('.notice[role="alert"]');
  return (await page.locator('.notice[role="alert"]').textContent()).replace(/\u00a0/g, ' ');
};

test('item 1: a look-alike of the bundled sheet on the origin is refused; another sheet shows where it is from', async () => {
  const { page, context } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}?sheet=uploads/kontum.json#v1;as=2022-09-30;src=published`);
  assert.match(await sheetNotice(page), /mang mã "kontum-15-nq-tu-2022" của một bảng đi kèm công cụ/);
  assert.equal(await w.scoreboard(), '1/4 chỉ tiêu có số liệu dự kiến đạt; 15 chỉ tiêu chưa có số liệu', 'the real sheet');
  await page.goto(`${env.server.url}?sheet=uploads/plan.json`);
  await page.waitForSelector('[data-target="budget-revenue-2022"]');
  const provenance = page.locator('.provenance');
  assert.match(await provenance.textContent(), /Bảng chỉ tiêu từ uploads\/plan\.json, không phải bảng đi kèm công cụ/);
  // It stays when a tool opens and after a reset.
  await page.click('button[data-arg="data"]');
  await page.getByRole('button', { name: 'Khôi phục mặc định' }).click();
  assert.equal(await provenance.count(), 1);
  await context.close();
});

test('item 3: a sheet over 10 MB is refused before it is read, and a page that is not JSON too', async () => {
  const { page, context } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}?sheet=uploads/big.json`);
  assert.match(await sheetNotice(page), /uploads\/big\.json: lớn hơn 10 MB; không đọc/);
  // The WASM memory stayed small: the body was never read into it.
  const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  assert.ok(memory < 200 * 1024 * 1024, `heap ${memory}`);
  await page.goto(`${env.server.url}?sheet=index.html`);
  assert.match(await sheetNotice(page), /index\.html: không phải tệp JSON/);
  assert.equal(await page.locator('[data-target]').count(), 19, 'the bundled sheet stays');
  await context.close();
});

test('item 5: the snippet the Share tool gives has no inline script or style', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await page.getByRole('button', { name: 'Chia sẻ, nhúng' }).click();
  const snippet = await page.inputValue('#embed-code');
  assert.doesNotMatch(snippet, /style=|<script>/);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
  const listener = await page.evaluate(async (url) => (await fetch(url)).status, `${env.server.url}embed.js`);
  assert.equal(listener, 200, 'the listener the snippet names is served beside the widget');
  assert.deepEqual(problems, []);
  await context.close();
});
