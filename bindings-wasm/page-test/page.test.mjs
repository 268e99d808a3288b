// examples/browser driven as a user would, in Debian's Chromium through
// playwright-core: type a card number, paste a callback, retrieve from the
// sandbox (SCANKIT_SANDBOX_URL, CORS). Saves test-out/page.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serveStatic, launchChromium } from '../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = fileURLToPath(new URL('../test-out/', import.meta.url));
const sandbox = process.env.SCANKIT_SANDBOX_URL;

let server; let base; let browser; let page;

before(async () => {
  assert.match(sandbox ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, 'run through mk/wasm.mk (SCANKIT_SANDBOX_URL)');
  server = await serveStatic(ROOT);
  base = server.url;
  browser = await launchChromium();
  page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${base}/examples/browser/index.html?sandbox=${encodeURIComponent(sandbox)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  assert.deepStrictEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the card field formats as the user types and shows brand and validity', async () => {
  await page.click('#card');
  await page.keyboard.type('4111111111111111', { delay: 5 });
  assert.equal(await page.inputValue('#card'), '4111 1111 1111 1111');
  assert.equal(await page.textContent('#brand'), 'Visa');
  assert.equal(await page.textContent('#validity'), 'valid');
  // Delete a digit in the middle: the caret stays where the user is.
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  assert.equal(await page.inputValue('#card'), '4111 1111 1111 111');
  assert.equal(await page.evaluate(() => document.getElementById('card').selectionStart), 4, 'after the same four digits');
  assert.equal(await page.textContent('#validity'), 'keep typing');
});

test('a pasted callback shows its decision and redacted form', async () => {
  const body = await readFile(join(ROOT, 'core/tests/fixtures/callbacks/netverify/spec-approved.form'), 'utf8');
  await page.fill('#body', body);
  await page.click('#parse');
  assert.match(await page.textContent('#decision'), /^approved/);
  const redacted = JSON.parse(await page.textContent('#redacted'));
  assert.equal(redacted.idFirstName, 'F***');
  await page.fill('#body', 'jumioIdScanReference=x&verificationStatus=APPROVED_VERIFIED&idFirstName=%G');
  await page.click('#parse');
  assert.equal(await page.textContent('#decision'), 'CallbackParseError bad_percent_encoding in idFirstName');
  await page.fill('#body', body);
  await page.click('#parse');
});

test('retrieve polls the sandbox from the page (CORS) until DONE', async () => {
  const reference = `page-${process.pid}`;
  const r = await fetch(`${sandbox}/admin/scans`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference, kind: 'id_verification', readyAfterMs: 400 }),
  });
  assert.equal(r.status, 201);
  await page.fill('#reference', reference);
  await page.click('#retrieve');
  await page.waitForFunction(() => !['–', 'waiting…'].includes(document.getElementById('status').textContent),
    null, { timeout: 15000 });
  assert.equal(await page.textContent('#status'), 'DONE');
  await mkdir(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'page.png'), fullPage: true });
});
