// A headless Chromium (shipped inside the npm package @sparticuz/chromium: nothing is downloaded at test time)
// driven by playwright-core, on behalf of the Java integration test BrowserIT, which owns the server and so can stop
// and restart it while a page stays open.
//
// Protocol: one JSON request per line on stdin, one JSON answer per line on stdout, matched by id.
//   {"id":1,"op":"open","page":"main","url":"http://...","width":1280,"height":900}   -> {"id":1,"ok":true}
//   {"id":2,"op":"eval","page":"main","expression":"document.title"}                   -> {"id":2,"ok":true,"value":...}
//   {"id":3,"op":"screenshot","page":"main","path":"docs/x.png"}                       -> {"id":3,"ok":true}
//   {"id":4,"op":"problems","page":"main"}    -> console errors, page errors and failed requests seen so far
//   {"id":5,"op":"close","page":"main"}       {"id":6,"op":"quit"}
// The first line written is {"ready":true,"browser":"<version>"} once the browser runs.
import { createInterface } from 'node:readline';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';

// Canvas 2D is all the page draws with: no WebGL, so the software GL library need not be unpacked.
chromium.setGraphicsMode = false;

// The package's flags, less the ones that would make this browser unlike a user's (no same-origin policy, mixed
// content allowed) and --single-process, plus the ones that keep a browser from calling home on a machine with no
// internet access. The package is made for serverless functions, where one process is all there is; here it would
// end the whole browser as soon as one of the test's pages (a browser context) is closed: every other page and
// every later request would fail with "Target page, context or browser has been closed".
const unlike = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);
const args = [
  ...chromium.args.filter((flag) => !unlike.has(flag)),
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--metrics-recording-only', '--mute-audio',
];

const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
const pages = new Map();
// A browser that goes away under the test says so in the log (browser.log beside the server logs), with the time.
let closing = false;
browser.on('disconnected', () => {
  if (!closing) process.stderr.write(`${new Date().toISOString()} the browser exited unexpectedly\n`);
});

function write(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function open({ page: name, url, width = 1280, height = 900, scale = 1 }) {
  await pages.get(name)?.context.close();
  // A fixed language and time zone: the machine's own (often POSIX "C") would make pages and pictures vary.
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale,
    locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // A failed load is reported below with its URL; the console's own line has none.
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('request', (r) => {
    const target = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(target.hostname) && !['data:', 'file:'].includes(target.protocol)) {
      problems.push(`request outside this server: ${r.url()}`);
    }
  });
  pages.set(name, { context, page, problems });
  await page.goto(url, { waitUntil: 'load' });
}

function named(name) {
  const entry = pages.get(name);
  if (!entry) throw new Error(`no page named ${name}`);
  return entry;
}

const operations = {
  open,
  eval: ({ page, expression }) => named(page).page.evaluate(expression),
  screenshot: async ({ page, path, fullPage = false, omitBackground = false }) => {
    await named(page).page.screenshot({ path, fullPage, animations: 'disabled', omitBackground });
  },
  problems: ({ page }) => named(page).problems.slice(),
  close: async ({ page }) => {
    await pages.get(page)?.context.close();
    pages.delete(page);
  },
  quit: async () => {
    closing = true;
    await browser.close();
    write({ bye: true });
    process.exit(0);
  },
};

write({ ready: true, browser: browser.version() });

// Requests are handled one after the other: the test asks one thing at a time, and order matters to it.
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  queue = queue.then(async () => {
    let request;
    try {
      request = JSON.parse(line);
      const value = await operations[request.op](request);
      write({ id: request.id, ok: true, value: value ?? null });
    } catch (error) {
      write({ id: request?.id ?? null, ok: false, error: String(error?.stack ?? error) });
    }
  });
}).on('close', async () => {
  // The test ended (or died): never leave a browser behind.
  await queue;
  closing = true;
  await browser.close();
  process.exit(0);
});
