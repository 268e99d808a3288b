// Bodies over maxBodyBytes are refused before they are copied into wasm
// memory or a string is encoded. A file of its own, so that it runs in a
// fresh process (node --test runs each file in one): there the peak resident
// set equals the current one once the inputs exist, and a 100 MB copy made
// while refusing would raise the peak by 100 MB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sk from 'scankit';
import { readBytes } from './fixtures.js';

const SIZE = 100_000_000;
const peakKiB = () => process.resourceUsage().maxRSS;

function refusedWithoutACopy(name, call, message) {
  const before = peakKiB();
  const start = performance.now();
  assert.throws(call, (e) => {
    assert.ok(e instanceof sk.CallbackParseError, `${name}: ${e}`);
    assert.equal(e.code, 'body_too_large');
    assert.equal(e.field, undefined);
    assert.equal(e.message, message);
    return true;
  });
  const ms = performance.now() - start;
  const grew = peakKiB() - before;
  console.log(`${name}: peak grew ${grew} KiB in ${ms.toFixed(1)} ms`);
  // A copy of the body would be 97,656 KiB.
  assert.ok(grew < 16 * 1024, `${name}: peak grew ${grew} KiB`);
  assert.ok(ms < 500, `${name}: ${ms} ms`);
}

test('100 MB bodies are refused by their length, uncopied', () => {
  // The module is loaded and warm before anything is measured.
  const small = readBytes('callbacks/netverify/spec-approved.form');
  assert.equal(sk.parseCallback(small).verificationStatus, 'APPROVED_VERIFIED');

  // Filled, so its pages are resident before the first measurement.
  const bytes = new Uint8Array(SIZE).fill(97);
  const measured = `body: ${SIZE} bytes is over the limit of 65536 bytes`;
  refusedWithoutACopy('parseCallback(Uint8Array)', () => sk.parseCallback(bytes), measured);
  refusedWithoutACopy('parseDocumentCallback(Uint8Array)', () => sk.parseDocumentCallback(bytes),
    measured);
  refusedWithoutACopy('parseCallback(ArrayBuffer)', () => sk.parseCallback(bytes.buffer), measured);
  refusedWithoutACopy('parseCallback(Uint8Array, { maxBodyBytes })',
    () => sk.parseCallback(bytes, { maxBodyBytes: 1000 }),
    `body: ${SIZE} bytes is over the limit of 1000 bytes`);

  // A string's UTF-8 size is not measured: the error does not claim one.
  const text = 'a'.repeat(SIZE);
  const unmeasured = 'body: over the limit of 65536 bytes';
  refusedWithoutACopy('parseCallback(string)', () => sk.parseCallback(text), unmeasured);
  refusedWithoutACopy('parseDocumentCallback(string)', () => sk.parseDocumentCallback(text),
    unmeasured);
});

test('a string under the limit in UTF-16 units but over it in bytes is encoded, then refused', () => {
  assert.throws(() => sk.parseCallback('é'.repeat(60_000)), (e) =>
    e instanceof sk.CallbackParseError && e.code === 'body_too_large' &&
    e.message === 'body: 120000 bytes is over the limit of 65536 bytes');
  const body = new TextDecoder().decode(readBytes('callbacks/netverify/spec-approved.form'));
  assert.equal(sk.parseCallback(body, { maxBodyBytes: body.length }).verificationStatus,
    'APPROVED_VERIFIED');
  assert.throws(() => sk.parseCallback(body, { maxBodyBytes: body.length - 1 }), (e) =>
    e.code === 'body_too_large' && e.message === `body: over the limit of ${body.length - 1} bytes`);
});
