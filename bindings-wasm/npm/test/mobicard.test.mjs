// MobiCard helpers of scankit/retrieval over core/tests/fixtures/mobicard/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMobicardResponse, mobicardRequestBody, checkCardImage, ScanKitError } from 'scankit/retrieval';
import { readBytes } from './fixtures.js';

test('the spec success response, raw and redacted', () => {
  const body = readBytes('mobicard/spec-success.json');
  const r = parseMobicardResponse(body);
  assert.equal(r.isSuccess, true);
  assert.equal(r.action, 'process');
  assert.equal(r.response.status, 'SUCCESS');
  assert.equal(r.response.card_information.card_number, '5173350006475601');
  assert.equal(r.crossCheck.luhn, true);
  assert.equal(r.crossCheck.brand, 'mastercard');
  assert.ok(Array.isArray(r.crossCheck.disagreements));
  const safe = parseMobicardResponse(body, { redact: true, today: new Date(2019, 0, 1) });
  assert.equal(safe.crossCheck.luhn, true, 'checked on the unredacted number');
  assert.equal(safe.response.card_information.card_number, '5173********5601');
  assert.ok(!JSON.stringify(safe).includes('5173350006475601'));
});

test('the spec error response and the provider variant', () => {
  const e = parseMobicardResponse(readBytes('mobicard/spec-error.json'));
  assert.equal(e.isSuccess, false);
  assert.equal(e.action, 'fix_request');
  assert.equal(e.crossCheck, null);
  const v = parseMobicardResponse(new TextDecoder().decode(readBytes('mobicard/provider-variant.json')));
  assert.equal(typeof v.isSuccess, 'boolean');
  // Sent as a number beyond 2^53: kept exact, as a BigInt (JSON.parse would round it).
  assert.equal(v.response.card_scan_request_id, 18678121768809363n);
  assert.equal(v.response.status_code, 200, 'safe integers stay numbers');
});

test('strings that look like the exact-integer marker keep their text', () => {
  const body = JSON.stringify({ status: 'FAILED', status_code: '400', status_message: '\u0000n:1', x: '\u0000s:y' });
  const r = parseMobicardResponse(body);
  assert.equal(r.response.status_message, '\u0000n:1');
  assert.equal(r.response.x, '\u0000s:y');
});

test('a bad response body: ScanKitError without the body in its text', () => {
  assert.throws(() => parseMobicardResponse('{"card_information": {"card_number": 5173350006475601'), (e) => {
    assert.ok(e instanceof ScanKitError);
    assert.equal(e.code, 'invalid_response');
    assert.ok(!String(e).includes('5173350006475601'));
    return true;
  });
});

test('request body: signed, secret key not sent', () => {
  const body = mobicardRequestBody({
    mode: 'TEST', merchantId: 'm-1', apiKey: 'api-key-1', secretKey: 'very-secret-key',
    tokenId: 'tok-1', txnReference: 'txn-1', image: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
  });
  assert.ok(!body.includes('very-secret-key'));
  assert.equal(typeof JSON.parse(body), 'object');
  assert.throws(() => mobicardRequestBody({ mode: 'TEST' }), (e) =>
    e instanceof ScanKitError && e.code === 'invalid_request');
});

function png(width, height) {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(b.buffer);
  v.setUint32(16, width);
  v.setUint32(20, height);
  return b;
}

test('checkCardImage: format, resolution, limits', () => {
  const ok = checkCardImage(png(1024, 768));
  assert.equal(ok.ok, true, JSON.stringify(ok));
  assert.equal(ok.format, 'png');
  assert.equal(ok.width, 1024);
  assert.equal(ok.height, 768);
  const small = checkCardImage(png(100, 80));
  assert.equal(small.ok, false);
  assert.equal(small.errors[0].problem, 'too_small');
  assert.equal(checkCardImage(new Uint8Array([1, 2, 3])).errors[0].problem, 'unsupported_format');
  assert.equal(checkCardImage(new Uint8Array(0)).errors[0].problem, 'empty');
  assert.equal(checkCardImage(png(100, 80), { minLongSide: 50, minShortSide: 50 }).ok, true);
  assert.equal(checkCardImage(png(1024, 768), { maxBytes: 10 }).errors[0].problem, 'too_large');
});
