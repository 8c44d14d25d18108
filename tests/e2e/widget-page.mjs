// A page object for the widget: what a reader sees and does, by name rather than by selector.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ready, ROOT } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const clean = (s) => (s ?? '').replace(/\u00a0/g, ' ').trim();

export class WidgetPage {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    await ready(this.page);
    // Output rendered as markup appears one tick after the components mount.
    await this.page.waitForSelector('[data-target="budget-revenue"] .status');
  }

  card(id) {
    return this.page.locator(`[data-target="${id}"]`);
  }

  async status(id) {
    return this.card(id).getAttribute('data-status');
  }

  async statusWords(id) {
    return clean(await this.card(id).locator('.status').textContent());
  }

  async projected(id) {
    return clean(await this.card(id).locator('.projected').textContent());
  }

  async reading(id) {
    return clean(await this.card(id).locator('.reading').textContent());
  }

  async scoreboard() {
    return clean(await this.page.locator('.scoreboard').textContent());
  }

  field(id, name) {
    return this.page.locator(`#${id}-${name}`);
  }

  async type(id, name, text) {
    await this.field(id, name).fill(text);
  }

  async message(id, name) {
    return clean(await this.page.locator(`#${id}-${name}-msg`).textContent());
  }

  async showAssumptions(id) {
    const more = this.card(id).locator('button.more');
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  }

  async asOf(iso) {
    await this.page.selectOption('#as-of', iso);
  }

  async preset(name) {
    await this.page.locator('.seg-group button', { hasText: name }).click();
  }

  async language(name) {
    await this.page.getByRole('button', { name }).click();
  }

  /** Runs the axe-core audit in the page and returns its violations. */
  async accessibilityViolations() {
    // Evaluated through the DevTools protocol, so the page's CSP (which forbids inline script) allows it.
    await this.page.evaluate(AXE);
    return this.page.evaluate(async () => {
      // With "label in name" (WCAG 2.5.3), which axe still marks experimental and leaves off by default.
      const rules = { 'label-content-name-mismatch': { enabled: true } };
      const result = await window.axe.run(document, { resultTypes: ['violations'], rules });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
  }
}
