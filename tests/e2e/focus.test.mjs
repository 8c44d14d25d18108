// A keyboard or screen-reader user keeps their place (issue 12, item 5): after every tool action the
// focus stays on a control (never on <body>), and one keystroke in one card changes no other card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, open, PHONE, ROOT } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();

/** What has the focus: its tag and id, or its text for a button without one. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    return `${e.tagName.toLowerCase()}#${e.id || ''}:${(e.textContent ?? '').trim().slice(0, 20)}`;
  });

/** Presses Enter on the control matching `locator`, as a keyboard user does, and waits a frame. */
async function press(page, locator) {
  await locator.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
}

test('the focus stays on a control after Save, Rename, Delete, Compare, opening a file and Reset', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await press(page, page.locator('button[data-arg="saved"]'));
  await page.fill('#save-name', 'Một');
  const save = page.locator('button[data-act="save"]');
  await press(page, save);
  await page.waitForSelector('.saved-list li');
  assert.match(await focused(page), /^button#:Lưu/, 'Save keeps the focus');
  await page.fill('#save-name', 'Hai');
  const rename = page.locator('.saved-list li', { hasText: 'Một' }).getByRole('button', { name: 'Đổi tên' });
  await press(page, rename);
  await page.waitForSelector('.saved-list li:has-text("Hai")');
  assert.notEqual(await focused(page), 'body', 'Rename leaves the focus on a control');
  const remove = page.locator('.saved-list li', { hasText: 'Hai' }).getByRole('button', { name: 'Xoá' });
  await press(page, remove);
  await page.waitForSelector('.saved-list', { state: 'detached' });
  assert.notEqual(await focused(page), 'body', 'Delete leaves the focus on a control');

  await press(page, page.locator('button[data-arg="compare"]'));
  await page.locator('#compare-with').focus();
  await page.selectOption('#compare-with', 'low');
  await page.waitForTimeout(100);
  assert.match(await focused(page), /^select#compare-with/, 'choosing what to compare keeps the focus');

  await press(page, page.locator('button[data-arg="data"]'));
  const file = page.locator('#import-scenario');
  await file.focus();
  const scenario = readFileSync(join(ROOT, 'data/scenarios/kontum-published-2022-09-30.json'));
  await file.setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: scenario });
  await page.waitForSelector('.tool-status p');
  assert.notEqual(await focused(page), 'body', 'opening a file leaves the focus on a control');

  await press(page, page.getByRole('button', { name: 'Khôi phục mặc định' }));
  assert.match(await focused(page), /^button#:Khôi phục mặc định/, 'Reset keeps the focus');
  assert.deepEqual(problems, []);
  await context.close();
});

test('one keystroke in one card changes no other card', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.touched = new Set();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const card = node?.closest('[data-target]');
        if (card) window.touched.add(card.getAttribute('data-target'));
      }
    });
    observer.observe(document.getElementById('app'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await w.field('jobs', 'achieved').focus();
  await page.keyboard.type('5');
  await page.waitForFunction(() => document.querySelector('[data-target="jobs"]').getAttribute('data-status') !== 'no-data');
  await page.waitForTimeout(400);
  const touched = await page.evaluate(() => [...window.touched].sort());
  assert.deepEqual(touched, ['jobs']);
  assert.deepEqual(problems, []);
  await context.close();
});
