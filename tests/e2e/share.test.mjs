// The scenario in the URL's fragment: typed in one page, opened from the link in another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, PHONE, DESKTOP } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();

test('a scenario typed in one page appears in a second page opened from its link', async () => {
  const first = await open(env.browser, env.server.url, DESKTOP);
  const a = new WidgetPage(first.page);
  await a.open(env.server.url);
  const historyBefore = await first.page.evaluate(() => history.length);
  await a.asOf('2022-10-31');
  await a.type('jobs', 'achieved', '1.800');
  await a.showAssumptions('jobs');
  await a.type('jobs', 'assume', '400');
  await a.type('jobs', 'volatility', '50');
  await first.page.waitForFunction(() => location.hash.includes('jobs=1800,p400,d50'));
  const url = first.page.url();
  assert.match(url, /#v1;as=2022-10-31;/);
  assert.equal(await first.page.evaluate(() => history.length), historyBefore, 'replaced, not pushed');
  const expected = {
    jobs: await a.projected('jobs'),
    revenue: await a.projected('budget-revenue'),
    status: await a.status('jobs'),
    band: await a.card('jobs').locator('.band').textContent(),
  };

  const second = await open(env.browser, env.server.url, PHONE);
  const b = new WidgetPage(second.page);
  await b.open(url);
  assert.equal(await b.projected('jobs'), expected.jobs);
  assert.equal(await b.projected('budget-revenue'), expected.revenue);
  assert.equal(await b.status('jobs'), expected.status);
  assert.equal(await b.card('jobs').locator('.band').textContent(), expected.band);
  // The published figures as the reader changed them: the reload says so, not "from the link" (item 12).
  assert.match(await second.page.locator('.scenario-name').textContent(), /Số liệu đã công bố \(30\/9\/2022\) · đã chỉnh sửa/);
  assert.equal(await second.page.inputValue('#as-of'), '2022-10-31');
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await first.context.close();
  await second.context.close();
});

test('a link that cannot be read says so and opens the default scenario', async () => {
  for (const fragment of ['#v9;as=2022-09-30', '#v1;as=2022-09-30;jobs=abc;nope=1', '#v1;as=2022-09-3', '#garbage%ZZ']) {
    const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
    const w = new WidgetPage(page);
    await w.open(`${env.server.url}${fragment}`);
    const notice = page.locator('.notice[role="alert"]');
    assert.match(await notice.textContent(), /Không đọc được kịch bản trong đường dẫn/, fragment);
    assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng', 'the default scenario');
    // Starting again clears the notice.
    await page.getByRole('button', { name: 'Khôi phục mặc định' }).click();
    await page.waitForSelector('.notice', { state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the notice names the problem in English too', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}?lang=en#v1;as=2022-09-30;disbursement=60,p5`);
  assert.match(await page.locator('.notice').textContent(), /could not be read.*disbursement · assumed pace a month \(assume.pace\): does not apply to a level target \(level\)/s);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a fragment of 1 MB is refused at once and the page stays responsive', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}#v1;as=2022-09-30;n=${'x'.repeat(1024 * 1024)}`);
  assert.match(await page.locator('.notice').textContent(), /Không đọc được/);
  await w.type('budget-revenue', 'achieved', '900');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.800'));
  // The URL now carries the reader's scenario, not the megabyte (written once typing pauses).
  await page.waitForFunction(() => location.hash.length < 500 && location.hash.includes('budget-revenue=900'));
  assert.deepEqual(problems, []);
  await context.close();
});
