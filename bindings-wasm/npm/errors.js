// Errors thrown by scankit: real Error subclasses with `name`, `code` and,
// where there is one, `field`. Messages never hold the value that failed
// (no card number, name or secret), only the field and the rule broken.

/** The base class of every error scankit throws. */
export class ScanKitError extends Error {
  constructor(message, { code = 'error', field, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ScanKitError';
    this.code = code;
    this.field = field;
  }
}

/** A callback body that could not be parsed: `code` as in the fixtures, `field` the form field. */
export class CallbackParseError extends ScanKitError {
  constructor(message, options) {
    super(message, options);
    this.name = 'CallbackParseError';
  }
}

/** A card number that is not a complete valid number (`checkPan`). */
export class CardNumberError extends ScanKitError {
  constructor(message, options) {
    super(message, options);
    this.name = 'CardNumberError';
  }
}

/** A Retrieval API call that failed: HTTP `status`, whether it is `retryable`, and after how long. */
export class RetrievalError extends ScanKitError {
  constructor(message, { status, retryable = false, retryAfterMs, ...options } = {}) {
    super(message, options);
    this.name = 'RetrievalError';
    this.status = status;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
}

const classes = { ScanKitError, CallbackParseError, CardNumberError, RetrievalError };

/** Turns an error descriptor thrown by the wasm layer into its class; anything else is returned as is. */
export function fromWasm(e) {
  if (e !== null && typeof e === 'object' && typeof e.scankit === 'string' && !(e instanceof Error)) {
    const Class = classes[e.scankit] ?? ScanKitError;
    return new Class(e.message, {
      code: e.code,
      field: e.field,
      status: e.status,
      retryable: e.retryable,
      retryAfterMs: e.retryAfterMs,
    });
  }
  if (e instanceof Error) return e;
  return new ScanKitError(String(e), { code: 'internal' });
}

/** Whether `e` is an error thrown by scankit. */
export const isScanKitError = (e) => e instanceof ScanKitError;
/** Whether `e` is a callback parse error. */
export const isCallbackParseError = (e) => e instanceof CallbackParseError;
/** Whether `e` is a card number error. */
export const isCardNumberError = (e) => e instanceof CardNumberError;
/** Whether `e` is a Retrieval API error. */
export const isRetrievalError = (e) => e instanceof RetrievalError;
