// The server-side APIs of the `scankit` package (entry `scankit/retrieval`):
// the Retrieval API client, MobiCard requests and responses, card photo checks;
// over its own wasm module so that pages that only validate cards and parse
// callbacks do not download it. API secrets never belong in a browser: use it
// in Node, or in a page that reaches the API through its own server.
import * as raw from './wasm/scankit_retrieval.js';
import { fromWasm, ScanKitError } from './errors.js';
import { parseExact } from './exact.js';

export {
  ScanKitError,
  RetrievalError,
  isScanKitError,
  isRetrievalError,
} from './errors.js';

function wrap(f) {
  try {
    return f();
  } catch (e) {
    throw fromWasm(e);
  }
}

// ---- Retrieval -------------------------------------------------------------

const CLASSIFIERS = { front: 0, face: 1, back: 2 };

function classifier(name) {
  const c = CLASSIFIERS[name];
  if (c === undefined) {
    throw new ScanKitError('classifier: expected front, face or back', {
      code: 'invalid_argument',
      field: 'classifier',
    });
  }
  return c;
}

async function settle(f) {
  try {
    return await wrap(f);
  } catch (e) {
    throw fromWasm(e);
  }
}

/** The spec's polling offsets, seconds after the images were acquired. */
export function recommendedPollSchedule() {
  return Array.from(raw.recommendedPollSchedule());
}

/**
 * A client of the Retrieval APIs (fetch). Use it in Node or behind your own
 * server: API secrets never belong in a browser.
 */
export class RetrievalClient {
  #raw;
  constructor({ token, secret, userAgent, region, baseUrl } = {}) {
    const base = baseUrl ?? region ?? 'us';
    this.#raw = wrap(() => new raw.RetrievalClient(
      String(token ?? ''), String(secret ?? ''), String(userAgent ?? ''), String(base),
    ));
  }

  async #json(endpoint, reference, arg = 0, unmasked = false, sinceScanMs) {
    const text = await settle(() =>
      this.#raw.call(endpoint, String(reference), arg, unmasked, sinceScanMs));
    return parseExact(text);
  }

  async #other(endpoint, reference, arg = 0, unmasked = false, sinceScanMs) {
    return settle(() => this.#raw.call(endpoint, String(reference), arg, unmasked, sinceScanMs));
  }

  scanStatus(reference) { return this.#json('scanStatus', reference); }
  scanDetails(reference) { return this.#json('scanDetails', reference); }
  scanDocument(reference) { return this.#json('scanDocument', reference); }
  scanTransaction(reference) { return this.#json('scanTransaction', reference); }
  scanVerification(reference) { return this.#json('scanVerification', reference); }
  scanImages(reference) { return this.#json('scanImages', reference); }
  scanImage(reference, which) { return this.#other('scanImage', reference, classifier(which)); }
  scanLivenessImage(reference, n) { return this.#other('scanLivenessImage', reference, n >>> 0); }
  authentication(reference) { return this.#json('authentication', reference); }
  authenticationImage(reference, which = 'face') {
    return this.#other('authenticationImage', reference, classifier(which));
  }
  authenticationLivenessImage(reference, n) {
    return this.#other('authenticationLivenessImage', reference, n >>> 0);
  }
  dvStatus(reference) { return this.#json('dvStatus', reference); }
  dvDetails(reference) { return this.#json('dvDetails', reference); }
  dvDocument(reference) { return this.#json('dvDocument', reference); }
  dvTransaction(reference) { return this.#json('dvTransaction', reference); }
  dvPages(reference) { return this.#json('dvPages', reference); }
  dvPage(reference, page, options = {}) {
    return this.#other('dvPage', reference, page >>> 0, options.unmasked === true);
  }
  creditCard(reference, options = {}) {
    return this.#json('creditCard', reference, 0, options.unmasked === true, options.sinceScanMs);
  }
  creditCardFront(reference, options = {}) {
    return this.#other('creditCardFront', reference, 0, options.unmasked === true, options.sinceScanMs);
  }
  deleteScan(reference) { return this.#other('deleteScan', reference); }
  deleteAuthentication(reference) { return this.#other('deleteAuthentication', reference); }
  deleteDocument(reference) { return this.#other('deleteDocument', reference); }

  /** Downloads an `href` the API returned (only under a configured base URL). */
  download(url) { return settle(() => this.#raw.download(String(url))); }

  /**
   * Polls the status on the spec's schedule (or `schedule`, seconds after
   * acquisition) until it is not PENDING; resolves to the last status response.
   */
  async waitForScan(reference, options = {}) {
    const text = await settle(() => this.#raw.waitForScan(
      String(reference),
      options.sinceAcquisitionMs ?? 0,
      options.schedule === undefined ? undefined : Float64Array.from(options.schedule),
      options.dailyAttempts ?? 0,
    ));
    return parseExact(text);
  }
}

/**
 * Sans I/O: classifies a response your own HTTP client received from the
 * JSON endpoint `model` (a RetrievalClient method name, e.g. 'scanDetails')
 * and decodes it as the client would, or throws RetrievalError.
 */
export function decodeRetrievalResponse(model, body, options = {}) {
  const since = options.sinceScanMs;
  const text = wrap(() => raw.decodeRetrievalResponse(
    String(model),
    bytesOf(body, 'body'),
    options.status ?? 200,
    options.contentType === undefined ? 'application/json' : (options.contentType ?? undefined),
    options.retryAfter ?? undefined,
    since === undefined || since === null ? undefined : Number(since),
    options.redact === true,
  ));
  return parseExact(text);
}

// ---- MobiCard ScanAPI --------------------------------------------------------

function bytesOf(value, name) {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new ScanKitError(`${name}: expected a string or a Uint8Array`, { code: 'invalid_argument', field: name });
}

/**
 * Parses a MobiCard ScanAPI response: `{ response, isSuccess, action, crossCheck }`;
 * `redact: true` masks the card number and name and withholds the token;
 * `crossCheck` is the core's own Luhn, brand and expiry check of the card
 * (as of `today`) beside what the provider reported, or null without a card.
 */
export function parseMobicardResponse(body, options = {}) {
  const t = options.today instanceof Date ? options.today : new Date();
  const r = wrap(() => raw.parseMobicardResponse(
    bytesOf(body, 'body'), options.redact === true, t.getFullYear(), t.getMonth() + 1,
  ));
  return { response: parseExact(r.response), isSuccess: r.isSuccess, action: r.action, crossCheck: r.crossCheck };
}

/** The signed JSON body of a MobiCard ScanAPI request (server side: it needs the secret key). */
export function mobicardRequestBody(request) {
  const r = request ?? {};
  return wrap(() => raw.mobicardRequestBody(
    r.mode === 'LIVE',
    String(r.merchantId ?? ''),
    String(r.apiKey ?? ''),
    String(r.secretKey ?? ''),
    String(r.tokenId ?? ''),
    String(r.txnReference ?? ''),
    r.image === undefined ? undefined : bytesOf(r.image, 'image'),
    r.extraData === undefined ? undefined : String(r.extraData),
  ));
}

/**
 * Checks a card photo before upload (supported format, 800x600 minimum, size):
 * `{ ok, format, width, height, bytes, errors, warnings }`.
 */
export function checkCardImage(bytes, limits = {}) {
  const data = bytesOf(bytes, 'bytes');
  return wrap(() => raw.checkCardImage(
    data, limits.minLongSide >>> 0, limits.minShortSide >>> 0, limits.maxBytes >>> 0,
  ));
}
