import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export { ensureWebBuild } from '../../support/web-build.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** CHROMIUM_PATH when set; else a Chromium on the PATH (Debian's, which `.ci/run` installs); else the npm one. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH;
export const ARTIFACTS = path.join(root, 'test-artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');

const SYSTEM_CHROMIUMS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The first system Chromium on the PATH, if any. */
export function systemChromium(pathEnv = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathEnv.split(path.delimiter).filter(Boolean)) {
    for (const name of SYSTEM_CHROMIUMS) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/**
 * Which Chromium the browser tests drive: CHROMIUM_PATH, else the system one, else the Chromium shipped in the
 * @sparticuz/chromium devDependency (unpacked to /tmp on first use), so that `npm install && npm test` needs
 * nothing installed by hand.
 */
export async function chromiumExecutable(): Promise<{ path: string; source: 'env' | 'system' | 'npm' }> {
  if (CHROMIUM_PATH) {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `Chromium not found at CHROMIUM_PATH=${CHROMIUM_PATH}: the browser tests cannot run without a real browser.`,
      );
    }
    return { path: CHROMIUM_PATH, source: 'env' };
  }
  const system = systemChromium();
  if (system) return { path: system, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: 'npm' };
}

/** Launches Chromium, or fails loudly: these tests must never pass by not running. */
export async function launchChromium(): Promise<Browser> {
  const executable = await chromiumExecutable();
  return chromium.launch({
    executablePath: executable.path,
    // Root in containers: no user namespaces for the sandbox. /dev/shm is small there.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of the page (a test asserts there are none). */
  errors: string[];
}

/** A fresh browser profile (its own storage: one user), in Vietnamese and Vietnam time like the users. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TrackedPage> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1360, height: 900 },
    ...options,
  });
  // Shorter than the tests' own timeouts, so that a failed wait says what it waited for.
  context.setDefaultTimeout(8000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The browser reports refused requests the page handles (a wrong password) and, while the network is
    // down, websocket attempts that fail: those are expected, anything else is an error of the console.
    const expected = /Failed to load resource|WebSocket connection to .* failed/;
    if (m.type() === 'error' && !expected.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function writeMetrics(name: string, metrics: Record<string, unknown>): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${name}.json`), JSON.stringify(metrics, null, 2) + '\n');
}

/** Logs in through the login screen, with the keyboard (Enter submits). */
export async function logIn(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
  path = '/',
) {
  await page.goto(baseUrl + path);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Mật khẩu').fill(user.password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/**
 * What an automated look finds on the page as shown: form controls and links without an accessible name, and
 * text whose contrast with its background is below WCAG AA (4.5:1, 3:1 for large text).
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : ''
      }`;
    const shown = (el: HTMLElement) =>
      el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    for (const el of document.querySelectorAll<HTMLElement>(
      'input, select, textarea, button, [role="textbox"], a[href]',
    )) {
      if (!shown(el) && !(el instanceof HTMLInputElement && el.type === 'radio')) continue;
      const labels = (el as HTMLInputElement).labels;
      const named =
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        (labels && labels.length > 0) ||
        ((el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent?.trim()) ||
        el.getAttribute('title');
      if (!named) problems.push(`no accessible name: ${name(el)}`);
    }
    const rgba = (c: string): number[] | null => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const v = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [v[0], v[1], v[2], v[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    const opacity = (el: Element | null) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      // Zero-width characters (carets drawn into the editor) are no text to read.
      const text = walker.currentNode.textContent?.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
      const el = walker.currentNode.parentElement;
      if (!text || !el || seen.has(el)) continue;
      seen.add(el);
      if (el.closest('svg, [aria-hidden="true"], :disabled, .visually-hidden') || !shown(el)) continue;
      const style = getComputedStyle(el);
      const alpha = opacity(el);
      if (alpha < 0.1) continue; // drawn invisible (a caret's name before hovering)
      const bg = background(el);
      const fg = rgba(style.color)!.map((v, i) => (i < 3 ? v * alpha + bg[i] * (1 - alpha) : v));
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
      if (ratio < (large ? 3 : 4.5))
        problems.push(`contrast ${ratio.toFixed(2)}: "${text.slice(0, 40)}" (${name(el)})`);
    }
    return problems;
  });
}
