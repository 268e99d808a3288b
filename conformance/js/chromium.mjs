// The Chromium platform: `node conformance/js/chromium.mjs CASES OUT` runs
// cases.mjs in a page of Debian's Chromium (playwright-core, no downloaded
// browser) over the package's browser entry points, served from 127.0.0.1.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic, launchChromium } from '../../bindings-wasm/scripts/chromium.mjs';

const [casesPath, outPath] = process.argv.slice(2);
if (!casesPath || !outPath) {
  console.error('usage: node conformance/js/chromium.mjs CASES OUT');
  process.exit(2);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const server = await serveStatic(root);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/conformance/js/page.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60000 });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  const answers = await page.evaluate((text) => window.runConformance(text), readFileSync(casesPath, 'utf8'));
  writeFileSync(outPath, answers);
  const version = browser.version();
  console.log(`chromium ${version}: ${answers.split('\n').filter(Boolean).length} answers in ${outPath}`);
} finally {
  await browser.close();
  server.close();
}
