// The first screen: every target of the resolution, in both languages, at phone and desktop sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, open, ready, horizontalOverflow, screenshot, PHONE, DESKTOP, ROOT } from './harness.mjs';

const sheet = JSON.parse(readFileSync(join(ROOT, 'data/sheets/kontum-15-nq-tu-2022.json'), 'utf8'));

// What the reader must see for each target: the comparator symbol and the value with its unit,
// written here by hand from the resolution, not computed by the code under test.
const EXPECTED = {
  'grdp-growth': ['≥', '10,3%', '10.3%'],
  'budget-revenue': ['>', '1.700 tỷ đồng', '1,700 billion VND'],
  'social-investment': ['≥', '12.650 tỷ đồng', '12,650 billion VND'],
  'private-investment': ['>', '8.250 tỷ đồng', '8,250 billion VND'],
  disbursement: ['≥', '100%', '100%'],
  'new-enterprises': ['≥', '110 doanh nghiệp', '110 enterprises'],
  'planting-fruit-trees': ['≥', '2.250 ha', '2,250 ha'],
  'planting-macadamia': ['≥', '780 ha', '780 ha'],
  'planting-ginseng': ['≥', '490 ha', '490 ha'],
  'planting-medicinal': ['≥', '1.610 ha', '1,610 ha'],
  'new-rural-communes': ['≥', '8 xã', '8 communes'],
  jobs: ['≥', '2.500 lao động', '2,500 workers'],
  'health-insurance': ['≥', '92,75%', '92.75%'],
  'em-residential-land': ['≥', '97,06%', '97.06%'],
  'em-production-land': ['≥', '97,18%', '97.18%'],
  'crime-report-resolution': ['≥', '90%', '90%'],
  'case-discovery': ['≥', '80%', '80%'],
  'new-party-members': ['>', '525 đảng viên', '525 Party members'],
  'village-heads-party-members': ['>', '85%', '85%'],
};

const env = useBrowser();

async function goalsOnPage(page) {
  return page.$$eval('[data-target]', (els) =>
    els.map((el) => ({
      id: el.dataset.target,
      cmp: el.querySelector('.goal .cmp')?.textContent.trim(),
      value: el.querySelector('.goal .value')?.textContent.replace(/\u00a0/g, ' ').trim(),
      label: el.querySelector('.label')?.textContent.trim(),
    })),
  );
}

for (const [name, device] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  for (const scheme of ['light', 'dark']) {
    test(`${name} ${scheme}: all 19 targets in Vietnamese, then English via the switch`, async () => {
      const { page, context, problems } = await open(env.browser, env.server.url, device, { colorScheme: scheme });
      await page.goto(env.server.url);
      await ready(page);
      let goals = await goalsOnPage(page);
      assert.deepEqual(goals.map((g) => g.id), Object.keys(EXPECTED));
      for (const g of goals) {
        const [cmp, vi] = EXPECTED[g.id];
        assert.equal(g.cmp, cmp, g.id);
        assert.equal(g.value, vi, g.id);
        assert.equal(g.label, sheet.targets.find((t) => t.id === g.id).label.vi, g.id);
      }
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling');
      await screenshot(page, `first-screen-${name}-${scheme}-vi`);

      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      goals = await goalsOnPage(page);
      for (const g of goals) {
        assert.equal(g.value, EXPECTED[g.id][2], g.id);
        assert.equal(g.label, sheet.targets.find((t) => t.id === g.id).label.en, g.id);
      }
      assert.match(await page.textContent('h1'), /second half of 2022/);
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling in English');
      await screenshot(page, `first-screen-${name}-${scheme}-en`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('?lang=en opens in English, and the choice is remembered', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.goto(`${env.server.url}?lang=en`);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('[data-target="budget-revenue"] .goal'), /1,700\u00a0billion VND/);
  await page.goto(env.server.url);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the stored choice applies without ?lang');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * What a reader at this width cannot read or touch: a unit or a field's example cut off, and a link
 * shorter than a 44 px touch target (a standalone link is one; a link in a sentence has padding).
 */
async function cramped(page) {
  return page.evaluate(() => {
    const out = [];
    const ctx = document.createElement('canvas').getContext('2d');
    for (const unit of document.querySelectorAll('.unit')) {
      if (unit.offsetParent && unit.scrollWidth > unit.clientWidth + 1) out.push(`unit cut: ${unit.textContent}`);
    }
    for (const input of document.querySelectorAll('.field input, #save-name')) {
      if (!input.offsetParent || !input.placeholder) continue;
      const cs = getComputedStyle(input);
      ctx.font = cs.font;
      const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (ctx.measureText(input.placeholder).width > room + 1) out.push(`example cut: ${input.placeholder}`);
    }
    for (const a of document.querySelectorAll('a[href]')) {
      const box = a.getBoundingClientRect();
      if (a.offsetParent && (box.height < 44 || box.width < 24)) out.push(`small link: ${a.textContent} ${box.width}x${box.height}`);
    }
    return out;
  });
}

for (const [name, query] of [
  ['Kon Tum', ''],
  ['the national 2023 plan', 'sheet=sheets/vn-68-2022-qh15-2023.json&'],
  ['Kon Tum, compact', 'compact=1&'],
]) {
  test(`${name} at 320 and 375 px: nothing scrolls sideways, no unit or example is cut off, every link is a touch target`, async () => {
    const { page, context, problems } = await open(env.browser, env.server.url, { ...PHONE, viewport: { width: 320, height: 640 } });
    for (const [width, lang] of [[320, 'vi'], [320, 'en'], [375, 'vi']]) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(`${env.server.url}?${query}lang=${lang}`);
      await ready(page);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // With every card's assumptions open, and the Saved tool (its name box shows the default name).
      for (const b of await page.locator('button[data-act="more"]').all()) await b.click();
      if (await page.locator('button[data-arg="saved"]').count()) await page.click('button[data-arg="saved"]');
      await page.waitForFunction(() => !document.querySelector('button[data-act="more"][aria-expanded="false"]'));
      assert.equal(await horizontalOverflow(page), 0, `${width} ${lang}`);
      assert.deepEqual(await cramped(page), [], `${width} ${lang}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
