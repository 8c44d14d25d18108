// The interactive widget as a reader uses it, at phone and desktop sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, horizontalOverflow, screenshot, PHONE, DESKTOP } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();

async function widget(device, options) {
  const { page, context, problems } = await open(env.browser, env.server.url, device, options);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  return { w, page, context, problems };
}

for (const [name, device] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  test(`${name}: the published figures give the expected statuses`, async () => {
    const { w, context, problems } = await widget(device);
    // Worked by hand in docs/methodology.md: revenue 630 of "more than 1,700", investment 6,485 of
    // "at least 12,650", GRDP 9.0% of 10.3%, disbursement 37% -> 60% of 100%, all as of 30 September.
    assert.equal(await w.status('budget-revenue'), 'needs-acceleration');
    assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng');
    assert.equal(await w.status('social-investment'), 'on-track');
    assert.equal(await w.projected('social-investment'), '12.970 tỷ đồng');
    assert.equal(await w.status('grdp-growth'), 'needs-acceleration');
    assert.equal(await w.projected('grdp-growth'), '9,00%');
    assert.equal(await w.status('disbursement'), 'needs-acceleration');
    // Judged at the end of the budget year's disbursement (31 January 2023): four months left, not three.
    assert.equal(await w.projected('disbursement'), '90,7%');
    // Nineteen cards are laid out whole (only a sheet of many targets skips the cards off screen).
    assert.equal(await w.card('jobs').evaluate((el) => getComputedStyle(el).contentVisibility), 'visible');
    assert.match(await w.card('disbursement').locator('.deadline').textContent(), /31\/1\/2023.*31\/12\/2022/);
    assert.equal(await w.status('jobs'), 'no-data', 'no published figure: nothing invented');
    assert.equal(await w.scoreboard(), '1/4 chỉ tiêu có số liệu dự kiến đạt; 15 chỉ tiêu chưa có số liệu');
    assert.match(await w.card('budget-revenue').locator('.note').textContent(), /Ước tính/);
    assert.equal(await horizontalOverflow(w.page), 0);
    // Every control is a touch target of at least 44 by 44 CSS pixels.
    const small = await w.page.$$eval('button, select, input', (els) => els
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
      .map(({ el, box }) => `${el.tagName}#${el.id}.${el.className} ${box.width}x${box.height}`));
    assert.deepEqual(small, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('changing the as-of month and a pace changes the projection as the engine says', async () => {
  const { w, context, problems } = await widget(PHONE);
  await w.asOf('2022-10-31');
  // 630 over four months is 157.5 a month; two months left: 630 + 315 = 945.
  await assert.doesNotReject(w.page.waitForFunction(() =>
    document.querySelector('[data-target="budget-revenue"] .projected')?.textContent.includes('945')));
  assert.equal(await w.projected('budget-revenue'), '945 tỷ đồng');
  // 6,485 over four months, 1,621.25 a month: 9,727.5 by December, shown as 9.728.
  assert.equal(await w.projected('social-investment'), '9.728 tỷ đồng');
  assert.equal(await w.status('social-investment'), 'needs-acceleration');

  // An assumed pace of 400 a month for the two months left: 630 + 800 = 1,430.
  await w.showAssumptions('budget-revenue');
  await w.type('budget-revenue', 'assume', '400');
  await w.page.waitForFunction(() =>
    document.querySelector('[data-target="budget-revenue"] .projected')?.textContent.includes('1.430'));
  assert.match(await w.reading('budget-revenue'), /với tốc độ giả định 400,0 tỷ đồng mỗi tháng/);

  // A volatility gives a band and a probability.
  await w.type('budget-revenue', 'volatility', '100');
  await w.page.waitForSelector('[data-target="budget-revenue"] .probability');
  assert.match(await w.card('budget-revenue').locator('.band').textContent(), /–/);

  // A typing slip keeps the last good value and says why, in Vietnamese.
  await w.type('budget-revenue', 'achieved', '1.70');
  assert.match(await w.message('budget-revenue', 'achieved'), /hàng nghìn/);
  assert.equal(await w.projected('budget-revenue'), '1.430 tỷ đồng');
  assert.equal(await w.field('budget-revenue', 'achieved').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('presets apply to the scenario and reset returns to the default', async () => {
  const { w, context, problems } = await widget(DESKTOP);
  await w.preset('Tốc độ cần thiết');
  await w.page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"]').dataset.status === 'on-track');
  for (const id of ['budget-revenue', 'social-investment', 'disbursement']) {
    assert.match(await w.status(id), /on-track|achieved/, id);
  }
  // More than 1,700: the required preset reaches one unit beyond it.
  assert.equal(await w.projected('budget-revenue'), '1.701 tỷ đồng');
  await w.preset('Cao');
  await w.page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.386'));
  await w.page.getByRole('button', { name: 'Khôi phục mặc định' }).click();
  await w.page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.260'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the language switch changes every string and number', async () => {
  const { w, context, problems } = await widget(PHONE);
  assert.equal(await w.page.title(), 'Chỉ tiêu chủ yếu 6 tháng cuối năm 2022 của tỉnh Kon Tum · Nghị quyết số 15-NQ/TU');
  await w.language('English');
  await w.page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await w.page.title(), 'Kon Tum province: main targets for the second half of 2022 · Resolution No. 15-NQ/TU');
  assert.equal(await w.projected('budget-revenue'), '1,260 billion VND');
  assert.equal(await w.statusWords('budget-revenue'), '▲Needs acceleration');
  assert.equal(await w.scoreboard(), '1 of 4 targets with data projected to be met; 15 without data');
  assert.match(await w.reading('budget-revenue'), /^State budget revenue would reach 1,260 billion VND by 31 Dec 2022 at the pace so far/);
  assert.match(await w.card('budget-revenue').locator('.note').textContent(), /^Estimate/);
  // Inputs re-read in English: "1,000" is one thousand.
  await w.type('budget-revenue', 'achieved', '1,000');
  await w.page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('2,000'));
  assert.equal(await w.status('budget-revenue'), 'on-track');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard alone operates the main flow, with a visible focus', async () => {
  const { w, page, context, problems } = await widget(DESKTOP);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { id: el.id, tag: el.tagName, text: el.textContent.trim(), outline: style.outlineStyle };
  });
  // The first stop is the language switch.
  await page.keyboard.press('Tab');
  let f = await focused();
  assert.equal(f.text, 'Tiếng Việt');
  assert.notEqual(f.outline, 'none', 'focus is visible');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // On to the as-of date, changed with the arrow keys.
  for (let i = 0; i < 10 && (await focused()).id !== 'as-of'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused()).id, 'as-of');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('945'));
  // On to the first card's input, typed into.
  for (let i = 0; i < 20 && (await focused()).id !== 'grdp-growth-achieved'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused()).id, 'grdp-growth-achieved');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10.5');
  await page.waitForFunction(() => document.querySelector('[data-target="grdp-growth"]').dataset.status === 'on-track');
  // The "more" toggle opens with the keyboard and reveals the assumption field.
  await page.keyboard.press('Tab');
  assert.equal((await focused()).text, 'More assumptions');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).id, 'grdp-growth-assume');
  assert.deepEqual(problems, []);
  await context.close();
});

test('charts keep their place: nothing moves when they are drawn', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  const before = await page.evaluate(() => window.__shifts);
  await page.waitForSelector('[data-target="budget-revenue"] .plot svg');
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => window.__shifts);
  // The skeleton's swap for the widget may shift once; drawing the charts must add nothing.
  assert.equal(after - before, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the print stylesheet prints the summary and cards without the controls', async () => {
  const { w, context, problems } = await widget(DESKTOP);
  await w.page.emulateMedia({ media: 'print' });
  assert.equal(await w.page.locator('.controls').isVisible(), false);
  assert.equal(await w.page.locator('.summary').isVisible(), true);
  assert.equal(await w.card('budget-revenue').locator('.reading').isVisible(), true);
  await screenshot(w.page, 'widget-print');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no accessibility violations (${scheme})`, async () => {
    const { w, context, problems } = await widget(PHONE, { colorScheme: scheme });
    await w.showAssumptions('budget-revenue');
    await w.card('budget-revenue').locator('.table-toggle').click();
    const violations = await w.accessibilityViolations();
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [name, device] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  for (const scheme of ['light', 'dark']) {
    for (const lang of ['vi', 'en']) {
      test(`screenshot ${name} ${scheme} ${lang}`, async () => {
        const { page, context, problems } = await open(env.browser, env.server.url, device, { colorScheme: scheme });
        const w = new WidgetPage(page);
        await w.open(`${env.server.url}?lang=${lang}`);
        await w.showAssumptions('budget-revenue');
        assert.equal(await horizontalOverflow(page), 0);
        await screenshot(page, `widget-${name}-${scheme}-${lang}`);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
}

/** The accessible names shared by more than one control, from the browser's accessibility tree. */
async function repeatedNames(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const count = new Map();
  for (const n of nodes) {
    const role = n.role?.value;
    if (n.ignored || !['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'region'].includes(role)) continue;
    const key = `${role}: ${n.name?.value ?? ''}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...count].filter(([, c]) => c > 1).map(([k, c]) => `${k} (${c})`);
}

test('no two controls share a name: a screen reader listing them can tell every field and toggle apart', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  for (const [query, lang] of [['', 'vi'], ['', 'en'], ['sheet=vn-68-2022-qh15-2023&', 'en']]) {
    await page.goto(`${env.server.url}?${query}lang=${lang}`);
    await page.waitForSelector('#app[aria-busy="false"] .widget');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    // With every card's assumptions and data table open, and the summary's.
    for (const b of await page.locator('button[data-act="more"], button[data-act="table"]').all()) await b.click();
    await page.waitForFunction(() => !document.querySelector('button[data-act="more"][aria-expanded="false"], button[data-act="table"][aria-expanded="false"]'));
    assert.deepEqual(await repeatedNames(page), [], `${query}${lang}`);
    // The Share tool has two Copy buttons.
    await page.click('button[data-arg="share"]');
    await page.waitForSelector('#share-link');
    assert.deepEqual(await repeatedNames(page), [], `${query}${lang}, sharing`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('retyping a card\'s figure by backspacing keeps its other figures', async () => {
  const { w, context, problems } = await widget(PHONE);
  const { page } = w;
  const start = await page.inputValue('#disbursement-start');
  assert.notEqual(start, '', 'the published figures give the disbursement a start');
  await page.focus('#disbursement-achieved');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('70');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => location.hash.includes('disbursement=70'));
  assert.equal(await page.inputValue('#disbursement-start'), start);
  assert.deepEqual(problems, []);
  await context.close();
});
