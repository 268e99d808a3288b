// The card API against core/tests/fixtures/cards/npm-differential.json: the
// answers of the real card-validator 10.0.4 / credit-card-type 10.3.0, or
// scankit's documented differences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sk from 'scankit';
import { readJson } from './fixtures.js';

const fx = readJson('cards/npm-differential.json');

test('brand table and order', () => {
  assert.deepStrictEqual(sk.cardBrands().map((b) => b.type), fx.extended_order);
  for (const add of fx.scankit_additions) {
    const { placed, ...card } = add;
    assert.deepStrictEqual(sk.getCardBrand(add.type), card);
  }
  const visa = sk.getCardBrand('visa');
  assert.deepStrictEqual(Object.keys(visa), ['niceType', 'type', 'patterns', 'gaps', 'lengths', 'code']);
});

test(`number() over ${fx.number_cases.length} cases`, () => {
  assert.ok(fx.number_cases.length > 10000);
  let n = 0;
  for (const c of fx.number_cases) {
    const want = c.scankit ?? c.npm;
    const got = sk.number(c.input, c.options);
    const where = `${JSON.stringify(c.input)} ${JSON.stringify(c.options)}`;
    assert.equal(got.card?.type ?? null, want.card, where);
    assert.equal(got.isPotentiallyValid, want.potentially_valid, where);
    assert.equal(got.isValid, want.valid, where);
    if (Object.keys(c.options).length === 0) {
      assert.deepStrictEqual(sk.creditCardType(c.input).map((b) => b.type), want.candidates, where);
    }
    n++;
  }
  assert.equal(n, fx.number_cases.length);
});

test(`expirationDate() over ${fx.expiry_cases.length} cases`, () => {
  for (const c of fx.expiry_cases) {
    const [y, m] = c.today.split('-').map(Number);
    const options = { today: { year: y, month: m } };
    if (c.max_years_ahead !== null) options.maxYearsAhead = c.max_years_ahead;
    const got = sk.expirationDate(c.input, options);
    const want = c.npm;
    const where = `${JSON.stringify(c.input)} ${c.today} ${c.max_years_ahead}`;
    assert.equal(got.isPotentiallyValid, want.potentially_valid, where);
    assert.equal(got.isValid, want.valid, where);
    assert.equal(got.month, want.month === null ? null : Number(want.month), where);
    const year = want.year === null ? null
      : want.year.length === 2 ? Math.floor(y / 100) * 100 + Number(want.year) : Number(want.year);
    assert.equal(got.year, year, where);
  }
});

test('cvv() and cardholderName()', () => {
  for (const c of fx.cvv_cases) {
    const got = sk.cvv(c.input, c.sizes.length === 1 ? c.sizes[0] : c.sizes);
    assert.equal(got.isValid, c.npm.valid, JSON.stringify(c));
    assert.equal(got.isPotentiallyValid, c.npm.potentially_valid, JSON.stringify(c));
  }
  for (const c of fx.name_cases) {
    const got = sk.cardholderName(c.input);
    assert.equal(got.isValid, c.npm.valid, JSON.stringify(c));
    assert.equal(got.isPotentiallyValid, c.npm.potentially_valid, JSON.stringify(c));
  }
  assert.deepStrictEqual(sk.cvv('1234', 'american-express'), { isPotentiallyValid: true, isValid: true });
  assert.deepStrictEqual(sk.cvv('123', 'american-express'), { isPotentiallyValid: true, isValid: false });
});

test('non-string input is invalid, as in card-validator', () => {
  assert.deepStrictEqual(sk.number(undefined), { card: null, isPotentiallyValid: false, isValid: false });
  assert.equal(sk.number(4111111111111111).isValid, true);
  assert.deepStrictEqual(sk.expirationDate(null).isValid, false);
});

test('formatCardNumber() carries the caret', () => {
  assert.deepStrictEqual(sk.formatCardNumber('41111', 5), { value: '4111 1', caret: 6, brand: 'visa' });
  assert.deepStrictEqual(sk.formatCardNumber('378282246310005'),
    { value: '3782 822463 10005', caret: 17, brand: 'american-express' });
  const mid = sk.formatCardNumber('4111 1111', 2);
  assert.equal(mid.caret, 2);
});

test('masking and finding card numbers', () => {
  assert.equal(sk.maskPan('4111111111111111'), '411111******1111');
  assert.equal(sk.maskPan('4111 1111 1111 1111', { style: 'last4' }), '**** **** **** 1111');
  assert.equal(sk.maskPan('4111111111111111', { style: 'jumio' }), '411111xxxxxx1111');
  assert.equal(sk.maskPan('4111111111111111', { style: 'pci', maskChar: '#' }), '411111######1111');
  assert.throws(() => sk.maskPan('4111', { style: 'nope' }), (e) =>
    e instanceof sk.ScanKitError && e.field === 'style');
  // A numeric mask character would make masked output look like card data.
  for (const maskChar of ['7', '٣', '５', '²', '##']) {
    assert.throws(() => sk.maskPans('4111 1111 1111 1111', { maskChar }), (e) =>
      e instanceof sk.ScanKitError && e.field === 'maskChar', maskChar);
  }
  const text = 'café ☕ card 4111 1111 1111 1111 and 5555555555554444.';
  const spans = sk.findPans(text);
  assert.deepStrictEqual(spans.map((s) => text.slice(s.start, s.end)),
    ['4111 1111 1111 1111', '5555555555554444']);
  assert.deepStrictEqual(spans.map((s) => s.brand), ['visa', 'mastercard']);
  const masked = sk.maskPans(text);
  assert.ok(!masked.includes('4111 1111 1111 1111') && !masked.includes('5555555555554444'));
  assert.ok(masked.startsWith('café ☕ card 4111 11** **** 1111'));
  assert.equal(sk.luhnValid('4111111111111111'), true);
  assert.equal(sk.luhnValid('4111111111111112'), false);
});

test('checkPan() errors never show the number', () => {
  assert.deepStrictEqual(sk.checkPan('4111 1111 1111 1111'),
    { brand: 'visa', length: 16, last4: '1111', masked: '411111******1111' });
  const cases = [['4111111111111112', 'luhn'], ['41111111111111', 'bad_length'],
    ['4111-abcd', 'not_digits'], ['0000000000000000', 'unknown_brand']];
  for (const [value, code] of cases) {
    assert.throws(() => sk.checkPan(value), (e) => {
      assert.ok(e instanceof sk.CardNumberError && sk.isCardNumberError(e), String(e));
      assert.equal(e.name, 'CardNumberError');
      assert.equal(e.code, code);
      assert.equal(e.field, 'number');
      const digits = value.replace(/\D/g, '');
      assert.ok(!String(e).includes(digits) && !e.stack.includes(digits), String(e));
      return true;
    });
  }
});
