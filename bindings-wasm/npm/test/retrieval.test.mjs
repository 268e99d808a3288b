// RetrievalClient (scankit/retrieval) against a local scankit-sandbox, whose
// URL mk/wasm.mk passes in SCANKIT_SANDBOX_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RetrievalClient, RetrievalError, ScanKitError, isRetrievalError, recommendedPollSchedule,
} from 'scankit/retrieval';
import * as main from 'scankit';

const base = process.env.SCANKIT_SANDBOX_URL;
const userAgent = 'Scankit NodeTest/1.0.0';
const client = () => new RetrievalClient({
  token: 'sandbox-token', secret: 'sandbox-secret', userAgent, baseUrl: base,
});

async function addScan(spec) {
  const r = await fetch(`${base}/admin/scans`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec),
  });
  assert.equal(r.status, 201, await r.text());
}

async function rejects(promise, check) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof RetrievalError && e instanceof ScanKitError && e instanceof Error, String(e));
    assert.ok(isRetrievalError(e) && main.isRetrievalError(e), 'one RetrievalError class for both entries');
    assert.equal(e.name, 'RetrievalError');
    check(e);
    return true;
  });
}

test('the sandbox URL is given', () => {
  assert.match(base ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, 'run through mk/wasm.mk (SCANKIT_SANDBOX_URL)');
});

test('the spec schedule', () => {
  assert.deepStrictEqual(recommendedPollSchedule(), [40, 60, 100, 160, 240, 340, 460, 600, 760, 940]);
});

test('waitForScan polls until DONE, then details, images and delete', async () => {
  const ref = `node-wait-${process.pid}`;
  await addScan({ reference: ref, kind: 'id_verification', readyAfterMs: 700 });
  const c = client();
  const first = await c.scanStatus(ref);
  assert.equal(first.status, 'PENDING');
  const started = Date.now();
  const done = await c.waitForScan(ref, { schedule: [0.1, 0.3, 0.6, 0.9, 1.2, 1.8, 2.4, 3.6] });
  assert.equal(done.status, 'DONE');
  assert.equal(done.scanReference, ref);
  assert.ok(Date.now() - started >= 300, 'waited on the schedule');
  const details = await c.scanDetails(ref);
  assert.equal(typeof details, 'object');
  for (const part of [c.scanDocument(ref), c.scanTransaction(ref), c.scanVerification(ref), c.scanImages(ref)]) {
    assert.equal(typeof (await part), 'object');
  }
  const image = await c.scanImage(ref, 'front');
  assert.match(image.contentType, /^image\//);
  assert.ok(image.bytes instanceof Uint8Array);
  assert.deepStrictEqual([...image.bytes.slice(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  assert.equal(await c.deleteScan(ref), 200);
  await rejects(c.scanStatus(ref), (e) => {
    assert.equal(e.code, 'not_found');
    assert.equal(e.status, 404);
    assert.equal(e.retryable, false);
  });
});

test('waitForScan gives up with still_pending', async () => {
  const ref = `node-pending-${process.pid}`;
  await addScan({ reference: ref, kind: 'id_verification', readyAfterMs: 600000 });
  await rejects(client().waitForScan(ref, { schedule: [0, 0.05, 0.1] }), (e) => {
    assert.equal(e.code, 'still_pending');
    assert.equal(e.retryable, true);
  });
});

test('errors: credentials, server errors, bad arguments', async () => {
  const bad = new RetrievalClient({ token: 'sandbox-token', secret: 'nope', userAgent, baseUrl: base });
  await rejects(bad.scanStatus('anything'), (e) => {
    assert.equal(e.code, 'unauthorized');
    assert.equal(e.status, 401);
    assert.ok(!String(e).includes('nope') && !e.stack.includes('nope'), 'no secret in the text');
  });
  const ref = `node-fail-${process.pid}`;
  await addScan({ reference: ref, kind: 'id_verification', readyAfterMs: 0, failNext: [503] });
  await rejects(client().scanStatus(ref), (e) => {
    assert.equal(e.code, 'server_error');
    assert.equal(e.status, 503);
    assert.equal(e.retryable, true);
    assert.ok(e.retryAfterMs > 0);
  });
  assert.equal((await client().scanStatus(ref)).status, 'DONE');
  assert.throws(() => new RetrievalClient({ token: 't', secret: 's', userAgent: 'no version', baseUrl: base }),
    (e) => e instanceof RetrievalError && e.code === 'invalid_request');
  assert.throws(() => new RetrievalClient({ token: 't:x', secret: 's', userAgent, baseUrl: base }),
    (e) => e instanceof RetrievalError && e.code === 'invalid_request');
  await rejects((async () => client().scanStatus('not a reference!'))(), (e) => {
    assert.equal(e.code, 'invalid_request');
  });
  assert.throws(() => client().scanImage('x', 'side'), (e) => e instanceof ScanKitError && e.field === 'classifier');
  await rejects(new RetrievalClient({
    token: 't', secret: 's', userAgent, baseUrl: 'http://127.0.0.1:9',
  }).scanStatus('ref'), (e) => assert.equal(e.code, 'transport'));
});

test('credit card data comes masked', async () => {
  const ref = `node-card-${process.pid}`;
  await addScan({ reference: ref, kind: 'credit_card', readyAfterMs: 0 });
  const data = await client().creditCard(ref);
  assert.equal(typeof data, 'object');
  assert.ok(!/\d{13,19}/.test(JSON.stringify(data)), 'no full card number');
  await rejects(client().creditCard(ref, { unmasked: true }), (e) => assert.equal(e.code, 'forbidden_unmasked'));
  const front = await client().creditCardFront(ref);
  assert.ok(front.bytes.length > 0);
});

test('document verification and authentication endpoints', async () => {
  const dv = `node-dv-${process.pid}`;
  await addScan({ reference: dv, kind: 'document', readyAfterMs: 0 });
  const c = client();
  for (const p of [c.dvStatus(dv), c.dvDetails(dv), c.dvDocument(dv), c.dvTransaction(dv), c.dvPages(dv)]) {
    assert.equal(typeof (await p), 'object');
  }
  assert.ok((await c.dvPage(dv, 1)).bytes.length > 0);
  assert.equal(await c.deleteDocument(dv), 200);
  const auth = `node-auth-${process.pid}`;
  await addScan({ reference: auth, kind: 'authentication', readyAfterMs: 0 });
  assert.equal(typeof (await c.authentication(auth)), 'object');
  assert.equal(await c.deleteAuthentication(auth), 200);
});
