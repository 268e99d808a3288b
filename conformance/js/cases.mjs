// The npm package's answers to the conformance cases, in the canonical shape
// of conformance/README.md. Shared by the Node runner and the Chromium page:
// `sk` is `scankit`, `rt` is `scankit/retrieval`, as each platform loads them.
// Only the package's public API is called; this file maps names, no rules.

const STYLES = ['jumio', 'jumio-account', 'mobicard', 'pci', 'pci8', 'last4'];

function bytes(b64) {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function yearMonth(date) {
  const [year, month] = date.split('-').map(Number);
  return { year, month };
}

function errorOutput(sk, rt, e, op) {
  if (op.endsWith('_callback') && sk.isCallbackParseError(e)) {
    return { error: { kind: 'callback', code: e.code, field: e.field ?? null } };
  }
  if (op === 'retrieval_response' && rt.isRetrievalError(e)) {
    return { error: { kind: 'retrieval', code: e.code, retryable: e.retryable } };
  }
  if (op === 'mobicard_response' && rt.isScanKitError(e)) {
    return { error: { kind: 'mobicard' } };
  }
  return { error: { kind: 'unexpected', message: `${e?.name}: ${e?.message}` } };
}

function netverify(sk, body) {
  const cb = sk.parseCallback(body);
  return {
    parsed: cb,
    redacted: sk.redact(cb),
    decision: sk.decision(cb),
    masked_by_provider: sk.maskedByProvider(cb),
    form: sk.toForm(cb),
  };
}

function document(sk, body) {
  const cb = sk.parseDocumentCallback(body);
  return { parsed: cb, redacted: sk.redact(cb), form: sk.toForm(cb) };
}

function camel(snake) {
  return snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

function retrieval(rt, c) {
  if (typeof rt.decodeRetrievalResponse !== 'function') {
    return { unsupported: 'scankit/retrieval has no decodeRetrievalResponse' };
  }
  const options = {
    status: c.status,
    contentType: c.content_type,
    retryAfter: c.retry_after,
    sinceScanMs: c.since_scan_ms,
  };
  const model = camel(c.model);
  const body = bytes(c.body_b64);
  const decoded = rt.decodeRetrievalResponse(model, body, options);
  let redacted = null;
  try {
    redacted = rt.decodeRetrievalResponse(model, body, { ...options, redact: true });
  } catch (e) {
    // A model without a redacted form says so with invalid_argument.
    if (!(rt.isScanKitError(e) && e.code === 'invalid_argument')) throw e;
  }
  return { output: { decoded, redacted } };
}

function crossCheck(c) {
  if (c === null) return null;
  return {
    luhn: c.luhn,
    brand: c.brand,
    claimed_brand: c.claimedBrand,
    expiry: c.expiry,
    disagreements: c.disagreements,
  };
}

function mobicard(rt, c) {
  const body = bytes(c.body_b64);
  const [year, month, day] = c.today.split('-').map(Number);
  const today = new Date(Date.UTC(year, month - 1, day));
  const parsed = rt.parseMobicardResponse(body, { today });
  const redacted = rt.parseMobicardResponse(body, { today, redact: true });
  return {
    response: parsed.response,
    redacted: redacted.response,
    is_success: parsed.isSuccess,
    action: parsed.action,
    cross_check: crossCheck(parsed.crossCheck),
  };
}

function cardNumber(sk, c) {
  const options = { luhnValidateUnionPay: c.luhn_validate_unionpay };
  if (c.max_length !== null) options.maxLength = c.max_length;
  const v = sk.number(c.input, options);
  return {
    brand: v.card === null ? null : v.card.type,
    candidates: sk.creditCardType(c.input).map((t) => t.type),
    potentially_valid: v.isPotentiallyValid,
    valid: v.isValid,
  };
}

function expiry(sk, c) {
  const options = { today: yearMonth(c.today) };
  if (c.max_years_ahead !== null) options.maxYearsAhead = c.max_years_ahead;
  const v = sk.expirationDate(c.input, options);
  return { potentially_valid: v.isPotentiallyValid, valid: v.isValid, month: v.month, year: v.year };
}

function verification(v) {
  return { potentially_valid: v.isPotentiallyValid, valid: v.isValid };
}

function maskText(sk, text) {
  const masked = {};
  for (const style of STYLES) masked[style] = sk.maskPans(text, { style });
  const found = sk.findPans(text).map((s) => ({ text: text.slice(s.start, s.end), brand: s.brand }));
  return { masked, found };
}

function output(sk, rt, c) {
  switch (c.op) {
    case 'netverify_callback': return { output: netverify(sk, bytes(c.body_b64)) };
    case 'document_callback': return { output: document(sk, bytes(c.body_b64)) };
    case 'retrieval_response': return retrieval(rt, c);
    case 'mobicard_response': return { output: mobicard(rt, c) };
    case 'card_number': return { output: cardNumber(sk, c) };
    case 'card_expiry': return { output: expiry(sk, c) };
    case 'cvv': return { output: verification(sk.cvv(c.input, c.sizes)) };
    case 'cardholder_name': return { output: verification(sk.cardholderName(c.input)) };
    case 'mask_text': return { output: maskText(sk, c.text) };
    default: return { unsupported: `unknown op ${c.op}` };
  }
}

/** One `{id, output}` (or `{id, unsupported}`) per case. */
export function runCases(sk, rt, cases) {
  return cases.map((c) => {
    try {
      return { id: c.id, ...output(sk, rt, c) };
    } catch (e) {
      return { id: c.id, output: errorOutput(sk, rt, e, c.op) };
    }
  });
}

/** Cases from JSON Lines text. */
export function parseCases(text) {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

// A BigInt (an integer beyond 2^53, kept exact by the package) is written
// as the JSON number it stands for, which JSON.stringify cannot do itself.
const BIGINT = '\u0000bigint:';
function jsonText(value) {
  const text = JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? BIGINT + v.toString() : v));
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

/** Answers as JSON Lines text. */
export function formatAnswers(answers) {
  return answers.map(jsonText).join('\n') + '\n';
}
