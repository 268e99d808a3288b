// decodeRetrievalResponse (sans I/O) over every fixture of
// core/tests/fixtures/retrieval/manifest.json and the error statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeRetrievalResponse, RetrievalError, ScanKitError, isRetrievalError,
} from 'scankit/retrieval';
import { readJson, readBytes } from './fixtures.js';

const camel = (snake) => snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const MODELS = ['scanStatus', 'scanDetails', 'scanDocument', 'scanTransaction', 'scanVerification',
  'scanImages', 'authentication', 'dvStatus', 'dvDetails', 'dvDocument', 'dvTransaction', 'dvPages', 'creditCard'];

test('every retrieval fixture decodes as its model, lossless for what it read', () => {
  const { fixtures } = readJson('retrieval/manifest.json');
  assert.ok(fixtures.length >= 40);
  for (const { file, model } of fixtures) {
    const name = camel(model);
    const body = readBytes(`retrieval/${file}`);
    const decoded = decodeRetrievalResponse(name, body);
    assert.equal(typeof decoded, 'object', file);
    // The same bytes as a string decode the same.
    assert.deepEqual(decodeRetrievalResponse(name, new TextDecoder().decode(body)), decoded, file);
    // Every model has a redacted form.
    const redacted = decodeRetrievalResponse(name, body, { redact: true });
    assert.equal(typeof redacted, 'object', file);
  }
});

test('redaction withholds the personal data of scan details', () => {
  const body = readBytes('retrieval/spec-2019/id-details.json');
  const plain = JSON.stringify(decodeRetrievalResponse('scanDetails', body));
  const safe = JSON.stringify(decodeRetrievalResponse('scanDetails', body, { redact: true }));
  const original = JSON.parse(new TextDecoder().decode(body));
  const first = original.document?.firstName;
  assert.ok(first && plain.includes(first));
  assert.ok(!safe.includes(first), safe);
});

test('error statuses are classified as the client does', () => {
  const cases = [
    [401, {}, 'unauthorized', false],
    [403, {}, 'forbidden', false],
    [404, {}, 'not_found', false],
    [429, { retryAfter: '7' }, 'rate_limited', true],
    [503, {}, 'server_error', true],
    [418, {}, 'unexpected_status', false],
  ];
  for (const model of MODELS) {
    for (const [status, extra, code, retryable] of cases) {
      // Credit card data 404s while it may still come (below).
      if (model === 'creditCard' && status === 404) continue;
      assert.throws(() => decodeRetrievalResponse(model, '', { status, contentType: null, ...extra }), (e) => {
        assert.ok(e instanceof RetrievalError && isRetrievalError(e), `${model} ${status}`);
        assert.equal(e.code, code, `${model} ${status}`);
        assert.equal(e.retryable, retryable, `${model} ${status}`);
        return true;
      });
    }
  }
  // Credit card data may take 5 minutes: a 404 before then is not_ready.
  assert.throws(() => decodeRetrievalResponse('creditCard', '', { status: 404, sinceScanMs: 10_000 }),
    (e) => e.code === 'not_ready' && e.retryable === true);
  assert.throws(() => decodeRetrievalResponse('creditCard', '', { status: 404, sinceScanMs: 400_000 }),
    (e) => e.code === 'not_found');
  assert.throws(() => decodeRetrievalResponse('dvPages', '{"scanReference":'),
    (e) => e instanceof RetrievalError && e.code === 'invalid_body');
});

test('bad arguments: ScanKitError invalid_argument naming the argument', () => {
  for (const [model, options, field] of [['scanImage', {}, 'model'], ['nope', {}, 'model']]) {
    assert.throws(() => decodeRetrievalResponse(model, '{}', options), (e) => {
      assert.ok(e instanceof ScanKitError && !(e instanceof RetrievalError));
      assert.equal(e.code, 'invalid_argument');
      assert.equal(e.field, field);
      return true;
    });
  }
  assert.throws(() => decodeRetrievalResponse('scanDetails', 42), (e) => e.code === 'invalid_argument' && e.field === 'body');
});
