// Types of the `scankit` package. Wire values the provider may extend are
// typed as their documented values plus `string & {}`: undocumented values
// are kept, not rejected.

export * from './errors.js';

/** A documented value, or any other the provider sends. */
type Open<T extends string> = T | (string & {});

// ---- Callbacks ---------------------------------------------------------------

export type VerificationStatus = Open<
  | 'APPROVED_VERIFIED'
  | 'DENIED_FRAUD'
  | 'DENIED_UNSUPPORTED_ID_TYPE'
  | 'DENIED_UNSUPPORTED_ID_COUNTRY'
  | 'ERROR_NOT_READABLE_ID'
  | 'NO_ID_UPLOADED'
>;
export type IdType = Open<'PASSPORT' | 'DRIVING_LICENSE' | 'ID_CARD' | 'VISA' | 'UNSUPPORTED'>;
export type IdCheck = Open<'OK' | 'N/A'>;
/** A date `YYYY-MM-DD` (or as sent, when the provider sends a partial date). */
export type DateString = string;
/** A UTC timestamp `YYYY-MM-DDThh:mm:ss.SSSZ`, as sent. */
export type TimestampString = string;

export type Similarity = Open<'MATCH' | 'NO_MATCH' | 'NOT_POSSIBLE'>;
/** `identityVerification.reason`, given when `validity` is false. */
export type ValidityReason = Open<
  | 'SELFIE_CROPPED_FROM_ID'
  | 'ENTIRE_ID_USED_AS_SELFIE'
  | 'MULTIPLE_PEOPLE'
  | 'SELFIE_IS_SCREEN_PAPER_VIDEO'
  | 'SELFIE_MANIPULATED'
  | 'AGE_DIFFERENCE_TOO_BIG'
  | 'NO_FACE_PRESENT'
  | 'FACE_NOT_FULLY_VISIBLE'
  | 'BAD_QUALITY'
  | 'BLACK_AND_WHITE'
  | 'LIVENESS_FAILED'
>;

export interface IdentityVerification {
  similarity?: Similarity;
  validity?: boolean;
  reason?: ValidityReason;
  handwrittenNoteMatches?: boolean;
  [undocumented: string]: unknown;
}

export interface RejectReasonDetail {
  detailsCode?: string;
  detailsDescription?: string;
  [undocumented: string]: unknown;
}

export interface RejectReason {
  rejectReasonCode?: string;
  rejectReasonDescription?: string;
  rejectReasonDetails?: RejectReasonDetail[];
  [undocumented: string]: unknown;
}

/** `idAddress`: US, EU or raw format, all fields optional. */
export interface IdAddress {
  line1?: string;
  line2?: string;
  line3?: string;
  line4?: string;
  line5?: string;
  streetNumber?: string;
  streetName?: string;
  streetDirection?: string;
  streetSuffix?: string;
  unitDesignator?: string;
  unitNumber?: string;
  unitDetails?: string;
  city?: string;
  stateCode?: string;
  province?: string;
  zip?: string;
  zipExtension?: string;
  postalCode?: string;
  country?: string;
  /** The whole address as one text (2022 API). */
  formattedAddress?: string;
  [undocumented: string]: unknown;
}

export interface DlCategory {
  category?: string;
  availability?: string;
  issueDate?: DateString;
  expiryDate?: DateString;
  isReadable?: boolean;
  [undocumented: string]: unknown;
}

/** A parsed Netverify / ID Verification callback (`parseCallback`). */
export interface NetverifyCallback {
  callBackType?: Open<'NETVERIFYID'>;
  jumioIdScanReference: string;
  verificationStatus: VerificationStatus;
  idScanStatus?: Open<'SUCCESS' | 'ERROR'>;
  idScanSource?: Open<'WEB' | 'WEB_CAM' | 'WEB_UPLOAD' | 'REDIRECT' | 'API' | 'SDK' | 'KIOSK'>;
  idCheckDataPositions?: IdCheck;
  idCheckDocumentValidation?: IdCheck;
  idCheckHologram?: IdCheck;
  idCheckMRZcode?: IdCheck;
  idCheckMicroprint?: IdCheck;
  idCheckSecurityFeatures?: IdCheck;
  idCheckSignature?: IdCheck;
  transactionDate?: TimestampString;
  callbackDate?: TimestampString;
  identityVerification?: IdentityVerification;
  idType?: IdType;
  idSubtype?: string;
  idCountry?: string;
  rejectReason?: RejectReason;
  idScanImage?: string;
  idScanImageFace?: string;
  idScanImageBackside?: string;
  idNumber?: string;
  idFirstName?: string;
  idLastName?: string;
  idDob?: DateString;
  idExpiry?: DateString;
  idUsState?: string;
  personalNumber?: string;
  idAddress?: IdAddress;
  merchantIdScanReference?: string;
  merchantReportingCriteria?: string;
  customerId?: string;
  clientIp?: string;
  firstAttemptDate?: TimestampString;
  optionalData1?: string;
  optionalData2?: string;
  dni?: string;
  curp?: string;
  gender?: Open<'M' | 'F'>;
  presetCountry?: string;
  presetIdType?: IdType;
  dlCarPermission?: Open<'YES' | 'NO' | 'NOT_READABLE'>;
  dlCategories?: DlCategory[];
  nationality?: string;
  passportNumber?: string;
  durationOfStay?: string;
  numberOfEntries?: string;
  visaCategory?: string;
  originDob?: string;
  issuingAuthority?: string;
  issuingDate?: DateString;
  issuingPlace?: string;
  livenessImages?: string[];
  /** Fields the spec does not list, in the order received. */
  extra?: Record<string, string>;
}

export interface DvAddress {
  line1?: string;
  line2?: string;
  city?: string;
  subdivision?: string;
  postalCode?: string;
  countryCode?: string;
  [undocumented: string]: unknown;
}

export interface DvExtractedData {
  firstName?: string;
  lastName?: string;
  name?: string;
  ssn?: string;
  signatureAvailable?: boolean;
  accountNumber?: string;
  pan?: string;
  swiftCode?: string;
  embossedLine?: string;
  issueDate?: DateString;
  expiryDate?: DateString;
  address?: DvAddress;
  [undocumented: string]: unknown;
}

/** A parsed Document Verification callback (`parseDocumentCallback`). */
export interface DocumentCallback {
  scanReference: string;
  timestamp?: TimestampString;
  transaction?: {
    date?: TimestampString;
    status?: Open<'DONE' | 'FAILED'>;
    source?: Open<'DOC_UPLOAD' | 'DOC_API' | 'DOC_SDK'>;
    merchantScanReference?: string;
    customerId?: string;
    clientIp?: string;
    [undocumented: string]: unknown;
  };
  document?: {
    type?: string;
    customDocumentCode?: string;
    country?: string;
    images?: string[];
    originalDocument?: string;
    pageCount?: number;
    status?: Open<'UPLOADED' | 'EXTRACTED' | 'DISCARDED'>;
    extractedData?: DvExtractedData;
    [undocumented: string]: unknown;
  };
  /** Fields the spec does not list, in the order received. */
  extra?: Record<string, string>;
}

export interface ParseOptions {
  /**
   * Bodies larger than this are refused (`body_too_large`) before decoding,
   * and before they are copied into wasm memory or a string is encoded
   * (64 KiB by default). A string is refused by its `.length` when that is
   * over the limit, with no size in the message.
   */
  maxBodyBytes?: number;
  /** Refuse values longer than the spec's maximum (true by default). */
  enforceMaxLengths?: boolean;
  /** Return the redacted copy, safe to log. */
  redact?: boolean;
}

export type Outcome = 'approved' | 'fraud' | 'retry' | 'no_id_uploaded' | 'unknown';

export interface Decision {
  /** What to do with the user. */
  outcome: Outcome;
  /** The fact it rests on, e.g. `rejectReason 107 PHOTO_MISMATCH`. */
  reason: string;
}

/** Parses a Netverify callback body; throws {@link CallbackParseError}. */
export function parseCallback(body: string | Uint8Array | ArrayBuffer, options?: ParseOptions): NetverifyCallback;
/** Parses a Document Verification callback body; throws {@link CallbackParseError}. */
export function parseDocumentCallback(body: string | Uint8Array | ArrayBuffer, options?: ParseOptions): DocumentCallback;
/** What to do with the user, from the spec's tables. */
export function decision(callback: NetverifyCallback): Decision;
/** A copy safe to log: names, numbers, address and card numbers masked. */
export function redact(callback: NetverifyCallback): NetverifyCallback;
export function redact(callback: DocumentCallback): DocumentCallback;
/** The fields the provider masks for the callback's country and ID type. */
export function maskedByProvider(callback: NetverifyCallback): string[];
/** The callback written back as a form body. */
export function toForm(callback: NetverifyCallback | DocumentCallback): string;

/** The source addresses callbacks may come from. */
export class CallbackAllowlist {
  /** The provider's published addresses, or your own IPs / CIDR networks. */
  constructor(entries?: string[], options?: { loopback?: boolean });
  isAllowed(ip: string): boolean;
  entries(): string[];
}

// ---- Cards -------------------------------------------------------------------

export type CardBrandId = Open<
  | 'visa'
  | 'mastercard'
  | 'american-express'
  | 'diners-club'
  | 'discover'
  | 'troy'
  | 'jcb'
  | 'unionpay'
  | 'naranja'
  | 'verve'
  | 'rupay'
  | 'uatp'
  | 'dankort'
  | 'maestro'
  | 'elo'
  | 'mir'
  | 'hiper'
  | 'hipercard'
>;

/** A brand, in credit-card-type's shape (frozen, shared). */
export interface CreditCardType {
  readonly niceType: string;
  readonly type: CardBrandId;
  readonly patterns: ReadonlyArray<number | readonly [number, number]>;
  readonly gaps: readonly number[];
  readonly lengths: readonly number[];
  readonly code: { readonly name: string; readonly size: number };
}

export interface Verification {
  isPotentiallyValid: boolean;
  isValid: boolean;
}

export interface CardNumberVerification extends Verification {
  card: CreditCardType | null;
}

export interface NumberOptions {
  maxLength?: number;
  luhnValidateUnionPay?: boolean;
  skipLuhn?: boolean;
}

export interface ExpirationDateVerification extends Verification {
  month: number | null;
  /** With its century. */
  year: number | null;
}

export interface ExpirationDateOptions {
  /** "Now" (the current month by default). */
  today?: Date | { year: number; month: number };
  /** Years after this one still valid (19 by default). */
  maxYearsAhead?: number;
}

export interface FormattedCardNumber {
  value: string;
  caret: number;
  brand: CardBrandId | null;
}

export type MaskStyle = 'jumio' | 'jumio-account' | 'mobicard' | 'pci' | 'pci8' | 'last4';

export interface MaskOptions {
  /** `pci` (first 6 and last 4) by default. */
  style?: MaskStyle;
  /** The style's own (`*` or `x`) by default. */
  maskChar?: string;
}

export interface PanSpan {
  start: number;
  end: number;
  brand: CardBrandId;
}

export interface CheckedPan {
  brand: CardBrandId;
  length: number;
  last4: string;
  masked: string;
}

export function number(value: unknown, options?: NumberOptions): CardNumberVerification;
export function creditCardType(value: unknown): CreditCardType[];
export function cardBrands(): CreditCardType[];
export function getCardBrand(type: string): CreditCardType | undefined;
export function expirationDate(value: unknown, options?: ExpirationDateOptions | number): ExpirationDateVerification;
export function cvv(value: unknown, sizes?: number | number[] | CardBrandId): Verification;
export function cardholderName(value: unknown): Verification;
export function formatCardNumber(value: string, caret?: number): FormattedCardNumber;
export function maskPan(value: string, options?: MaskOptions): string;
export function maskPans(text: string, options?: MaskOptions): string;
export function findPans(text: string): PanSpan[];
export function luhnValid(digits: string): boolean;
/** Throws {@link CardNumberError}. */
export function checkPan(value: string): CheckedPan;

