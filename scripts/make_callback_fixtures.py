#!/usr/bin/env python3
"""Writes the hand-made callback fixtures and the manifest that every platform's
tests read. The spec's own examples (spec-*.form) are copied verbatim from the
spec and are not written here. Run from the repository root; goldens (.json,
.redacted.json) are then written by `SCANKIT_BLESS=1 cargo test --test callback_fixtures`
and must be reviewed by hand against the spec.
"""
import json
import os
from urllib.parse import quote_plus

from fixture_form import form

ROOT = "core/tests/fixtures/callbacks"
REF = "7a1c9b2e-4f3d-4c8a-9e21-5b6d7f8a9c0d"
IMG = "https://netverify.com/recognition/v1/idscan/" + REF
CHECKS_OK = [(k, "OK") for k in ("idCheckDataPositions", "idCheckDocumentValidation", "idCheckHologram",
                                 "idCheckMRZcode", "idCheckMicroprint", "idCheckSecurityFeatures", "idCheckSignature")]
CHECKS_NA = [(k, "N/A") for k, _ in CHECKS_OK]


def approved(**over):
    base = [("callBackType", "NETVERIFYID"), ("jumioIdScanReference", REF),
            ("verificationStatus", "APPROVED_VERIFIED"), ("idScanStatus", "SUCCESS"), ("idScanSource", "WEB_UPLOAD"),
            *CHECKS_OK, ("transactionDate", "2026-11-20T09:15:02.123Z"), ("callbackDate", "2026-11-20T09:17:45.901Z"),
            ("idType", "PASSPORT"), ("idCountry", "AUT"), ("idScanImage", IMG + "/front"),
            ("idScanImageFace", IMG + "/face"), ("idNumber", "P4366918"), ("idFirstName", "MAX"),
            ("idLastName", "MUSTERMANN"), ("idDob", "1985-06-14"), ("idExpiry", "2030-06-13"),
            ("merchantIdScanReference", "order-18734"), ("customerId", "cust-4402"), ("clientIp", "203.0.113.42")]
    pairs = dict(base)
    for k, v in over.items():
        if v is None:
            pairs.pop(k, None)
        else:
            pairs[k] = v
    return list(pairs.items())


def denied(status, reject=None, **extra):
    pairs = [("callBackType", "NETVERIFYID"), ("jumioIdScanReference", REF), ("verificationStatus", status),
             ("idScanStatus", "ERROR"), ("idScanSource", "SDK"), *CHECKS_NA,
             ("transactionDate", "2026-11-21T14:02:11.000Z"), ("callbackDate", "2026-11-21T14:04:30.512Z")]
    if reject is not None:
        pairs.append(("rejectReason", reject))
    merged = dict(pairs)
    merged.update(extra)
    return list(merged.items())


NV = {}   # name -> (body, expectation)
DV = {}


def ok(decision, **more):
    return {"decision": decision, **more}


def err(code, field):
    return {"error": {"code": code, "field": field}}


NV["approved-full-driving-licence"] = (form(approved(
    idType="DRIVING_LICENSE", idCountry="DEU", idNumber="B072RRE2I55", idScanImageBackside=IMG + "/back",
    firstAttemptDate="2026-11-20T09:10:00.000Z", issuingDate="2015-03-02", issuingAuthority="Landratsamt Musterkreis",
    issuingPlace="Musterstadt", dlCarPermission="YES",
    dlCategories=[{"category": "B", "issueDate": "2015-03-02", "expiryDate": "2030-03-01", "availability": "yes"},
                  {"category": "A1", "isReadable": "FALSE", "availability": "not readable"}],
    idAddress={"city": "Berlin", "province": "BE", "streetName": "Heidestraße", "streetNumber": "17",
               "unitDetails": "3. OG", "postalCode": "10557", "country": "DEU"},
    identityVerification={"similarity": "MATCH", "validity": "TRUE"},
    livenessImages=["https://netverify.com/api/netverify/v2/scans/%s/images/liveness/1" % REF,
                    "https://netverify.com/api/netverify/v2/scans/%s/images/liveness/2" % REF],
    presetCountry="DEU", presetIdType="DRIVING_LICENSE", merchantReportingCriteria="campaign-7")),
    ok("approved", address_format="EU"))
NV["approved-us-address"] = (form(approved(
    idType="DRIVING_LICENSE", idCountry="USA", idUsState="CA", idSubtype="LEARNING_DRIVING_LICENSE",
    idAddress={"city": "San Francisco", "stateCode": "US-CA", "streetName": "Market", "streetSuffix": "ST",
               "streetDirection": "W", "streetNumber": "1455", "unitDesignator": "STE", "unitNumber": "400",
               "zip": "94103", "zipExtension": "1234", "country": "USA"})), ok("approved", address_format="US"))
NV["approved-visa"] = (form(approved(
    idType="VISA", idCountry="USA", idSubtype="VISA", gender="F", nationality="CHN", passportNumber="E12345678",
    durationOfStay="90 days", numberOfEntries="M", visaCategory="B1/B2", idNumber=None)), ok("approved"))
NV["approved-india-partial-dob"] = (form(approved(
    idType="ID_CARD", idSubtype="NATIONAL_ID", idCountry="IND", idDob="1990-01-09", originDob="1990//09",
    idAddress={"line1": "12 MG Road", "line2": "Indiranagar", "city": "Bengaluru", "postalCode": "560038",
               "country": "IND"})), ok("approved", address_format="RAW"))
NV["approved-spain-dni-mexico-curp"] = (form(approved(
    idType="ID_CARD", idSubtype="NATIONAL_ID", idCountry="ESP", dni="12345678Z", curp="GODE561231HDFRRN09",
    gender="M", optionalData1="BAA000589", optionalData2="ESP", personalNumber="12345678Z")), ok("approved"))
NV["approved-identity-validity-string-false-screen"] = (form(approved(
    identityVerification={"similarity": "MATCH", "validity": "FALSE", "reason": "SELFIE_IS_SCREEN_PAPER_VIDEO"})),
    ok("fraud"))
NV["approved-identity-validity-false-bad-quality"] = (form(approved(
    identityVerification={"similarity": "MATCH", "validity": False, "reason": "BAD_QUALITY"})), ok("retry"))
NV["approved-identity-no-match"] = (form(approved(
    identityVerification={"similarity": "NO_MATCH", "validity": True})), ok("fraud"))
NV["approved-identity-not-possible"] = (form(approved(
    identityVerification={"similarity": "NOT_POSSIBLE", "validity": "true"})), ok("retry"))
NV["approved-handwritten-note-mismatch"] = (form(approved(
    identityVerification={"similarity": "MATCH", "validity": True, "handwrittenNoteMatches": "FALSE"})), ok("fraud"))
NV["approved-identity-undocumented-reason"] = (form(approved(
    identityVerification={"similarity": "MATCH", "validity": False, "reason": "DEEPFAKE_SUSPECTED",
                          "confidence": 0.93})), ok("unknown"))
NV["approved-but-scan-status-error"] = (form(approved(idScanStatus="ERROR")), ok("unknown"))
NV["approved-nv-masked-germany-id-card"] = (form(approved(
    idType="ID_CARD", idCountry="DEU", idNumber=None, idCheckMRZcode=None)),
    ok("approved", masked_by_provider=["idCheckMRZcode", "idNumber"]))
NV["approved-nv-masked-korea-id-card"] = (form(approved(
    idType="ID_CARD", idCountry="KOR", idNumber=None, idDob=None, idFirstName="N/A", idLastName="N/A")),
    ok("approved", masked_by_provider=["idNumber", "idDob"]))
NV["approved-unicode-and-plus"] = (form(approved(
    idFirstName="JOSÉ MARÍA", idLastName="MÜLLER-LÜDENSCHEIDT", idCountry="CHE", issuingPlace="Zürich",
    idAddress={"line1": "Bahnhofstrasse 1 + 3", "city": "Zürich", "country": "CHE"},
    merchantIdScanReference="a&b=c%d+e")), ok("approved"))
NV["approved-crlf-terminated"] = (form(approved()) + "\r\n", ok("approved"))
NV["fraud-2022-digital-manipulation"] = (form(denied("DENIED_FRAUD", {
    "rejectReasonCode": "114", "rejectReasonDescription": "DIGITAL_MANIPULATION"}, idType="ID_CARD", idCountry="FRA")),
    ok("fraud"))
NV["fraud-code-as-number-details-object"] = (form(denied("DENIED_FRAUD", {
    "rejectReasonCode": 100, "rejectReasonDescription": "MANIPULATED_DOCUMENT",
    "rejectReasonDetails": {"detailsCode": "10011", "detailsDescription": "PLACE_OF_BIRTH"}})), ok("fraud"))
NV["not-readable-details-single-object"] = (form(denied("ERROR_NOT_READABLE_ID", {
    "rejectReasonCode": "200", "rejectReasonDescription": "NOT_READABLE_DOCUMENT",
    "rejectReasonDetails": {"detailsCode": "2001", "detailsDescription": "BLURRED"}})), ok("retry"))
NV["not-readable-2022-missing-front-glare"] = (form(denied("ERROR_NOT_READABLE_ID", {
    "rejectReasonCode": "214", "rejectReasonDescription": "MISSING_FRONT",
    "rejectReasonDetails": [{"detailsCode": "2006", "detailsDescription": "GLARE"},
                            {"detailsCode": "2007", "detailsDescription": "MISSING_MANDATORY_DATAPOINTS"}]})),
    ok("retry"))
NV["not-readable-photocopy"] = (form(denied("ERROR_NOT_READABLE_ID", {
    "rejectReasonCode": "102", "rejectReasonDescription": "PHOTOCOPY_BLACK_WHITE"}, idScanSource="WEB_CAM")),
    ok("retry"))
NV["denied-unsupported-id-type"] = (form(denied("DENIED_UNSUPPORTED_ID_TYPE", idType="ID_CARD",
                                                idCountry="USA")), ok("retry"))
NV["denied-unsupported-id-country"] = (form(denied("DENIED_UNSUPPORTED_ID_COUNTRY", idType="PASSPORT",
                                                   idCountry="XKX")), ok("retry"))
NV["no-id-uploaded"] = (form([("callBackType", "NETVERIFYID"), ("jumioIdScanReference", REF),
                              ("verificationStatus", "NO_ID_UPLOADED"), ("idScanStatus", "ERROR"),
                              ("idScanSource", "WEB"), *CHECKS_NA,
                              ("transactionDate", "2026-11-22T08:00:00.000Z"),
                              ("callbackDate", "2026-11-22T08:45:00.000Z")]), ok("no_id_uploaded"))
NV["undocumented-values-and-fields"] = (form(denied(
    "DENIED_REVIEW_REQUIRED", {"rejectReasonCode": "106", "rejectReasonDescription": "FAKE", "reviewer": "auto-7"},
    idScanSource="KIOSK", idType="RESIDENCE_CARD", idFaceMatch="97", additionalInformation="vip",
    idFaceLiveness="TRUE")), ok("fraud"))
NV["empty-values-are-absent"] = (form(approved(idNumber="", idDob="", idAddress="", identityVerification="",
                                               merchantIdScanReference="")), ok("approved"))
NV["liveness-images-bare-url"] = (form(approved(
    livenessImages="https://netverify.com/api/netverify/v2/scans/%s/images/liveness/1" % REF)), ok("approved"))
# Several bare URLs joined by commas are split where a URL scheme follows a comma;
# a comma inside a URL's path stays in it.
NV["liveness-images-comma-joined"] = (form(approved(
    livenessImages="https://netverify.com/api/netverify/v2/scans/%s/images/liveness/1, "
                   "https://netverify.com/api/netverify/v2/scans/%s/images/liveness/2,"
                   "https://netverify.com/img/a,b" % (REF, REF))), ok("approved"))

# Malformed Netverify bodies.
good = form(approved())
NV["bad-percent-encoding"] = (good.replace("idFirstName=MAX", "idFirstName=M%ZZAX"), err("bad_percent_encoding", "idFirstName"))
NV["bad-percent-encoding-truncated"] = (good + "&idLastName=MUSTER%4", err("bad_percent_encoding", "idLastName"))
NV["bad-percent-encoding-in-name"] = (good + "&id%GGName=1", err("bad_percent_encoding", "an undocumented field"))
NV["invalid-utf8"] = (good.replace("idLastName=MUSTERMANN", "idLastName=M%FF%FEller"), err("invalid_utf8", "idLastName"))
NV["invalid-json-syntax"] = (good + "&identityVerification=" + quote_plus('{"similarity":"MATCH",'), err("invalid_json", "identityVerification"))
NV["invalid-json-shape"] = (good + "&idAddress=" + quote_plus("[1,2,3]"), err("invalid_json", "idAddress"))
NV["invalid-validity-value"] = (good + "&identityVerification=" + quote_plus('{"similarity":"MATCH","validity":"MAYBE"}'), err("invalid_json", "identityVerification"))
NV["invalid-reject-reason-json"] = (form(denied("DENIED_FRAUD", "100 MANIPULATED_DOCUMENT")), err("invalid_json", "rejectReason"))
NV["duplicate-field"] = (good + "&verificationStatus=DENIED_FRAUD", err("duplicate_field", "verificationStatus"))
NV["duplicate-optional-field"] = (good + "&idNumber=P0000000", err("duplicate_field", "idNumber"))
NV["duplicate-unknown-field"] = (good + "&idFaceMatch=90&idFaceMatch=91", err("duplicate_field", "an undocumented field"))
NV["missing-scan-reference"] = (form([(k, v) for k, v in approved() if k != "jumioIdScanReference"]), err("missing_field", "jumioIdScanReference"))
NV["empty-verification-status"] = (good.replace("verificationStatus=APPROVED_VERIFIED", "verificationStatus="), err("missing_field", "verificationStatus"))
NV["invalid-date-of-birth"] = (good.replace("idDob=1985-06-14", "idDob=1985-13-45"), err("invalid_format", "idDob"))
NV["invalid-expiry-format"] = (good.replace("idExpiry=2030-06-13", "idExpiry=13.06.2030"), err("invalid_format", "idExpiry"))
NV["invalid-timestamp"] = (good.replace("callbackDate=2026-11-20T09%3A17%3A45.901Z", "callbackDate=yesterday"), err("invalid_format", "callbackDate"))
NV["invalid-country"] = (good.replace("idCountry=AUT", "idCountry=at"), err("invalid_format", "idCountry"))
NV["too-long-scan-reference"] = (good.replace(REF, REF + "-0"), err("too_long", "jumioIdScanReference"))
NV["too-long-personal-number"] = (good + "&personalNumber=123456789012345", err("too_long", "personalNumber"))
NV["body-too-large"] = (good + "&padding=" + "x" * (64 * 1024), err("body_too_large", None))

# Document Verification.
TX = {"customerId": "cust-4402", "date": "2026-11-23T10:00:01.250Z", "merchantScanReference": "kyc-55120",
      "source": "DOC_API", "status": "DONE", "clientIp": "198.51.100.7"}
DOCS = "https://retrieval.netverify.com/api/netverify/v2/documents/%s/pages/" % REF


def dv(document, **over):
    pairs = {"timestamp": "2026-11-23T10:05:44.001Z", "scanReference": REF, "transaction": TX}
    if document is not None:
        pairs["document"] = document
    pairs.update(over)
    return form([(k, v) for k, v in pairs.items() if v is not None])


DV["dv-bank-statement"] = (dv({"type": "BS", "country": "GBR", "status": "EXTRACTED", "images": DOCS + "1",
                               "originalDocument": "https://retrieval.netverify.com/api/netverify/v2/documents/%s/original" % REF,
                               "extractedData": {"name": "JANE DOE", "issueDate": "2026-10-31", "accountNumber": "31926819",
                                                 "swiftCode": "NWBKGB2L",
                                                 "address": {"line1": "1 Princes Street", "city": "London",
                                                             "postalCode": "EC2R 8AH", "countryCode": "GBR",
                                                             "subdivision": "Greater London"}}}), {})
DV["dv-credit-card"] = (dv({"type": "CC", "country": "USA", "status": "EXTRACTED", "images": [DOCS + "1", DOCS + "2"],
                            "extractedData": {"name": "JOHN Q PUBLIC", "pan": "4111111111111111",
                                              "expiryDate": "2029-08-31", "signatureAvailable": "false",
                                              "embossedLine": "JQP"}}), {})
DV["dv-custom-type-and-extra"] = (dv({"type": "CUSTOM", "customDocumentCode": "PROOF_OF_INCOME", "country": "CAN",
                                      "status": "UPLOADED", "images": [DOCS + "1"], "pageCount": 1},
                                     callbackVersion="3"), {})
DV["dv-failed"] = (dv(None, transaction={**TX, "status": "FAILED", "source": "DOC_SDK"}), {})
DV["dv-missing-transaction"] = (dv({"type": "UB", "country": "AUS", "status": "UPLOADED"}, transaction=None),
                                err("missing_field", "transaction"))
DV["dv-invalid-document-json"] = (dv(None) + "&document=" + quote_plus('{"type":"UB"'), err("invalid_json", "document"))
DV["dv-invalid-timestamp"] = (dv(None, timestamp="2026-11-23 10:05"), err("invalid_format", "timestamp"))
DV["dv-duplicate-scan-reference"] = (dv(None) + "&scanReference=" + REF, err("duplicate_field", "scanReference"))

manifest = []
SPEC = {"netverify/spec-approved": ok("approved"), "netverify/spec-fraud": ok("fraud"),
        "document/spec-uploaded": {}, "document/spec-extracted": {}, "document/spec-discarded": {}}
for name, expect in SPEC.items():
    kind = name.split("/")[0]
    manifest.append({"name": name, "kind": kind, "source": "spec", **({"expect": expect})})
for kind, table in (("netverify", NV), ("document", DV)):
    for name, (body, expect) in table.items():
        path = os.path.join(ROOT, kind, name + ".form")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(body)
        manifest.append({"name": kind + "/" + name, "kind": kind, "source": "hand-made", "expect": expect})
for entry in manifest:
    e = entry["expect"]
    if "error" not in e:
        e["json"] = entry["name"] + ".json"
        e["redacted"] = entry["name"] + ".redacted.json"
with open(os.path.join(ROOT, "manifest.json"), "w") as f:
    json.dump({"about": "Callback fixtures: every platform parses each body (<name>.form) and must produce "
                        "the golden JSON, the redacted golden JSON and the decision, or the error code and field.",
               "fixtures": manifest}, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(manifest), "fixtures")
