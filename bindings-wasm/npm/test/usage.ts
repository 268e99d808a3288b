// Type-checked (tsc --noEmit --strict), not run: every export of the
// package used as an application would.
import {
  parseCallback, parseDocumentCallback, decision, redact, maskedByProvider, toForm,
  CallbackAllowlist, number, creditCardType, cardBrands, getCardBrand, expirationDate, cvv,
  cardholderName, formatCardNumber, maskPan, maskPans, findPans, luhnValid, checkPan,
  ScanKitError, CallbackParseError, CardNumberError, RetrievalError,
  isScanKitError, isCallbackParseError, isCardNumberError, isRetrievalError,
  type NetverifyCallback, type DocumentCallback, type Decision, type Outcome,
  type CardNumberVerification, type ExpirationDateVerification, type FormattedCardNumber,
  type PanSpan, type CheckedPan, type CallbackErrorCode, type RetrievalErrorCode,
} from 'scankit';
import {
  RetrievalClient, recommendedPollSchedule, type ScanStatusResponse, type RetrievedImage,
  RetrievalError as RetrievalErrorFromRetrieval,
  parseMobicardResponse, mobicardRequestBody, checkCardImage,
  type ParsedMobicardResponse, type MobicardAction, type CardImageCheck,
  decodeRetrievalResponse, type ScanDetails, type CreditCardData, type DvPages,
  type ScanStatus, type ScanDocument, type ScanTransaction, type ScanVerification, type ScanImages,
  type AuthenticationDetails, type DvStatusResponse, type DvDetails, type DvRetrievedDocument,
  type DvTransactionResponse, type DvExtractedFields, type RejectReasonCode, type RetrievalObject,
} from 'scankit/retrieval';

const details: ScanDetails = decodeRetrievalResponse('scanDetails', '{}', { status: 200, sinceScanMs: null });
const card: CreditCardData = decodeRetrievalResponse('creditCard', new Uint8Array(2), { redact: true, retryAfter: '5' });
const dvPages: DvPages = decodeRetrievalResponse('dvPages', new ArrayBuffer(2));
const safePages: DvPages = decodeRetrievalResponse('dvPages', '{}', { redact: true });
// @ts-expect-error: not a Retrieval API model
decodeRetrievalResponse('scanImage', '{}', { redact: true });
console.log(details.scanReference, card, dvPages, safePages);

// The members of each retrieval model, as an application reads them.
function readModels(): void {
  const st: ScanStatusResponse = decodeRetrievalResponse('scanStatus', '{}');
  const stStatus: ScanStatus | undefined = st.status;
  const final: boolean = st.status !== undefined && st.status !== 'PENDING';
  const doc: ScanDocument | undefined = details.document;
  const dob: string | undefined = doc?.dob;
  const street: string | undefined = doc?.address?.line1 ?? doc?.address?.formattedAddress;
  const birthYear: string | undefined = doc?.dateOfBirthParts?.year;
  const idType: string | undefined = doc?.type;
  // @ts-expect-error: a document number is always text (a number sent is read as text)
  const docNumber: number | undefined = doc?.number;
  const clientIp: string | undefined = details.transaction?.clientIp;
  const facemap: string | undefined = details.facemap?.href;
  // Members the spec does not list are kept, typed unknown.
  const future: unknown = details['newTopLevel'];
  const loose: RetrievalObject = details;

  const verification: ScanVerification = decodeRetrievalResponse('scanVerification', '{}');
  const reject: RejectReasonCode | undefined = verification.rejectReason?.rejectReasonCode;
  const detailCodes: (string | undefined)[] =
    verification.rejectReason?.rejectReasonDetails?.map((d) => d.detailsCode) ?? [];
  const validity: boolean | undefined = verification.identityVerification?.validity;
  const findings: string[] = verification.additionalChecks?.faceSearchFindings?.findings ?? [];
  const residency: string | undefined = verification.additionalChecks?.proofOfResidency?.searchResults;
  const screening: unknown = verification.additionalChecks?.watchlistScreening;

  const tx: ScanTransaction = decodeRetrievalResponse('scanTransaction', '{}', { redact: true });
  const source: string | undefined = tx.source;
  const created: string | undefined = tx.date;

  const images: ScanImages = decodeRetrievalResponse('scanImages', '{}');
  const front: string | undefined = images.images?.find((i) => i.classifier === 'front')?.href;
  const liveness: number = images.livenessImages?.length ?? 0;

  const auth: AuthenticationDetails = decodeRetrievalResponse('authentication', '{}');
  const passed: boolean = auth.transactionResult === 'PASSED';
  const face: string | undefined = auth.images?.[0]?.href;
  const enrolledWith: string | undefined = auth.enrollmentTransactionReference;

  const dvStatus: DvStatusResponse = decodeRetrievalResponse('dvStatus', '{}');
  const dvDone: boolean = dvStatus.status === 'DONE';
  const dvDetails: DvDetails = decodeRetrievalResponse('dvDetails', '{}');
  const dvSource: string | undefined = dvDetails.transaction?.source;
  const dvType: string | undefined = dvDetails.document?.type;
  const dvDoc: DvRetrievedDocument = decodeRetrievalResponse('dvDocument', '{}');
  const signed: boolean | undefined = dvDoc.extractedData?.signatureAvailable;
  // The nested extractedData is an object, or the string of JSON the spec's examples send.
  const nested = dvDoc.extractedData?.extractedData;
  const fields: DvExtractedFields | undefined =
    typeof nested === 'string' ? (JSON.parse(nested) as DvExtractedFields) : nested;
  const pan: string | undefined = fields?.pan;
  const present: boolean | undefined = fields?.signaturePresent;
  const dvTx: DvTransactionResponse = decodeRetrievalResponse('dvTransaction', '{}');
  const merchantRef: string | undefined = dvTx.merchantScanReference;
  const pageNumbers: number[] = dvPages.images?.flatMap((p) => (p.classifier === undefined ? [] : [p.classifier])) ?? [];

  const month: number | undefined = card.cardExpiryMonth;
  const year: number | undefined = card.cardExpiryYear;
  const masked: boolean = card.cardNumber?.includes('x') ?? false;
  console.log(stStatus, final, dob, street, birthYear, idType, docNumber, clientIp, facemap, future, loose,
    reject, detailCodes, validity, findings, residency, screening, source, created, front, liveness,
    passed, face, enrolledWith, dvDone, dvSource, dvType, signed, pan, present, merchantRef, pageNumbers,
    month, year, masked);
}

const mobi: ParsedMobicardResponse = parseMobicardResponse('{}', { redact: true, today: new Date() });
const luhnOk: boolean | null | undefined = mobi.crossCheck?.luhn;
const action: MobicardAction = mobi.action;
const last4: string | undefined = mobi.response.card_information?.card_number_masked;
const reqBody: string = mobicardRequestBody({
  mode: 'LIVE', merchantId: 'm', apiKey: 'k', secretKey: 's', tokenId: 't', txnReference: 'r',
  image: new Uint8Array(4), extraData: 'x',
});
const image: CardImageCheck = checkCardImage(new Uint8Array(4), { minLongSide: 800, minShortSide: 600, maxBytes: 1 << 20 });
const problems: string[] = image.errors.map((p) => p.problem);
console.log(action, luhnOk, last4, reqBody, problems, image.ok, image.format);
import { ScanKitError as ScanKitErrorFromSubpath } from 'scankit/errors';

const body = 'jumioIdScanReference=abc&verificationStatus=APPROVED_VERIFIED&idScanStatus=SUCCESS';
const cb: NetverifyCallback = parseCallback(body, { maxBodyBytes: 65536, enforceMaxLengths: true });
const cb2: NetverifyCallback = parseCallback(new TextEncoder().encode(body));
const ref: string = cb.jumioIdScanReference;
const d: Decision = decision(cb);
const outcome: Outcome = d.outcome;
switch (outcome) {
  case 'approved': case 'fraud': case 'retry': case 'no_id_uploaded': case 'unknown': break;
}
const safe: NetverifyCallback = redact(cb2);
const first: string | undefined = safe.idFirstName;
const similarity: string | undefined = cb.identityVerification?.similarity;
const masked: string[] = maskedByProvider(cb);
const form: string = toForm(cb);
const dv: DocumentCallback = parseDocumentCallback('scanReference=x', { redact: true });
const dvSafe: DocumentCallback = redact(dv);
const pages: number | undefined = dvSafe.document?.pageCount;
const allow = new CallbackAllowlist(undefined, { loopback: true });
const allowed: boolean = allow.isAllowed('127.0.0.1') && allow.entries().length > 0;

try {
  parseCallback('%');
} catch (e: unknown) {
  if (isCallbackParseError(e)) {
    const code: CallbackErrorCode = e.code;
    const field: string | undefined = e.field;
    const name: 'CallbackParseError' = e.name;
    console.log(code, field, name, e.message, e instanceof Error);
  } else if (isScanKitError(e)) {
    console.log(e.code);
  }
}

const n: CardNumberVerification = number('4111 1111', { maxLength: 16, luhnValidateUnionPay: true });
const niceType: string | undefined = n.card?.niceType;
const gaps: readonly number[] | undefined = n.card?.gaps;
const potentially: boolean = n.isPotentiallyValid && !n.isValid;
const types: string[] = creditCardType('4').map((t) => t.type);
const all = cardBrands().length + (getCardBrand('visa')?.code.size ?? 0);
const exp: ExpirationDateVerification = expirationDate('12/30', { today: new Date(), maxYearsAhead: 10 });
const exp2 = expirationDate('12/30', { today: { year: 2026, month: 11 } });
const expMonth: number | null = exp.month ?? exp2.year;
const c1: boolean = cvv('123').isValid && cvv('1234', [3, 4]).isValid && cvv('1234', 'american-express').isValid;
const holder: boolean = cardholderName('Jane Doe').isValid;
const f: FormattedCardNumber = formatCardNumber('41111', 5);
const fBrand: string | null = f.brand;
const mp: string = maskPan('4111111111111111', { style: 'last4', maskChar: '#' });
const mps: string = maskPans('card 4111111111111111', { style: 'jumio' });
const spans: PanSpan[] = findPans('card 4111111111111111');
const luhn: boolean = luhnValid('4111111111111111');
try {
  const pan: CheckedPan = checkPan('4111111111111111');
  console.log(pan.last4, pan.brand, pan.length, pan.masked);
} catch (e) {
  if (isCardNumberError(e)) console.log(e.code === 'luhn', e.field);
}

async function retrieve(): Promise<void> {
  const client = new RetrievalClient({
    token: 'token', secret: 'secret', userAgent: 'Acme KYC/1.0.0', baseUrl: 'http://127.0.0.1:8080',
  });
  const eu = new RetrievalClient({ token: 't', secret: 's', userAgent: 'Acme KYC/1.0.0', region: 'eu' });
  try {
    const status: ScanStatusResponse = await client.waitForScan('ref', {
      sinceAcquisitionMs: 0, schedule: recommendedPollSchedule(), dailyAttempts: 0,
    });
    const s: string | undefined = status.status;
    console.log(s, await client.scanStatus('ref'), await client.scanDetails('ref'));
    await Promise.all([
      client.scanDocument('r'), client.scanTransaction('r'), client.scanVerification('r'),
      client.scanImages('r'), client.authentication('r'), client.dvStatus('r'), client.dvDetails('r'),
      client.dvDocument('r'), client.dvTransaction('r'), client.dvPages('r'),
      client.creditCard('r', { unmasked: false, sinceScanMs: 1000 }),
    ]);
    const images: RetrievedImage[] = await Promise.all([
      client.scanImage('r', 'front'), client.scanLivenessImage('r', 1),
      client.authenticationImage('r'), client.authenticationLivenessImage('r', 1),
      client.dvPage('r', 1, { unmasked: true }), client.creditCardFront('r'), eu.download('https://x'),
    ]);
    const bytes: Uint8Array | undefined = images[0]?.bytes;
    const statuses: number[] = await Promise.all([
      client.deleteScan('r'), client.deleteAuthentication('r'), client.deleteDocument('r'),
    ]);
    console.log(bytes, statuses);
  } catch (e) {
    if (isRetrievalError(e)) {
      const code: RetrievalErrorCode = e.code;
      const status: number | undefined = e.status;
      const wait: number | undefined = e.retryable ? e.retryAfterMs : undefined;
      console.log(code, status, wait);
    }
  }
}

const errors: ScanKitError[] = [
  new ScanKitError('x', { code: 'c', field: 'f' }),
  new CallbackParseError('x'),
  new CardNumberError('x'),
  new RetrievalError('x', { status: 429, retryable: true, retryAfterMs: 1000 }),
  new ScanKitErrorFromSubpath('x'),
  new RetrievalErrorFromRetrieval('x'),
];

console.log(ref, safe, first, similarity, masked, form, pages, allowed, niceType, gaps, potentially,
  types, all, expMonth, c1, holder, fBrand, mp, mps, spans, luhn, errors, retrieve, readModels);
