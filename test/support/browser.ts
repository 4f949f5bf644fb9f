import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');

/** Debian's chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(root, 'test-artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/**
 * Builds web/dist when it is missing or older than its sources (the console's code, its page and config, and
 * the protocol types it shares with the server), so that the tests never run an out-of-date console.
 */
export function ensureWebBuild(): { built: boolean; ms: number } {
  const index = path.join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(
    ...[
      'web/src',
      'web/index.html',
      'web/vite.config.ts',
      'src/rooms/rooms.events.ts',
      'package-lock.json',
    ].map((p) => newestMtime(path.join(root, p))),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return { built: false, ms: 0 };
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build:web failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { built: true, ms: Date.now() - started };
}

/** Launches Chromium, or fails loudly: these tests must never pass by not running. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH: ` +
        'the browser tests cannot run without a real browser.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
