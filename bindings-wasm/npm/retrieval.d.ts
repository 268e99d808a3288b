// Types of `scankit/retrieval`: the Retrieval API client.
export { ScanKitError, RetrievalError, isScanKitError, isRetrievalError, type RetrievalErrorCode } from './errors.js';

/** A documented value, or any other the provider sends. */
type Open<T extends string> = T | (string & {});
/** A UTC timestamp, as sent. */
type TimestampString = string;

// ---- Retrieval -----------------------------------------------------------------

/** A JSON object of the Retrieval API, after the core's lenient typing. */
export interface RetrievalObject {
  [field: string]: unknown;
}

export interface ScanStatusResponse extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  status?: Open<'PENDING' | 'DONE' | 'FAILED'>;
}

export interface ScanDetails extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  document?: RetrievalObject;
  transaction?: RetrievalObject;
  verification?: RetrievalObject;
}
export type ScanDocument = RetrievalObject;
export type ScanTransaction = RetrievalObject;
export type ScanVerification = RetrievalObject;
export type ScanImages = RetrievalObject;
export type AuthenticationDetails = RetrievalObject;
export type DvStatusResponse = RetrievalObject;
export type DvDetails = RetrievalObject;
export type DvRetrievedDocument = RetrievalObject;
export type DvTransactionResponse = RetrievalObject;
export type DvPages = RetrievalObject;
export type CreditCardData = RetrievalObject;

export interface RetrievedImage {
  contentType: string;
  bytes: Uint8Array;
}

export interface RetrievalClientOptions {
  /** API token. */
  token: string;
  /** API secret: server side only, never in a browser. */
  secret: string;
  /** `CompanyName AppName/1.0.0`. */
  userAgent: string;
  /** `us` (default), `eu` or `sgp`. */
  region?: 'us' | 'eu' | 'sgp';
  /** One base URL for every service (the sandbox, or your own proxy); wins over `region`. */
  baseUrl?: string;
}

export interface WaitOptions {
  /** How long ago the images were acquired. */
  sinceAcquisitionMs?: number;
  /** Seconds after acquisition to poll at (the spec's by default). */
  schedule?: number[];
  /** Daily polls after the schedule (0 by default). */
  dailyAttempts?: number;
}

export interface MaskHintOptions {
  /** Ask for unmasked data (must be enabled for the account). */
  unmasked?: boolean;
}

export type ImageClassifier = 'front' | 'face' | 'back';

/** A client of the Retrieval APIs over fetch; every method rejects with {@link RetrievalError}. */
export class RetrievalClient {
  constructor(options: RetrievalClientOptions);
  scanStatus(reference: string): Promise<ScanStatusResponse>;
  scanDetails(reference: string): Promise<ScanDetails>;
  scanDocument(reference: string): Promise<ScanDocument>;
  scanTransaction(reference: string): Promise<ScanTransaction>;
  scanVerification(reference: string): Promise<ScanVerification>;
  scanImages(reference: string): Promise<ScanImages>;
  scanImage(reference: string, classifier: ImageClassifier): Promise<RetrievedImage>;
  scanLivenessImage(reference: string, n: number): Promise<RetrievedImage>;
  authentication(reference: string): Promise<AuthenticationDetails>;
  authenticationImage(reference: string, classifier?: ImageClassifier): Promise<RetrievedImage>;
  authenticationLivenessImage(reference: string, n: number): Promise<RetrievedImage>;
  dvStatus(reference: string): Promise<DvStatusResponse>;
  dvDetails(reference: string): Promise<DvDetails>;
  dvDocument(reference: string): Promise<DvRetrievedDocument>;
  dvTransaction(reference: string): Promise<DvTransactionResponse>;
  dvPages(reference: string): Promise<DvPages>;
  dvPage(reference: string, page: number, options?: MaskHintOptions): Promise<RetrievedImage>;
  creditCard(reference: string, options?: MaskHintOptions & { sinceScanMs?: number }): Promise<CreditCardData>;
  creditCardFront(reference: string, options?: MaskHintOptions & { sinceScanMs?: number }): Promise<RetrievedImage>;
  /** Resolves to the HTTP status. */
  deleteScan(reference: string): Promise<number>;
  deleteAuthentication(reference: string): Promise<number>;
  deleteDocument(reference: string): Promise<number>;
  download(url: string): Promise<RetrievedImage>;
  waitForScan(reference: string, options?: WaitOptions): Promise<ScanStatusResponse>;
}

/** The Retrieval API models by the name of the endpoint (client method) that answers them. */
export interface RetrievalModels {
  scanStatus: ScanStatusResponse;
  scanDetails: ScanDetails;
  scanDocument: ScanDocument;
  scanTransaction: ScanTransaction;
  scanVerification: ScanVerification;
  scanImages: ScanImages;
  authentication: AuthenticationDetails;
  dvStatus: DvStatusResponse;
  dvDetails: DvDetails;
  dvDocument: DvRetrievedDocument;
  dvTransaction: DvTransactionResponse;
  dvPages: DvPages;
  creditCard: CreditCardData;
}

/** The endpoints whose answers have a redacted form (`redact: true`). */
export type RedactableModel = 'scanDetails' | 'scanDocument' | 'scanTransaction' | 'creditCard';

export interface DecodeOptions {
  /** HTTP status (200 by default). */
  status?: number;
  /** `Content-Type` (`application/json` by default; null for none). */
  contentType?: string | null;
  /** `Retry-After`, as received. */
  retryAfter?: string | null;
  /** How long ago the scan finished, if known (a 404 of credit card data within 5 minutes is `not_ready`). */
  sinceScanMs?: number | null;
}

/**
 * Sans I/O: classifies a response your own HTTP client received from the endpoint `model`
 * and decodes it as {@link RetrievalClient} would. Throws {@link RetrievalError} (`code`,
 * `retryable`), or {@link ScanKitError} `invalid_argument` for an unknown model or
 * `redact` on a model without a redacted form.
 */
export function decodeRetrievalResponse<M extends RedactableModel>(
  model: M,
  body: string | Uint8Array | ArrayBuffer,
  options: DecodeOptions & { redact: true },
): RetrievalModels[M];
export function decodeRetrievalResponse<M extends keyof RetrievalModels>(
  model: M,
  body: string | Uint8Array | ArrayBuffer,
  options?: DecodeOptions & { redact?: false },
): RetrievalModels[M];

/** The spec's polling offsets, seconds after the images were acquired. */
export function recommendedPollSchedule(): number[];

// ---- MobiCard ScanAPI and card photos ------------------------------------------

/** What to do after a MobiCard response. */
export type MobicardAction =
  | 'process'
  | 'retry_with_backoff'
  | 'refresh_token_and_retry'
  | 'top_up'
  | 'fix_request'
  | 'give_up';

/** A ScanAPI response as the provider sends it (snake_case, lenient). Any integer beyond
 *  `Number.MAX_SAFE_INTEGER` arrives as a `bigint`, so that no digit is lost. */
export interface MobicardScanResponse {
  status: Open<'SUCCESS' | 'FAILED'>;
  status_code: string | number;
  status_message?: string;
  /** A string per the spec; a number if sent as one, a `bigint` beyond `Number.MAX_SAFE_INTEGER` (kept exact). */
  card_scan_request_id?: string | number | bigint;
  mobicard_txn_reference?: string;
  timestamp?: string;
  card_information?: {
    card_number?: string;
    card_number_masked?: string;
    card_expiry_date?: string;
    card_expiry_month?: string;
    card_expiry_year?: string;
    card_brand?: string;
    card_category?: string;
    card_holder_name?: string;
    card_bank_name?: string;
    card_token?: string;
    [field: string]: unknown;
  };
  card_exif_information?: Record<string, unknown>;
  card_risk_information?: Record<string, unknown>;
  card_biin_information?: Record<string, unknown>;
  addendum_data?: string;
  [field: string]: unknown;
}

/** scankit's own check of the card data beside the provider's answers. */
export interface MobicardCrossCheck {
  /** Whether the number passes Luhn (null without a number). */
  luhn: boolean | null;
  /** The brand scankit finds for the number. */
  brand: string | null;
  /** The brand the provider named. */
  claimedBrand: string | null;
  /** Whether the expiry date is valid as of `today`. */
  expiry: boolean | null;
  /** Where the provider's validation flags disagree with scankit's. */
  disagreements: { check: string; reported: boolean | null; computed: boolean }[];
}

export interface ParsedMobicardResponse {
  response: MobicardScanResponse;
  /** `status` SUCCESS and code 200. */
  isSuccess: boolean;
  action: MobicardAction;
  /** Null when the response has no card. */
  crossCheck: MobicardCrossCheck | null;
}

/** Parses a ScanAPI response; `redact` masks the card number and name. Throws {@link ScanKitError}. */
export function parseMobicardResponse(
  body: string | Uint8Array | ArrayBuffer,
  options?: { redact?: boolean; today?: Date },
): ParsedMobicardResponse;

export interface MobicardRequest {
  /** `TEST` by default. */
  mode?: 'TEST' | 'LIVE';
  merchantId: string;
  apiKey: string;
  /** Signs the token; never sent. Server side only. */
  secretKey: string;
  /** Unique per request. */
  tokenId: string;
  txnReference: string;
  /** Method 2: the card photo (base64-encoded for you). */
  image?: Uint8Array | ArrayBuffer;
  extraData?: string;
}

/** The signed JSON body of a ScanAPI request. Throws {@link ScanKitError} (`invalid_request`). */
export function mobicardRequestBody(request: MobicardRequest): string;

export type ImageProblem =
  | { problem: 'empty' }
  | { problem: 'not_base64' }
  | { problem: 'too_large'; bytes: number; limit: number }
  | { problem: 'unsupported_format' }
  | { problem: 'too_small'; width: number; height: number }
  | { problem: 'dimensions_unknown' };

export interface CardImageCheck {
  /** Whether the photo may be uploaded. */
  ok: boolean;
  format: 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'tiff' | 'ico' | 'heic' | 'heif' | 'jp2' | 'jpx' | 'jpm' | 'pdf' | null;
  width: number | null;
  height: number | null;
  bytes: number;
  errors: ImageProblem[];
  warnings: ImageProblem[];
}

/** Checks a card photo before upload: format, 800x600 minimum (either way round), 10 MiB. */
export function checkCardImage(
  bytes: Uint8Array | ArrayBuffer,
  limits?: { minLongSide?: number; minShortSide?: number; maxBytes?: number },
): CardImageCheck;
