// Every fixture of core/tests/fixtures/callbacks/manifest.json, through the
// npm package: golden JSON, redacted golden, decision, masked fields, or the
// error code and field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as sk from 'scankit';
import { FIXTURES, readJson, readBytes } from './fixtures.js';

const manifest = readJson('callbacks/manifest.json');
const fixtures = manifest.fixtures;

test('the manifest lists every .form file', () => {
  assert.ok(fixtures.length >= 25);
  const listed = new Set(fixtures.map((f) => `${f.name}.form`));
  for (const kind of ['netverify', 'document']) {
    for (const file of readdirSync(`${FIXTURES}callbacks/${kind}`)) {
      if (file.endsWith('.form')) assert.ok(listed.has(`${kind}/${file}`), `${kind}/${file}`);
    }
  }
});

for (const fx of fixtures) {
  test(`callback fixture ${fx.name}`, () => {
    const bytes = readBytes(`callbacks/${fx.name}.form`);
    const parse = fx.kind === 'netverify' ? sk.parseCallback : sk.parseDocumentCallback;
    const { expect } = fx;
    if (expect.error) {
      for (const input of [bytes, new TextDecoder('utf-8', { fatal: false }).decode(bytes)]) {
        // A string input is re-encoded as UTF-8: only bodies that are UTF-8 keep their meaning.
        if (typeof input === 'string' && expect.error.code === 'invalid_utf8') continue;
        assert.throws(() => parse(input), (e) => {
          assert.ok(e instanceof sk.CallbackParseError, `${fx.name}: ${e}`);
          assert.ok(e instanceof sk.ScanKitError);
          assert.ok(e instanceof Error);
          assert.ok(sk.isCallbackParseError(e) && sk.isScanKitError(e));
          assert.equal(e.name, 'CallbackParseError');
          assert.equal(e.code, expect.error.code);
          assert.equal(e.field ?? null, expect.error.field ?? null);
          assert.equal(typeof e.message, 'string');
          assert.ok(e.stack.length > 0);
          return true;
        });
      }
      return;
    }
    const cb = parse(bytes);
    assert.deepStrictEqual(cb, readJson(`callbacks/${expect.json}`), 'golden JSON');
    const fromString = parse(new TextDecoder().decode(bytes));
    assert.deepStrictEqual(fromString, cb, 'string input gives the same');
    const golden = readJson(`callbacks/${expect.redacted}`);
    assert.deepStrictEqual(sk.redact(cb), golden, 'redact()');
    assert.deepStrictEqual(parse(bytes, { redact: true }), golden, 'parse with redact');
    if (expect.decision) {
      const d = sk.decision(cb);
      assert.equal(d.outcome, expect.decision);
      assert.equal(typeof d.reason, 'string');
    }
    if (expect.masked_by_provider) {
      assert.deepStrictEqual(sk.maskedByProvider(cb), expect.masked_by_provider);
    }
    if (expect.address_format) {
      // The format is a property of the address; the decision rests on the same model.
      assert.ok(cb.idAddress, 'has an address');
    }
    assert.deepStrictEqual(parse(sk.toForm(cb)), cb, 'toForm round trip');
  });
}

test('options: body size limit and max lengths', () => {
  const body = readBytes('callbacks/netverify/spec-approved.form');
  assert.throws(() => sk.parseCallback(body, { maxBodyBytes: 10 }), (e) =>
    e instanceof sk.CallbackParseError && e.code === 'body_too_large' && e.field === undefined);
});

test('bad arguments are ScanKitErrors, not strings', () => {
  for (const bad of [undefined, null, 42, {}]) {
    assert.throws(() => sk.parseCallback(bad), (e) =>
      e instanceof sk.ScanKitError && e.code === 'invalid_argument' && e.field === 'body');
  }
  assert.throws(() => sk.decision({ nope: 1 }), (e) =>
    e instanceof sk.ScanKitError && e.code === 'invalid_argument' && e.field === 'callback');
  assert.throws(() => sk.decision(null), (e) => e instanceof sk.ScanKitError);
});

test('error text never quotes the value', () => {
  const secret = 'SECRETNAME4111111111111111';
  const body = `jumioIdScanReference=abc&verificationStatus=APPROVED_VERIFIED&idScanStatus=SUCCESS&idFirstName=${secret}%G`;
  assert.throws(() => sk.parseCallback(body), (e) => {
    assert.equal(e.code, 'bad_percent_encoding');
    assert.ok(!String(e).includes('SECRET') && !e.stack.includes('4111111111111111'));
    return true;
  });
});

test('callback allowlist', () => {
  const list = new sk.CallbackAllowlist();
  assert.ok(list.entries().length > 0);
  assert.equal(list.isAllowed('127.0.0.1'), false);
  assert.equal(list.isAllowed('not an ip'), false);
  const local = new sk.CallbackAllowlist(['10.0.0.0/8'], { loopback: true });
  assert.ok(local.isAllowed('10.1.2.3') && local.isAllowed('127.0.0.1'));
  assert.throws(() => new sk.CallbackAllowlist(['nope']), (e) =>
    e instanceof sk.ScanKitError && e.field === 'entries');
});
