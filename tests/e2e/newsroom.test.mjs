// The widget in a newsroom's hands: embed flags and height, saved scenarios, compare, downloads, files,
// and another target sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { useBrowser, open, PHONE, DESKTOP, ROOT, screenshot } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();
const clean = (s) => (s ?? '').replace(/\u00a0/g, ' ').trim();

test('a host page embeds the widget at 375 px and the frame follows its height', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.goto(`${env.server.url}examples/host.html`);
  const frame = page.frameLocator('#widget');
  await frame.locator('[data-target="budget-revenue"] .status').waitFor();
  // Only the two cards the flags name, without the controls and tools (compact).
  assert.equal(await frame.locator('[data-target]').count(), 2);
  assert.equal(await frame.locator('.controls, .tools').count(), 0);
  const heights = () =>
    page.evaluate(() => {
      const f = document.getElementById('widget');
      return { frame: Math.round(f.getBoundingClientRect().height), content: f.contentDocument.documentElement.scrollHeight };
    });
  // The listener (by URL, under the host's strict CSP) has set the frame's height from the widget's message.
  await page.waitForFunction(() => document.getElementById('widget').style.height !== '');
  let h = await heights();
  assert.ok(Math.abs(h.frame - h.content) <= 1, `frame ${h.frame} vs content ${h.content}`);
  // Compact: each card's main figure only (issue 11, item 9): no fields, chart or table, and short.
  assert.equal(await frame.locator('[data-target] input, [data-target] .chart, [data-target] .table-toggle').count(), 0);
  const cards = await frame.locator('.targets').evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(cards < 900, `two compact cards are ${cards} px tall on a phone`);
  // A narrower screen wraps the text: the content grows and the frame with it, with no inner scrollbar.
  await page.setViewportSize({ width: 320, height: 667 });
  await page.waitForFunction((before) => Math.round(document.getElementById('widget').getBoundingClientRect().height) > before, h.frame);
  await page.waitForTimeout(300);
  h = await heights();
  assert.ok(Math.abs(h.frame - h.content) <= 1, `after expanding: frame ${h.frame} vs content ${h.content}`);
  await screenshot(page, 'embed-host-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('inside a frame the widget posts its height in the pym.js and Datawrapper formats, and nothing else', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, DESKTOP);
  await page.goto(`${env.server.url}examples/host.html`);
  await page.evaluate(() => {
    window.seen = [];
    window.addEventListener('message', (e) => window.seen.push(e.data));
  });
  await page.frameLocator('#widget').locator('[data-target] .status').first().waitFor();
  // A narrower column wraps the cards: the widget's height changes, and it says so.
  await page.setViewportSize({ width: 400, height: 800 });
  await page.waitForFunction(() => window.seen.length >= 2);
  const seen = await page.evaluate(() => window.seen);
  for (const m of seen) {
    if (typeof m === 'string') assert.match(m, /^pymxPYMx.+xPYMxheightxPYMx\d+$/);
    else assert.deepEqual(Object.keys(m), ['datawrapper-height']);
  }
  assert.ok(seen.some((m) => typeof m === 'string'));
  assert.ok(seen.some((m) => typeof m === 'object'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('embed flags choose cards, language, theme and scenario; bad values fall back with a warning', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}?target=budget-revenue,no-such&lang=en&theme=dark&scenario=high&x=1`);
  assert.equal(await page.locator('[data-target]').count(), 1);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.locator('.seg[aria-pressed="true"]').textContent(), 'High');
  assert.equal(await w.projected('budget-revenue'), '1,386 billion VND');
  assert.match(await w.scoreboard(), /of 1 target/);
  assert.ok(warnings.some((t) => t.includes('no-such')), warnings.join('\n'));
  await page.goto(`${env.server.url}?theme=sepia&compact=maybe&scenario=best&lang=vi`);
  await page.waitForSelector('[data-target="budget-revenue"] .status');
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  assert.equal(await page.locator('[data-target]').count(), 19);
  assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng');
  assert.ok(warnings.filter((t) => t.includes('ignored')).length >= 3, warnings.join('\n'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('saved scenarios survive a reload and a corrupted entry, and can be renamed and deleted', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await w.type('budget-revenue', 'achieved', '900');
  await page.click('button[data-arg="saved"]');
  await page.fill('#save-name', 'Cao hơn');
  await page.click('button[data-act="save"]');
  await page.waitForSelector('.saved-list li');
  // A damaged entry and one from a newer version appear beside it.
  await page.evaluate(() => {
    localStorage.setItem('plan-widget:scenario:broken', '{"v":1,"name":');
    localStorage.setItem('plan-widget:scenario:future', '{"v":9,"name":"x"}');
  });
  await page.goto(env.server.url);
  await page.waitForSelector('[data-target="budget-revenue"] .status');
  assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng', 'the reload opens the default');
  await page.click('button[data-arg="saved"]');
  const items = page.locator('.saved-list li');
  assert.equal(await items.count(), 3);
  assert.equal(await page.locator('.saved-list .damaged').count(), 2);
  await page.locator('.saved-list li', { hasText: 'Cao hơn' }).getByRole('button', { name: 'Mở' }).click();
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.800'));
  assert.match(await page.locator('.scenario-name').textContent(), /Cao hơn/);
  // Rename, then delete the damaged entry: the good one stays.
  await page.fill('#save-name', 'Kịch bản A');
  await page.locator('.saved-list li', { hasText: 'Cao hơn' }).getByRole('button', { name: 'Đổi tên' }).click();
  await page.locator('.saved-list .damaged').first().getByRole('button', { name: 'Xoá' }).click();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-widget:scenario:')).sort());
  assert.equal(keys.length, 2);
  assert.ok(keys.includes('plan-widget:scenario:Kịch bản A'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('blocked storage: saving says the scenario is kept for this visit only, and it opens', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await w.type('budget-revenue', 'achieved', '900');
  await page.click('button[data-arg="saved"]');
  await page.click('button[data-act="save"]');
  assert.match(await page.locator('.notice[role="alert"]').textContent(), /chỉ được giữ trong lần xem này: trình duyệt chặn bộ nhớ/);
  assert.equal(await w.projected('budget-revenue'), '1.800 tỷ đồng');
  const entry = page.locator('.saved-list li');
  assert.equal(await entry.locator('.visit-only').textContent(), ' (chỉ trong lần xem này)');
  // It opens during the visit, from the button that names it.
  await page.click('button[data-act="reset"]');
  assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng');
  const name = (await entry.locator('.saved-name').evaluate((e) => e.firstChild.textContent)).trim();
  await entry.getByRole('button', { name: `Mở "${name}"` }).click();
  assert.equal(await w.projected('budget-revenue'), '1.800 tỷ đồng');
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare: two scenarios side by side, stacked on a phone', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE, { locale: 'en-GB' });
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}?lang=en`);
  await page.click('button[data-arg="compare"]');
  await page.selectOption('#compare-with', 'high');
  const row = page.locator('[data-target="cmp-budget-revenue"]');
  const values = (await row.locator('.cmp-value').allTextContents()).map(clean);
  assert.deepEqual(values, ['1,260 billion VND', '1,386 billion VND', '+126 billion VND']);
  assert.equal(await page.locator('.compare-scores p').count(), 2);
  const box = await row.boundingBox();
  assert.ok(box.width <= 375, 'no wider than the phone');
  const sides = await row.locator('.cmp-side').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  assert.equal(new Set(sides).size, 1, 'stacked: every side starts at the same left edge');
  await screenshot(page, 'compare-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('downloads: CSV with BOM, scenario JSON, and PNGs of the summary and a target chart', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, DESKTOP);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await page.click('button[data-arg="data"]');
  const take = async (click) => {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
  };
  const csv = await take(() => page.click('button[data-arg="csv"]'));
  assert.match(csv.name, /^kontum-15-nq-tu-2022-du-bao-2022-09-30\.csv$/);
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = csv.body.toString('utf8').slice(1).trim().split('\n');
  // Every word of the export follows the widget's language (issue 11, item 11).
  assert.match(lines[0], /^mã chỉ tiêu,trạng thái,dự báo cuối kỳ,giá trị chỉ tiêu,phép so sánh,mức đạt,.*,các mốc,chỉ tiêu,đơn vị,kịch bản,ngày số liệu,giá trị chỉ tiêu: đầu cao của khoảng,cách dự báo,khoảng 80% tính từ,hạn đánh giá$/);
  assert.equal(lines.length, 20);
  const revenue = lines.find((l) => l.startsWith('budget-revenue,'));
  assert.match(revenue, /^budget-revenue,Cần tăng tốc,1260,1700,>,/);
  const disbursement = lines.find((l) => l.startsWith('disbursement,'));
  assert.match(disbursement, /30\/9\/2022 ≥ 70%: không đạt/);
  assert.doesNotMatch(disbursement, /missed|projected/);
  assert.match(disbursement, /,2023-01-31$/, 'the disbursement is judged on its own deadline');
  assert.match(revenue, /Thu ngân sách nhà nước,tỷ đồng,Số liệu đã công bố \(30\/9\/2022\),2022-09-30,,tốc độ hiện nay,,$/);

  const json = await take(() => page.click('button[data-arg="json"]'));
  const scenario = JSON.parse(json.body.toString('utf8'));
  assert.equal(scenario.sheet, 'kontum-15-nq-tu-2022');
  assert.equal(scenario.as_of, '2022-09-30');
  assert.equal(scenario.inputs['budget-revenue'].achieved, 630);

  const isPng = (b) => b.subarray(1, 4).toString() === 'PNG';
  const summary = await take(() => page.click('button[data-arg="png-summary"]'));
  assert.ok(isPng(summary.body) && summary.body.length > 5000, `summary PNG ${summary.body.length} bytes`);
  assert.equal(summary.name, 'kontum-15-nq-tu-2022-tom-tat-2022-09-30.png', 'named in the reader\'s language, as the CSV is');
  const chart = await take(() => page.locator('[data-target="budget-revenue"] button.png').click());
  assert.match(chart.name, /budget-revenue/);
  assert.ok(isPng(chart.body) && chart.body.length > 5000);
  assert.deepEqual(problems, []);
  await context.close();
});

test('importing a malformed file lists its problems and keeps the scenario; a good file opens', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await w.type('budget-revenue', 'achieved', '900');
  // The typed figure reaches the link once typing pauses; the page has settled after that.
  await page.waitForFunction(() => location.hash.includes('budget-revenue=900'));
  await page.click('button[data-arg="data"]');
  // The file buttons speak the widget's language, not the browser's ("Choose File"), and the keyboard
  // reaches the file input behind each one.
  assert.match(await page.locator('label[for="import-scenario"]').textContent(), /^Mở kịch bản \(JSON\)/);
  await page.focus('#import-scenario');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-scenario');
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 }).catch(async (e) => {
    // Say where the focus was, so that a failure here can be told from a slow machine.
    throw new Error(`${e.message}; the focus is on ${await page.evaluate(() => `${document.activeElement.tagName}#${document.activeElement.id}`)}`);
  });
  await page.keyboard.press('Space');
  assert.equal(await (await chooser).element().getAttribute('id'), 'import-scenario');
  const bad = JSON.stringify({ format: 1, sheet: 'kontum-15-nq-tu-2022', as_of: '2022-13-01', inputs: { nope: { achieved: 'x' } } });
  await page.setInputFiles('#import-scenario', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  const notice = page.locator('.notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Không có gì thay đổi/);
  assert.ok((await notice.locator('li').count()) >= 2);
  assert.equal(await w.projected('budget-revenue'), '1.800 tỷ đồng', 'the scenario is intact');
  await page.setInputFiles('#import-scenario', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('Không có gì thay đổi'));
  const good = readFileSync(join(ROOT, 'data/scenarios/kontum-published-2022-09-30.json'));
  await page.setInputFiles('#import-scenario', { name: 'published.json', mimeType: 'application/json', buffer: good });
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.260'));
  assert.equal(await page.locator('.notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('another sheet loads with ?sheet= and from a file; a bad one is listed and changes nothing', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await page.goto(`${env.server.url}?sheet=sheets/kontum-2022-year-plan.json#v1;sheet=kontum-2022-year-plan;as=2022-09-30;budget-revenue-2022=2930`);
  await page.waitForSelector('[data-target="budget-revenue-2022"] .status');
  assert.equal(await page.locator('[data-target]').count(), 4);
  // 2.930 by September, when 77,4% of a year's revenue is usually in (the sheet's profile): 3.786,6 by
  // December, short of 4.000.
  assert.equal(await w.projected('budget-revenue-2022'), '3.787 tỷ đồng');
  assert.equal(await w.status('budget-revenue-2022'), 'needs-acceleration');
  assert.match(await page.locator('h1').textContent(), /kế hoạch cả năm 2022/);
  assert.equal(await page.inputValue('#as-of'), '2022-09-30');
  // Twelve month ends, and January 2023: the disbursement is judged at the end of the budget year's
  // disbursement period.
  assert.equal(await page.locator('#as-of option').count(), 13, 'twelve month ends and the deadline');
  assert.equal(await page.locator('#as-of option').last().getAttribute('value'), '2023-01-31');
  assert.equal(await page.locator('.provenance').count(), 0, 'a shipped sheet needs no warning');

  await page.goto(`${env.server.url}?sheet=sheets/missing.json`);
  await page.waitForSelector('.notice[role="alert"]');
  assert.equal(await page.locator('[data-target]').count(), 19, 'the bundled sheet stays');
  await page.click('button[data-arg="data"]');
  const bad = JSON.stringify({ format: 1, id: 'x', targets: [{ id: '<b>', comparator: '~' }] });
  await page.setInputFiles('#import-sheet', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await page.waitForFunction(() => document.querySelectorAll('.notice li').length >= 3);
  assert.equal(await page.locator('[data-target]').count(), 19);
  // A file may not pass for a shipped sheet (issue 15, item 1): the year plan's own file is refused...
  const yearPlan = readFileSync(join(ROOT, 'data/sheets/kontum-2022-year-plan.json'), 'utf8');
  await page.setInputFiles('#import-sheet', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(yearPlan) });
  await page.waitForFunction(() => /mang mã "kontum-2022-year-plan"/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await page.locator('[data-target]').count(), 19);
  // ...and the same targets under an id of their own open, with their provenance on the page.
  const copy = yearPlan.replace('"id": "kontum-2022-year-plan"', '"id": "example-year-plan"');
  await page.setInputFiles('#import-sheet', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(copy) });
  await page.waitForSelector('[data-target="new-enterprises-2022"]');
  assert.equal(await page.locator('[data-target]').count(), 4);
  assert.match(await page.locator('.provenance').textContent(), /từ một tệp đã mở trong trình duyệt này/);
  // The sheet from the file is kept in the browser: its link, opened again, opens it with the scenario.
  await w.type('budget-revenue-2022', 'achieved', '2.930');
  await page.waitForFunction(() => location.hash.includes('budget-revenue-2022=2930'));
  const before = await w.projected('budget-revenue-2022');
  await page.goto(env.server.url + (await page.evaluate(() => location.hash)));
  await page.waitForSelector('[data-target="budget-revenue-2022"] .status');
  assert.equal(await page.locator('[data-target]').count(), 4);
  assert.equal(await page.inputValue('#budget-revenue-2022-achieved'), '2.930');
  assert.equal(await w.projected('budget-revenue-2022'), before);
  assert.equal(await page.locator('.notice[role="alert"]').count(), 0, 'no notice of a link for another sheet');
  assert.equal(await page.locator('.provenance').count(), 1, 'the kept sheet still says where it is from');
  assert.deepEqual(problems.filter((p) => !p.includes('404') && !p.includes('missing.json')), []);
  await context.close();
});

test('a shipped sheet\'s own file, opened while that sheet is open, opens as the shipped sheet; edited, it is refused and says how to open the shipped one', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await page.goto(`${env.server.url}?sheet=kontum-2022-year-plan`);
  await page.waitForSelector('[data-target="new-enterprises-2022"]');
  const yearPlan = readFileSync(join(ROOT, 'data/sheets/kontum-2022-year-plan.json'), 'utf8');
  await page.click('button[data-arg="data"]');
  await page.setInputFiles('#import-sheet', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(yearPlan) });
  await page.waitForFunction(() => /Đã mở bảng chỉ tiêu/.test(document.querySelector('.tool-status')?.textContent ?? ''));
  assert.equal(await page.locator('[data-target]').count(), 4);
  assert.equal(await page.locator('.provenance').count(), 0, 'still the shipped sheet: no provenance warning');
  await w.type('budget-revenue-2022', 'achieved', '2.930');
  await page.waitForFunction(() => location.hash.includes('budget-revenue-2022=2930'));
  // Its share link still names the shipped sheet by its id.
  await page.getByRole('button', { name: 'Chia sẻ, nhúng' }).click();
  assert.match(await page.inputValue('#share-link'), /\?sheet=kontum-2022-year-plan#v1;sheet=kontum-2022-year-plan;/);
  await page.click('button[data-arg="data"]');
  // Edited, the file keeps the shipped id but is not the shipped sheet.
  const edited = yearPlan.replace('"value": 310,', '"value": 320,');
  await page.setInputFiles('#import-sheet', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(edited) });
  await page.waitForFunction(() => /khác bảng đó.*\?sheet=kontum-2022-year-plan/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await page.inputValue('#budget-revenue-2022-achieved'), '2.930', 'nothing changed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no violations with each tool open, on a phone', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  for (const tool of ['share', 'saved', 'compare', 'data']) {
    await page.click(`button[data-arg="${tool}"]`);
    await page.waitForSelector('#tool-panel:not([hidden])');
    if (tool === 'saved') {
      await page.click('button[data-act="save"]');
      await page.waitForSelector('.saved-list li');
    }
    assert.deepEqual(await w.accessibilityViolations(), [], tool);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${tool}: no horizontal overflow`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Enter in the Saved tool\'s name box saves, as the Save button does', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await page.click('button[data-arg="saved"]');
  await page.fill('#save-name', 'Kịch bản Tết');
  await page.press('#save-name', 'Enter');
  await page.waitForSelector('.saved-list li');
  assert.match(await page.locator('.saved-list .saved-name').first().textContent(), /^Kịch bản Tết/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'save-name', 'the focus stays in the box');
  assert.deepEqual(problems, []);
  await context.close();
});
