// Shared end-to-end test harness: serves dist/ on 127.0.0.1 and drives Debian's Chromium with
// playwright-core. Every page records console errors, page errors, CSP violations and requests to
// other origins, so that each test can assert there were none.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SHOTS = join(ROOT, 'target', 'screenshots');

export const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

/**
 * Serves `dir` (default dist/) and returns { url, close }. With `brotli`, responses are compressed as a
 * static host or CDN would serve them (for the browser bench's network emulation). `headers` are sent
 * with every file.
 */
export async function serve(dir = join(ROOT, 'dist'), { brotli = false, headers: extra = {} } = {}) {
  // Compressed once per file: brotli at quality 11 takes longer than the transfer it saves.
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const headers = { ...extra, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) {
          compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = compressed.get(file);
        headers['content-encoding'] = 'br';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens a page in a new context with `device` options and starts recording problems.
 * Returns { page, context, problems } where problems lists console errors, page errors, CSP
 * violations and any request that left the served origin.
 */
export async function open(browser, origin, device, { colorScheme = 'light', locale = 'vi-VN' } = {}) {
  const context = await browser.newContext({ ...device, colorScheme, locale });
  const page = await context.newPage();
  const problems = [];
  const own = new URL(origin).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== own) problems.push(`foreign request: ${u}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, context, problems };
}

/** Waits until the widget has replaced the skeleton. */
export async function ready(page) {
  await page.waitForSelector('#app[aria-busy="false"] .widget');
}

/** The page's horizontal overflow in CSS pixels (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Serves dist/ and launches Chromium once for a test file: returns an object whose `server` and
 * `browser` are set before the first test and closed after the last.
 */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
