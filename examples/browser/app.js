// The scankit npm package in a plain <script type="module"> page.
import {
  formatCardNumber, number, parseCallback, decision, redact, isScanKitError,
} from '../../bindings-wasm/npm/browser.js';
import { RetrievalClient } from '../../bindings-wasm/npm/retrieval-browser.js';

const $ = (id) => document.getElementById(id);

$('card').addEventListener('input', (event) => {
  const input = event.target;
  const f = formatCardNumber(input.value, input.selectionStart ?? input.value.length);
  input.value = f.value;
  input.setSelectionRange(f.caret, f.caret);
  const v = number(f.value);
  $('brand').textContent = v.card?.niceType ?? '–';
  $('validity').textContent = v.isValid ? 'valid' : v.isPotentiallyValid ? 'keep typing' : 'invalid';
  $('validity').className = v.isValid ? 'valid' : v.isPotentiallyValid ? '' : 'invalid';
});

$('parse').addEventListener('click', () => {
  try {
    const cb = parseCallback($('body').value.trim());
    const d = decision(cb);
    $('decision').textContent = `${d.outcome} (${d.reason})`;
    $('redacted').textContent = JSON.stringify(redact(cb), null, 2);
  } catch (e) {
    $('decision').textContent = isScanKitError(e) ? `${e.name} ${e.code} in ${e.field}` : String(e);
    $('redacted').textContent = '';
  }
});

$('retrieve').addEventListener('click', async () => {
  const sandbox = new URLSearchParams(location.search).get('sandbox');
  $('status').textContent = 'waiting…';
  try {
    const client = new RetrievalClient({
      token: 'sandbox-token', secret: 'sandbox-secret', userAgent: 'Scankit WebDemo/1.0.0', baseUrl: sandbox,
    });
    const status = await client.waitForScan($('reference').value, { schedule: [0, 0.25, 0.5, 1, 2, 4] });
    $('status').textContent = status.status;
  } catch (e) {
    $('status').textContent = isScanKitError(e) ? `${e.name} ${e.code}` : String(e);
  }
});

document.body.dataset.ready = 'true';
