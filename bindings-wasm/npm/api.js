// The public API of the `scankit` package over the wasm layer: naming and
// conversion only (every rule is in the Rust core). Imported by the entry
// points (node.js, browser.js) once the module is initialised.
import * as raw from './wasm/scankit_wasm.js';
import { fromWasm, ScanKitError } from './errors.js';

export {
  ScanKitError,
  CallbackParseError,
  CardNumberError,
  RetrievalError,
  isScanKitError,
  isCallbackParseError,
  isCardNumberError,
  isRetrievalError,
} from './errors.js';

function wrap(f) {
  try {
    return f();
  } catch (e) {
    throw fromWasm(e);
  }
}

function body(value, name) {
  if (typeof value === 'string' || value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new ScanKitError(`${name}: expected a string or a Uint8Array`, {
    code: 'invalid_argument',
    field: name,
  });
}

// Strings are encoded here, into a buffer kept for the next call: the glue's
// own string passing copies one UTF-16 unit at a time in JS, which cost a
// sixth of parsing a callback.
const encoder = new TextEncoder();
const scratch = new Uint8Array(16384);

function utf8(text) {
  if (text.length <= scratch.length) {
    const { read, written } = encoder.encodeInto(text, scratch);
    if (read === text.length) return scratch.subarray(0, written);
  }
  return encoder.encode(text);
}

function parseWith(parse, input, options = {}) {
  const b = body(input, 'body');
  // Refused by its length before a string is encoded or the bytes are
  // copied into wasm memory: a 100 MB body costs a comparison, not a copy.
  wrap(() => raw.checkBodyLength(b.length, typeof b !== 'string', options.maxBodyBytes));
  const bytes = typeof b === 'string' ? utf8(b) : b;
  let json;
  try {
    json = parse(bytes, options.maxBodyBytes, options.enforceMaxLengths, options.redact === true);
  } catch (e) {
    throw fromWasm(e);
  }
  return JSON.parse(json);
}

// ---- Callbacks -------------------------------------------------------------

/** Parses a Netverify / ID Verification callback body (form-urlencoded). */
export function parseCallback(input, options) {
  return parseWith(raw.parseNetverifyCallback, input, options);
}

/** Parses a Document Verification callback body (form-urlencoded). */
export function parseDocumentCallback(input, options) {
  return parseWith(raw.parseDocumentCallback, input, options);
}

function isDocument(callback) {
  return callback !== null && typeof callback === 'object' && 'scanReference' in callback &&
    !('jumioIdScanReference' in callback);
}

function callbackJson(callback) {
  if (callback === null || typeof callback !== 'object') {
    throw new ScanKitError('callback: expected an object returned by parseCallback', {
      code: 'invalid_argument',
      field: 'callback',
    });
  }
  return JSON.stringify(callback);
}

/** What to do with the user after a Netverify callback: `{ outcome, reason }`. */
export function decision(callback) {
  const json = callbackJson(callback);
  return wrap(() => raw.decisionOf(json));
}

/** A copy of a callback (Netverify or Document Verification) safe to log. */
export function redact(callback) {
  const json = callbackJson(callback);
  return JSON.parse(
    wrap(() => (isDocument(callback) ? raw.redactDocument(json) : raw.redactNetverify(json))),
  );
}

/** The fields the provider masks for the callback's country and ID type. */
export function maskedByProvider(callback) {
  const json = callbackJson(callback);
  return wrap(() => raw.maskedByProvider(json));
}

/** A callback written back as a form body (parses back to an equal value). */
export function toForm(callback) {
  const json = callbackJson(callback);
  return wrap(() => (isDocument(callback) ? raw.documentToForm(json) : raw.netverifyToForm(json)));
}

/** The source addresses callbacks may come from (the provider's, or your own list). */
export class CallbackAllowlist {
  #inner;
  constructor(entries, options = {}) {
    this.#inner = wrap(() => new raw.CallbackAllowlist(entries, options.loopback === true));
  }
  /** Whether an IPv4 or IPv6 address is allowed. */
  isAllowed(ip) {
    return typeof ip === 'string' && this.#inner.isAllowed(ip);
  }
  /** The networks, as CIDR text. */
  entries() {
    return this.#inner.entries();
  }
}

// ---- Cards -----------------------------------------------------------------

let brandTable;
function brands() {
  if (brandTable === undefined) {
    brandTable = wrap(() => raw.brandTable()).map((b) => deepFreeze(b));
  }
  return brandTable;
}

function deepFreeze(o) {
  for (const v of Object.values(o)) if (v !== null && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

/** Every card brand, in the order they are tried (credit-card-type's shape). */
export function cardBrands() {
  return brands().slice();
}

/** The brand with this id (`visa`, `american-express`, ...), or undefined. */
export function getCardBrand(type) {
  return brands().find((b) => b.type === type);
}

function numberInput(value) {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : null;
}

function unpackNumber(packed) {
  const low = packed % 65536;
  const brand = low & 31;
  return {
    card: brand === 0 ? null : brands()[brand - 1],
    isPotentiallyValid: (low & 32) !== 0,
    isValid: (low & 64) !== 0,
  };
}

function numberPacked(value, options) {
  let maxLength = 0;
  let flags = 0;
  if (options !== undefined) {
    if (options.maxLength !== undefined) maxLength = options.maxLength >>> 0;
    if (options.luhnValidateUnionPay) flags |= 1;
    if (options.skipLuhn) flags |= 2;
  }
  return raw.numberPacked(value, maxLength, flags);
}

/** card-validator's `number()`: `{ card, isPotentiallyValid, isValid }` for a number as typed. */
export function number(value, options) {
  const v = numberInput(value);
  if (v === null) return { card: null, isPotentiallyValid: false, isValid: false };
  return unpackNumber(numberPacked(v, options));
}

/** credit-card-type's `creditCardType()`: the brands a number as typed may still be. */
export function creditCardType(value) {
  const v = numberInput(value);
  if (v === null) return [];
  const candidates = Math.floor(numberPacked(v, undefined) / 65536);
  const table = brands();
  const out = [];
  for (let i = 0; i < table.length; i++) if (candidates & (1 << i)) out.push(table[i]);
  return out;
}

function today(option) {
  if (option === undefined) {
    const d = new Date();
    return { year: d.getFullYear(), month: d.getMonth() + 1 };
  }
  if (option instanceof Date) return { year: option.getFullYear(), month: option.getMonth() + 1 };
  if (option !== null && typeof option === 'object' && Number.isInteger(option.year) &&
    Number.isInteger(option.month) && option.month >= 1 && option.month <= 12 &&
    option.year >= 1 && option.year <= 9999) {
    return option;
  }
  throw new ScanKitError('today: expected a Date or { year, month }', {
    code: 'invalid_argument',
    field: 'today',
  });
}

/**
 * card-validator's `expirationDate()`: `{ isPotentiallyValid, isValid, month, year }`,
 * month and year as numbers (the year with its century).
 */
export function expirationDate(value, options = {}) {
  if (typeof options === 'number') options = { maxYearsAhead: options };
  if (typeof value !== 'string') {
    return { isPotentiallyValid: false, isValid: false, month: null, year: null };
  }
  const t = today(options.today);
  const max = options.maxYearsAhead ?? 19;
  const p = raw.expiryPacked(value, t.year, t.month, max);
  const month = (p >>> 2) & 15;
  const year = p >>> 8;
  return {
    isPotentiallyValid: (p & 1) !== 0,
    isValid: (p & 2) !== 0,
    month: month === 0 ? null : month,
    year: year === 0 ? null : year,
  };
}

const NO_SIZES = new Uint32Array(0);

/**
 * card-validator's `cvv()`: `sizes` is a size or a list of sizes (3 by
 * default), or a brand id to use that brand's code size.
 */
export function cvv(value, sizes = 3) {
  if (typeof value !== 'string') return { isPotentiallyValid: false, isValid: false };
  let p;
  if (typeof sizes === 'string') {
    const index = brands().findIndex((b) => b.type === sizes);
    p = raw.cvvPacked(value, NO_SIZES, true, index);
  } else {
    const list = Uint32Array.from(Array.isArray(sizes) ? sizes : [sizes]);
    p = raw.cvvPacked(value, list, false, -1);
  }
  return { isPotentiallyValid: (p & 1) !== 0, isValid: (p & 2) !== 0 };
}

/** card-validator's `cardholderName()`. */
export function cardholderName(value) {
  if (typeof value !== 'string') return { isPotentiallyValid: false, isValid: false };
  const p = raw.cardholderNamePacked(value);
  return { isPotentiallyValid: (p & 1) !== 0, isValid: (p & 2) !== 0 };
}

/**
 * Formats a card number field as the user types: `{ value, caret, brand }`.
 * `caret` is the input's `selectionStart`; set the field's value and caret from the result.
 */
export function formatCardNumber(value, caret = typeof value === 'string' ? value.length : 0) {
  if (typeof value !== 'string') value = String(value ?? '');
  return wrap(() => raw.formatCardNumber(value, Math.max(0, caret | 0)));
}

/** Masks the digits of one card number: style `pci` (first 6, last 4) by default. */
export function maskPan(value, options = {}) {
  return wrap(() => raw.maskPan(String(value), options.style, options.maskChar));
}

/** Masks every card number found in a text (for logs). */
export function maskPans(text, options = {}) {
  return wrap(() => raw.maskPans(String(text), options.style, options.maskChar));
}

/** The card numbers in a text: `[{ start, end, brand }]` (string indices). */
export function findPans(text) {
  return wrap(() => raw.findPans(String(text)));
}

/** Whether the digits pass the Luhn (mod 10) check. */
export function luhnValid(digits) {
  return typeof digits === 'string' && raw.luhnValid(digits);
}

/**
 * Checks a complete card number: `{ brand, length, last4, masked }`, or
 * throws a `CardNumberError` (`not_digits`, `unknown_brand`, `bad_length`, `luhn`).
 */
export function checkPan(value) {
  if (typeof value !== 'string') {
    throw new ScanKitError('number: expected a string', { code: 'invalid_argument', field: 'number' });
  }
  return wrap(() => raw.checkPan(value));
}

