/** Options of the error constructors. */
export interface ScanKitErrorOptions {
  code?: string;
  field?: string;
  cause?: unknown;
}

/** The base class of every error scankit throws. Messages never hold the value that failed. */
export class ScanKitError extends Error {
  constructor(message: string, options?: ScanKitErrorOptions);
  /** `ScanKitError`, or the subclass's name. */
  name: string;
  /** A stable, machine-readable code, e.g. `invalid_argument`. */
  code: string;
  /** The field or argument the error is about, where there is one. */
  field: string | undefined;
}

/** Codes of {@link CallbackParseError}, as named in the fixtures' manifest. */
export type CallbackErrorCode =
  | 'body_too_large'
  | 'bad_percent_encoding'
  | 'invalid_utf8'
  | 'invalid_json'
  | 'duplicate_field'
  | 'missing_field'
  | 'invalid_format'
  | 'too_long';

/** A callback body that could not be parsed. */
export class CallbackParseError extends ScanKitError {
  name: 'CallbackParseError';
  code: CallbackErrorCode;
}

/** Codes of {@link CardNumberError}. */
export type CardNumberErrorCode = 'not_digits' | 'unknown_brand' | 'bad_length' | 'luhn' | 'invalid';

/** A card number that is not a complete valid number (`checkPan`); the message never holds it. */
export class CardNumberError extends ScanKitError {
  name: 'CardNumberError';
  code: CardNumberErrorCode;
}

/** Codes of {@link RetrievalError}. */
export type RetrievalErrorCode =
  | 'unauthorized'
  | 'forbidden_unmasked'
  | 'forbidden'
  | 'not_ready'
  | 'not_found'
  | 'rate_limited'
  | 'server_error'
  | 'unexpected_status'
  | 'invalid_body'
  | 'transport'
  | 'invalid_request'
  | 'still_pending';

/** A Retrieval API call that failed. */
export class RetrievalError extends ScanKitError {
  constructor(
    message: string,
    options?: ScanKitErrorOptions & { status?: number; retryable?: boolean; retryAfterMs?: number },
  );
  name: 'RetrievalError';
  code: RetrievalErrorCode;
  /** The HTTP status, when there was a response. */
  status: number | undefined;
  /** Whether trying again later may succeed. */
  retryable: boolean;
  /** When `retryable`: how long to wait, in milliseconds. */
  retryAfterMs: number | undefined;
}

export function isScanKitError(e: unknown): e is ScanKitError;
export function isCallbackParseError(e: unknown): e is CallbackParseError;
export function isCardNumberError(e: unknown): e is CardNumberError;
export function isRetrievalError(e: unknown): e is RetrievalError;
