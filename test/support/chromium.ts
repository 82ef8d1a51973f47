// Headless Chromium for the HTML tests: Debian's `chromium`, driven by playwright-core.
// Without it the browser tests are skipped, except with CI=true, where they fail: CI
// installs chromium, and a silent skip there would hide every plot.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './paths.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | null {
  return CANDIDATES.find((file) => existsSync(file)) ?? null;
}

export function chromiumSkip(): false | string {
  if (chromiumPath() !== null) return false;
  assert.ok(process.env.CI !== 'true', 'CI=true but chromium is missing: .ci/run installs it');
  return 'chromium is not installed (apt-get install chromium)';
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox'] });
}

interface PageCanvas {
  width: number;
  height: number;
  getContext: (kind: '2d') => {
    getImageData: (x: number, y: number, w: number, h: number) => { data: ArrayLike<number> };
  };
  closest: (selector: string) => { id: string } | null;
}
interface PageDocument {
  document: {
    querySelectorAll: (selector: string) => Iterable<PageCanvas & { textContent: string | null }>;
  };
}

export interface PageCheck {
  errors: string[];
  // Per canvas: its pixel count and how many are not background (white or transparent).
  canvases: { id: string; pixels: number; drawn: number }[];
  drawMs: number;
  // Requests other than the page itself (refused): an offline page makes none.
  requests: string[];
  // Each plot's legend as shown with no cursor on the plot (its last values).
  legends: { id: string; text: string }[];
}

// Opens a file, waits until its script says the plots are drawn, collects console errors
// and page errors, counts drawn pixels in every canvas, and saves a full-page screenshot
// to test-artifacts/<name>.png.
export async function openAndCheck(
  browser: Browser,
  file: string,
  name: string,
): Promise<PageCheck> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  const requests: string[] = [];
  const pageUrl = `file://${file}`;
  await page.route('**/*', (route) => {
    if (route.request().url() === pageUrl) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const started = Date.now();
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-drawn="true"]', { timeout: 15_000 });
  const drawMs = Date.now() - started;
  // Runs in the page; typed loosely because the test build has no DOM library.
  const canvases = await page.evaluate(() =>
    [...(globalThis as unknown as PageDocument).document.querySelectorAll('canvas')].map(
      (canvas) => {
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let drawn = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          const white = pixels[i]! > 250 && pixels[i + 1]! > 250 && pixels[i + 2]! > 250;
          if (pixels[i + 3]! > 0 && !white) drawn++;
        }
        return { id: canvas.closest('.plot')?.id ?? '', pixels: pixels.length / 4, drawn };
      },
    ),
  );
  const legends = await page.evaluate(() =>
    [...(globalThis as unknown as PageDocument).document.querySelectorAll('.u-legend')].map(
      (legend) => ({ id: legend.closest('.plot')?.id ?? '', text: legend.textContent ?? '' }),
    ),
  );
  const artifacts = path.join(repoRoot, 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  await page.close();
  return { errors, canvases, drawMs, requests, legends };
}
