// Defects readers and editors met (issue 11), each tried as they tried it, in the built page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, horizontalOverflow, screenshot, PHONE, DESKTOP } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();
const clean = (s) => (s ?? '').replace(/\u00a0/g, ' ').trim();

async function widget(device, path = '', options) {
  const { page, context, problems } = await open(env.browser, env.server.url, device, options);
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}${path}`);
  return { w, page, context, problems };
}

test('item 1: High, a figure typed, then Base gives the pace so far, and the pressed button is the one in force', async () => {
  const { w, page, context, problems } = await widget(PHONE);
  const pressed = () => page.locator('.seg[aria-pressed="true"]').allTextContents();
  await w.preset('Cao');
  // GRDP is an average: half the period at 9% so far, half at the assumption (1.2 × 9% = 10.8%).
  assert.equal(await w.projected('grdp-growth'), '9,90%');
  await w.type('budget-revenue', 'achieved', '700');
  assert.deepEqual(await pressed(), ['Cao'], 'a figure keeps the preset in force');
  await w.preset('Cơ sở');
  assert.deepEqual(await pressed(), ['Cơ sở']);
  assert.equal(await w.projected('grdp-growth'), '9,00%', 'the pace so far, not High');
  await w.preset('Thấp');
  assert.equal(await w.projected('grdp-growth'), '8,10%', '0.8 of the pace so far (7.2%), not of High');
  await page.waitForFunction(() => location.hash.includes('grdp-growth=9,v7.2;'));
  assert.doesNotMatch(page.url(), /v10\.7999|v7\.1999/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('item 4: a half-typed number never drives the card, the summary or the link', async () => {
  const { w, page, context, problems } = await widget(PHONE);
  const before = { card: await w.projected('budget-revenue'), score: await w.scoreboard() };
  const field = w.field('budget-revenue', 'achieved');
  await field.selectText();
  await field.pressSequentially('1,2,3', { delay: 20 });
  await page.waitForSelector('#budget-revenue-achieved[aria-invalid="true"]');
  assert.equal(await w.projected('budget-revenue'), before.card);
  assert.equal(await w.scoreboard(), before.score);
  assert.match(await w.message('budget-revenue', 'achieved'), /Vẫn dùng số trước đó \(630\)/);
  await page.waitForTimeout(600);
  assert.match(page.url(), /;budget-revenue=630;/, 'the link keeps the value in force');
  assert.deepEqual(problems, []);
  await context.close();
});

test('item 3: the share link of a sheet opened by ?sheet= reopens that sheet with its figures', async () => {
  const path = '?sheet=sheets/kontum-2022-year-plan.json';
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.goto(`${env.server.url}${path}`);
  await page.waitForSelector('[data-target="budget-revenue-2022"]');
  await page.fill('#budget-revenue-2022-achieved', '2.930');
  await page.getByRole('button', { name: 'Chia sẻ, nhúng' }).click();
  const link = await page.inputValue('#share-link');
  // A shipped sheet travels by its id (issue 15, item 1).
  assert.match(link, /\?sheet=kontum-2022-year-plan#v1;sheet=kontum-2022-year-plan;/);
  assert.match(await page.inputValue('#embed-code'), /\?sheet=kontum-2022-year-plan&amp;lang=vi#/);
  const second = await open(env.browser, env.server.url, DESKTOP);
  await second.page.goto(link);
  await second.page.waitForSelector('[data-target="budget-revenue-2022"] .projected');
  assert.equal(await second.page.locator('.notice').count(), 0, 'no "scenario of another sheet" notice');
  assert.equal(await second.page.inputValue('#budget-revenue-2022-achieved'), '2.930');
  assert.deepEqual(problems, []);
  assert.deepEqual(second.problems, []);
  await context.close();
  await second.context.close();
});

test('item 6: a refused clipboard leaves the text selected, says how to copy it, and never says "copied"', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
  });
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await page.getByRole('button', { name: 'Chia sẻ, nhúng' }).click();
  await page.locator('.copy-row button').first().click();
  const notice = page.locator('.notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Ctrl\+C/);
  assert.equal(await page.getByText('Đã chép.').count(), 0);
  const selected = await page.evaluate(() => {
    const e = document.activeElement;
    return { id: e.id, all: e.selectionStart === 0 && e.selectionEnd === e.value.length && e.value.length > 0 };
  });
  assert.deepEqual(selected, { id: 'share-link', all: true }, 'the link is focused and selected');
  assert.deepEqual(problems, [], 'no uncaught error in the console');
  await context.close();
});

test('items 13 and 14: the first screen says figures can be typed, and a target the sheet lacks is named', async () => {
  const { w, page, context, problems } = await widget(PHONE, '?target=nope');
  const tryIt = page.locator('.try-it');
  const box = await tryIt.boundingBox();
  assert.ok(box && box.y + box.height <= 667 * 1.6, `the hint is near the first screen (y ${box?.y})`);
  assert.match(clean(await page.locator('.summary').textContent()), /không có chỉ tiêu "nope"/);
  await tryIt.getByRole('button').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'grdp-growth-achieved');
  // The unit beside the field, an example as its placeholder, and "no published figure" on an empty card.
  assert.equal(clean(await w.card('budget-revenue').locator('.unit').first().textContent()), 'tỷ đồng');
  assert.equal(await w.field('jobs', 'achieved').getAttribute('placeholder'), 'Ví dụ: 1.000');
  assert.match(await w.card('jobs').locator('.no-figure').textContent(), /Không tìm thấy số liệu công bố/);
  assert.equal(await horizontalOverflow(page), 0);
  await screenshot(page, 'readers-first-screen-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('item 5 and 8: figures of another date are marked, and at the period end cards say what was reached', async () => {
  const { w, page, context, problems } = await widget(DESKTOP);
  await w.asOf('2022-10-31');
  assert.match(await page.locator('.figures-dated').textContent(), /4 chỉ tiêu là số liệu đến 30\/9\/2022/);
  assert.match(await w.card('budget-revenue').locator('.stale').textContent(), /30\/9\/2022/);
  await w.asOf('2022-12-31');
  await w.type('jobs', 'achieved', '2.400');
  assert.equal(await w.status('jobs'), 'missed');
  assert.equal(await w.statusWords('jobs'), '✖Không đạt');
  assert.doesNotMatch(await w.card('jobs').textContent(), /Dự báo|sẽ đạt|nếu giữ/);
  assert.deepEqual(problems, []);
  await context.close();
});
