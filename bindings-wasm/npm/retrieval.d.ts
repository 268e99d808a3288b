// Types of `scankit/retrieval`: the Retrieval API client.
export { ScanKitError, RetrievalError, isScanKitError, isRetrievalError, type RetrievalErrorCode } from './errors.js';
// The callback and the Retrieval API share these value sets of the core.
// `VerificationStatus` is `document.status` in the 2019 spec.
import type { Similarity, ValidityReason, VerificationStatus, IdType } from './index.js';
export type { Similarity, ValidityReason, VerificationStatus, IdType };

/** A documented value, or any other the provider sends. */
type Open<T extends string> = T | (string & {});
/** A UTC timestamp, as sent. */
type TimestampString = string;

// ---- Retrieval -----------------------------------------------------------------

/** A date `YYYY-MM-DD`, as sent (a redacted date of birth reads `1990-xx-xx`). */
type DateString = string;
/**
 * A string holding the JSON of `T`, written as it was received (the spec's examples
 * send `extractedData.extractedData` this way): `JSON.parse` it to get a `T`. Its
 * content is the core's reading of it, so it holds exactly the members of `T`.
 */
type JsonString<T> = string;

/**
 * A JSON object of the Retrieval API after the core's lenient typing: the members the
 * spec lists, typed as the core normalizes them (strings sent as numbers become text,
 * numbers sent as strings become numbers, `"TRUE"`/`"FALSE"` become booleans, one
 * object sent where a list belongs becomes a list of one), and every member the spec
 * does not list kept as sent under its own name. Absent and `null` members are left
 * out. An integer beyond `Number.MAX_SAFE_INTEGER` in a member kept as sent arrives
 * as a `bigint`, exact.
 */
export interface RetrievalObject {
  [field: string]: unknown;
}

/** `status` of an ID Verification transaction: poll until it is not `PENDING`. */
export type ScanStatus = Open<'PENDING' | 'DONE' | 'FAILED'>;
export type IdSubtype = Open<
  | 'NATIONAL_ID'
  | 'CONSULAR_ID'
  | 'ELECTORAL_ID'
  | 'RESIDENT_PERMIT_ID'
  | 'TAX_ID'
  | 'STUDENT_ID'
  | 'PASSPORT_CARD_ID'
  | 'MILITARY_ID'
  | 'PUBLIC_SAFETY_ID'
  | 'OTHER_ID'
  | 'VISA'
  | 'UNKNOWN'
  | 'LEARNING_DRIVING_LICENSE'
  | 'E_PASSPORT'
>;
/**
 * Where a scan came from, as sent: the field table writes `WEB-CAM`, `WEB-UPLOAD`,
 * `REDIRECT-CAM`, `REDIRECT-UPLOAD`, the examples and the callback use underscores.
 */
export type IdScanSource = Open<
  'WEB' | 'WEB_CAM' | 'WEB_UPLOAD' | 'REDIRECT' | 'REDIRECT_CAM' | 'REDIRECT_UPLOAD' | 'API' | 'SDK'
>;
export type MrzCheck = Open<'OK' | 'NOT_AVAILABLE'>;
/** `rejectReasonCode`, always as text (a code sent as a number is read as its digits). */
export type RejectReasonCode = Open<
  | '100' | '105' | '106' | '107' | '108' | '109' | '110' | '111' | '112' | '113' | '114' | '115'
  | '116' | '118' | '102' | '103' | '104' | '200' | '201' | '202' | '206' | '207' | '209' | '210'
  | '211' | '214' | '300'
>;
/** `detailsCode`: 100x for reject code 100, 200x for reject code 200, always as text. */
export type RejectDetailCode = Open<
  | '1001' | '1002' | '1003' | '1004' | '1005' | '1006' | '1007' | '1008' | '1009' | '10011'
  | '2001' | '2002' | '2003' | '2004' | '2005' | '2006' | '2007'
>;
export type SearchResult = Open<'POSITIVE_RESULT' | 'PARTIAL_RESULT' | 'NEGATIVE_RESULT' | 'CHECK_NOT_DONE'>;
/** Why an additional check was not done. */
export type SearchReason = Open<'UNSUPPORTED_COUNTRY' | 'NOT_ENOUGH_DATA' | 'TECHNICAL_ERROR'>;
export type FaceSearchStatus = Open<'DONE' | 'PENDING' | 'ERROR'>;
export type AuthenticationResult = Open<'CREATED' | 'STARTED' | 'PASSED' | 'FAILED' | 'INVALID' | 'EXPIRED'>;
export type DvTransactionStatus = Open<'DONE' | 'FAILED'>;
export type DvSource = Open<'DOC_UPLOAD' | 'DOC_API' | 'DOC_SDK'>;
export type DvDocumentStatus = Open<'UPLOADED' | 'EXTRACTED' | 'DISCARDED'>;
/** Document Verification document type codes (`CC` credit card, `BS` bank statement, …). */
export type DvDocumentType = Open<
  | 'CC' | 'BS' | 'IC' | 'UB' | 'CAAP' | 'CRC' | 'CCS' | 'LAG' | 'LOAP' | 'MOAP' | 'TR' | 'VT' | 'VC'
  | 'STUC' | 'HCC' | 'CB' | 'SENC' | 'MEDC' | 'BC' | 'WWCC' | 'SS' | 'TAC' | 'SEL' | 'PB' | 'SSC'
  | 'CUSTOM' | 'OTHER'
>;

// ---- ID Verification (Netverify) --------------------------------------------------

/** Answer of `scanStatus` (`GET …/scans/<scanReference>`). */
export interface ScanStatusResponse extends RetrievalObject {
  /** When the response was made, `YYYY-MM-DDThh:mm:ss.SSSZ`, as sent. */
  timestamp?: TimestampString;
  /** Jumio's reference for the transaction (36). */
  scanReference?: string;
  status?: ScanStatus;
}

/** Answer of `scanDetails` (`…/data`): document, transaction and verification together. */
export interface ScanDetails extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  /** As {@link ScanDocument}, without `timestamp` and `scanReference`. */
  document?: ScanDocument;
  /** As {@link ScanTransaction}, without `timestamp` and `scanReference`. */
  transaction?: ScanTransaction;
  /** As {@link ScanVerification}, without `timestamp` and `scanReference`. */
  verification?: ScanVerification;
  /** If download of the facemap is enabled (2022 spec). */
  facemap?: Facemap;
}

/**
 * Answer of `scanDocument` (`…/data/document`), and `document` of {@link ScanDetails}
 * (without `timestamp` and `scanReference` there). Each extraction field is present
 * only if its extraction is enabled and the document shows it.
 */
export interface ScanDocument extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  /** The verification status (listed by the 2019 spec only). */
  status?: VerificationStatus;
  type?: IdType;
  idSubtype?: IdSubtype;
  /** ISO 3166-1 alpha-3 country code, or `XKX` (Kosovo). */
  issuingCountry?: string;
  firstName?: string;
  lastName?: string;
  /** Date of birth. */
  dob?: DateString;
  /** Date of expiry. */
  expiry?: DateString;
  issuingDate?: DateString;
  /** Identification number of the document. */
  number?: string;
  /** State code (US, AU, CA; the last 2–3 characters of ISO 3166-2), a country name, `XKX`, or free text. */
  usState?: string;
  personalNumber?: string;
  /** Optional field of MRZ line 1. */
  optionalData1?: string;
  /** Optional field of MRZ line 2. */
  optionalData2?: string;
  /** Raw format since 2020-08-15 (US or EU format before). */
  address?: IdAddress;
  issuingAuthority?: string;
  issuingPlace?: string;
  /** Mexican CURP (18). */
  curp?: string;
  gender?: Open<'M' | 'F'>;
  /** ISO 3166-1 alpha-3 country code. */
  nationality?: string;
  placeOfBirth?: string;
  /** Italian tax number (`HEALTH_ID`, `TAX_ID`). */
  taxNumber?: string;
  /** Brazilian CPF number. */
  cpf?: string;
  registrationNumber?: string;
  mothersName?: string;
  fathersName?: string;
  /** National personal identification number. */
  personalIdentificationNumber?: string;
  /** Brazilian "General Registration" number. */
  rgNumber?: string;
  /** Mexican "Clave de elector". */
  voterIdNumber?: string;
  /** Mexican "Numero de emission". */
  issuingNumber?: string;
  /** The expiry date as printed, by part (2022 spec). */
  expiryDateParts?: DateParts;
  /** The date of birth as printed, by part (2022 spec). */
  dateOfBirthParts?: DateParts;
  /** The issuing date as printed, by part (2022 spec). */
  issuingDateParts?: DateParts;
}

/** A date as printed on the document, by part; a part the document does not show is absent. */
export interface DateParts extends RetrievalObject {
  /** e.g. `"2022"` (a number sent is read as text). */
  year?: string;
  /** e.g. `"08"`. */
  month?: string;
  /** e.g. `"31"`. */
  day?: string;
}

/** `address` of a document: the union of the raw, US and EU formats (US and EU before 2020-08-15). */
export interface IdAddress extends RetrievalObject {
  city?: string;
  /** ISO 3166-2 state code, e.g. `US-OH` (US format). */
  stateCode?: string;
  /** EU format. */
  province?: string;
  /** US and EU formats. */
  streetName?: string;
  /** Street suffix abbreviation (US format). */
  streetSuffix?: string;
  /** Street direction abbreviation, e.g. `E` (US format). */
  streetDirection?: string;
  /** US and EU formats. */
  streetNumber?: string;
  /** Unit designator abbreviation (US format). */
  unitDesignator?: string;
  /** US format. */
  unitNumber?: string;
  /** EU format. */
  unitDetails?: string;
  /** US format. */
  zip?: string;
  /** US format. */
  zipExtension?: string;
  /** EU and raw formats. */
  postalCode?: string;
  /** Raw format, as are `line2` to `line5`. */
  line1?: string;
  line2?: string;
  line3?: string;
  line4?: string;
  line5?: string;
  /** The whole address, formatted (2022 spec). */
  formattedAddress?: string;
  /** ISO 3166-1 alpha-3 country code, or `XKX` (Kosovo). */
  country?: string;
}

/** Answer of `scanTransaction` (`…/data/transaction`), and `transaction` of {@link ScanDetails}. */
export interface ScanTransaction extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  status?: ScanStatus;
  source?: IdScanSource;
  /** When the scan was created, as sent (kept even when it is not a timestamp). */
  date?: TimestampString;
  /** IP address of the client (the redacted form keeps its network part only). */
  clientIp?: string;
  /** Your reference for the user. */
  customerId?: string;
  /** Your reference for the transaction. */
  merchantScanReference?: string;
  /** Your reporting criteria for the transaction. */
  merchantReportingCriteria?: string;
}

/** Answer of `scanVerification` (`…/data/verification`), and `verification` of {@link ScanDetails}. */
export interface ScanVerification extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  mrzCheck?: MrzCheck;
  /** With `DENIED_FRAUD` and `ERROR_NOT_READABLE_ID`. */
  rejectReason?: RejectReason;
  /** The selfie check. */
  identityVerification?: IdentityVerification;
  /** Checks that need activation (2020+). */
  additionalChecks?: AdditionalChecks;
}

/** Why a document was rejected. */
export interface RejectReason extends RetrievalObject {
  rejectReasonCode?: RejectReasonCode;
  /** The description as sent, e.g. `NO_DOCUMENT`. */
  rejectReasonDescription?: string;
  /** For codes 100 and 200: always a list (one detail sent as an object is a list of one). */
  rejectReasonDetails?: RejectReasonDetail[];
}

/** One entry of `rejectReasonDetails`. */
export interface RejectReasonDetail extends RetrievalObject {
  detailsCode?: RejectDetailCode;
  /** The description as sent, e.g. `PHOTO`. */
  detailsDescription?: string;
}

/** The selfie check: does the selfie show the person on the ID, and is it genuine. */
export interface IdentityVerification extends RetrievalObject {
  similarity?: Similarity;
  /** Whether the selfie is genuine (sent as `true` or as `"TRUE"`/`"FALSE"`). */
  validity?: boolean;
  /** Why `validity` is false. */
  reason?: ValidityReason;
  /** Only with liveness detection by handwritten note. */
  handwrittenNoteMatches?: boolean;
}

/** `additionalChecks`: each check needs activation. */
export interface AdditionalChecks extends RetrievalObject {
  addressValidation?: SearchCheck;
  /** For AUS, BRA, CAN, DEU, ESP, GBR, MEX. */
  proofOfResidency?: SearchCheck;
  /** The screening result, as sent (see the screening guide). */
  watchlistScreening?: unknown;
  /** 1:n face search on previous transactions. */
  faceSearchFindings?: FaceSearchFindings;
  /** CPF number validation. */
  personalNumberValidation?: SearchCheck;
}

/** `addressValidation`, `proofOfResidency`, `personalNumberValidation`. */
export interface SearchCheck extends RetrievalObject {
  /** `CHECK_NOT_DONE` unless approved and verified; then see `searchResponse` or `searchReason`. */
  searchResults?: SearchResult;
  /** Why the check was not done (address validation, proof of residency). */
  searchResponse?: SearchReason;
  /** Why the check was not done (personal number validation). */
  searchReason?: SearchReason;
}

/** `faceSearchFindings`. */
export interface FaceSearchFindings extends RetrievalObject {
  status?: FaceSearchStatus;
  /** References of earlier transactions with a matching face: absent for none, a list otherwise (one sent as a string is a list of one). */
  findings?: string[];
}

/** Answer of `scanImages` (`…/images`). */
export interface ScanImages extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  /** Absent when none (one image sent as an object is a list of one). */
  images?: ImageLink[];
  /** URLs of the liveness images (present, possibly empty, when sent). */
  livenessImages?: string[];
}

/** One image of `images`. */
export interface ImageLink extends RetrievalObject {
  classifier?: Open<ImageClassifier>;
  /** URL of the image (`scanImage`/`authenticationImage`, or `download`). */
  href?: string;
}

/** `facemap` of {@link ScanDetails}. */
export interface Facemap extends RetrievalObject {
  classifier?: Open<'facemap'>;
  /** URL of the raw (binary) facemap. */
  href?: string;
}

/** Answer of `authentication` (`GET …/authentications/<transactionReference>`). */
export interface AuthenticationDetails extends RetrievalObject {
  /** Jumio's reference for the Authentication transaction (36). */
  transactionReference?: string;
  /** The ID Verification transaction enrolled against (2020). */
  enrollmentTransactionReference?: string;
  transactionResult?: AuthenticationResult;
  /** As sent: the spec's own example has no zone (UTC is meant). */
  transactionDate?: TimestampString;
  /** `SDK` or `WEB`. */
  scanSource?: IdScanSource;
  /** Your reference for the user. */
  userReference?: string;
  /** The `face` image; absent when none (one sent as an object is a list of one). */
  images?: ImageLink[];
  /** URLs of the liveness images (present, possibly empty, when sent). */
  livenessImages?: string[];
}

// ---- Document Verification --------------------------------------------------------

/** Answer of `dvStatus` (`GET …/documents/<scanReference>`). */
export interface DvStatusResponse extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  status?: DvTransactionStatus;
}

/** Answer of `dvDetails` (`…/data`): document and transaction together. */
export interface DvDetails extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  /** As {@link DvRetrievedDocument}, without `timestamp` and `scanReference`. */
  document?: DvRetrievedDocument;
  transaction?: DvTransaction;
}

/** `transaction` of {@link DvDetails} (the Document Verification callback's shape). */
export interface DvTransaction extends RetrievalObject {
  /** When the scan was created (the callback's field; not in the retrieval tables). */
  date?: TimestampString;
  status?: DvTransactionStatus;
  source?: DvSource;
  /** Your reference for the transaction. */
  merchantScanReference?: string;
  /** Your reference for the user. */
  customerId?: string;
  /** Your reporting criteria for the transaction. */
  merchantReportingCriteria?: string;
  /** Given for the Document Verification API (the callback's field; not in the retrieval tables). */
  clientIp?: string;
}

/** Answer of `dvTransaction` (`…/data/transaction`): the transaction's fields at the top level. */
export interface DvTransactionResponse extends DvTransaction {
  timestamp?: TimestampString;
  scanReference?: string;
}

/** Answer of `dvDocument` (`…/data/document`), and `document` of {@link DvDetails}. */
export interface DvRetrievedDocument extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  /** `UPLOADED` (default), `EXTRACTED` if the document is supported for extraction, else `DISCARDED`. */
  status?: DvDocumentStatus;
  type?: DvDocumentType;
  /** ISO 3166-1 alpha-3 country code, or `XKX` (Kosovo). */
  country?: string;
  /** URL of the original document (PDF), if any. */
  originalDocument?: string;
  /** Your custom document code, with type `CUSTOM`. */
  customDocumentCode?: string;
  /** With status `EXTRACTED`. */
  extractedData?: DvRetrievedData;
}

/** `extractedData` of a retrieved document. */
export interface DvRetrievedData extends RetrievalObject {
  signatureAvailable?: boolean;
  /** Social security number, if readable. */
  ssn?: string;
  /** First name for SSC, the full name for other types. */
  firstName?: string;
  /** SSC only. */
  lastName?: string;
  /**
   * The nested fields: an object if sent as one, or the string of JSON the spec's
   * examples send, kept a string (`JSON.parse` it; it holds the core's reading).
   */
  extractedData?: DvExtractedFields | JsonString<DvExtractedFields>;
}

/** The nested `extractedData`: which fields are filled depends on the document type. */
export interface DvExtractedFields extends RetrievalObject {
  /** `RAW`. */
  addressFormat?: Open<'RAW'>;
  line1?: string;
  line2?: string;
  /** Country of residence: ISO 3166-1 alpha-3, or `XKX`. */
  countryCode?: string;
  postalCode?: string;
  city?: string;
  /** The US state is sent here. */
  subdivision?: string;
  /** First name for SSC, the full name for other types. */
  firstName?: string;
  /** SSC only. */
  lastName?: string;
  /** SSC only. */
  ssn?: string;
  /** Documented as the strings `"true"`/`"false"`, read as a boolean. */
  signaturePresent?: boolean;
  /** IBAN or account number (a number sent is read as text). */
  accountNumber?: string;
  /** BIC/SWIFT code. */
  swiftCode?: string;
  issueDate?: DateString;
  /** `MM/YY`, as sent (CC only). */
  expiryDate?: string;
  /** The card number (CC only; a number sent is read as text). */
  pan?: string;
}

/** Answer of `dvPages` (`…/pages`). */
export interface DvPages extends RetrievalObject {
  timestamp?: TimestampString;
  scanReference?: string;
  /** Absent when none (one page sent as an object is a list of one). */
  images?: PageLink[];
}

/** One page of `images`. */
export interface PageLink extends RetrievalObject {
  /** The page number given at upload (a string holding a number is read as the number); pass it to `dvPage`. */
  classifier?: number;
  /** URL of the page image. */
  href?: string;
}

// ---- Credit Card (Netswipe) -------------------------------------------------------

/**
 * Answer of `creditCard` (`GET …/netswipe/v1/scans/<scanReference>/creditCard`):
 * masked unless asked for (and enabled) unmasked.
 */
export interface CreditCardData extends RetrievalObject {
  /** Jumio's reference for the scan (36). */
  jumioRequestReference?: string;
  /** Masked: the first 6 and last 4 digits with `x` between; unmasked: the full number. Always text. */
  cardNumber?: string;
  /** 1–12 (a string holding a number is read as the number). */
  cardExpiryMonth?: number;
  /** `YYYY` (a string holding a number is read as the number). */
  cardExpiryYear?: number;
  /** In capitals. */
  cardHolderName?: string;
  /** `xx-xx-xx` or `xxxxxx`. */
  cardSortCode?: string;
  /** Masked: the last two digits with `x` before; unmasked: the full number. Always text. */
  cardAccountNumber?: string;
  /** Your reporting criteria for the scan. */
  merchantReportingCriteria?: string;
}

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

/** The endpoints whose answers have a redacted form (`redact: true`): every one. */
export type RedactableModel = keyof RetrievalModels;

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
 * `retryable`), or {@link ScanKitError} `invalid_argument` for an unknown model.
 * With `redact: true` the answer is its redacted form, safe to log.
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
