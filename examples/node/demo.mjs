// A callback handler's work and a checkout form's, with the scankit npm
// package (run `make demo-wasm`, which builds it first).
import { readFileSync } from 'node:fs';
import {
  parseCallback, decision, redact, CallbackAllowlist, isCallbackParseError,
  number, expirationDate, cvv, formatCardNumber, maskPans,
} from '../../bindings-wasm/npm/node.js';

const fixtures = new URL('../../core/tests/fixtures/callbacks/netverify/', import.meta.url);
const body = readFileSync(new URL('spec-approved.form', fixtures));

const allowlist = new CallbackAllowlist();
console.log('== Is 127.0.0.1 an allowed callback source?', allowlist.isAllowed('127.0.0.1'));

const callback = parseCallback(body);
console.log('== The spec\'s approved callback: decision');
console.log(decision(callback));
console.log('== ... and what is safe to log');
console.log(JSON.stringify(redact(callback), null, 2));

try {
  parseCallback(readFileSync(new URL('bad-percent-encoding.form', fixtures)));
} catch (e) {
  if (isCallbackParseError(e)) console.log(`== A malformed body: ${e.name} ${e.code} in ${e.field}: ${e.message}`);
}

console.log('== A card field as the user types');
let typed = '';
for (const key of '4111111111111111') {
  typed += key;
  const f = formatCardNumber(typed, typed.length);
  typed = f.value;
  const v = number(typed);
  if ([1, 4, 6, 12, 19].includes(typed.length)) {
    console.log(`${f.value.padEnd(19)} brand=${v.card?.niceType ?? '?'} potentiallyValid=${v.isPotentiallyValid} valid=${v.isValid}`);
  }
}
console.log('expiry 12/30:', expirationDate('12/30'), 'cvv 123:', cvv('123', 'visa'));
console.log('== A log line with a card number in it, masked:');
console.log(maskPans('payment failed for card 4111 1111 1111 1111, retrying'));
