#!/usr/bin/env python3
"""Writes core/tests/fixtures/hostile/callbacks.json: callback bodies with a
card number or a made-up name planted in every field, in every member of the
JSON-valued fields, and in field and member names. Every platform's tests
check that nothing planted survives redaction, decisions, error messages and
Debug/repr/toString; `scankit-conformance cases` turns each body into a case
so that all platforms must also agree on it. Run from the repository root.
"""
import json
from urllib.parse import quote_plus

from fixture_form import form

OUT = "core/tests/fixtures/hostile/callbacks.json"
REF = "7a1c9b2e-4f3d-4c8a-9e21-5b6d7f8a9c0d"
IMG = "https://netverify.com/recognition/v1/idscan/" + REF
DOCS = "https://retrieval.netverify.com/api/netverify/v2/documents/%s/pages/" % REF

# What is planted, and what must never be seen again (compared case-blind,
# and for card numbers also with spaces and dashes taken out of the output).
PANS = {"4111111111111111": "4111111111111111", "5555 5555 5555 4444": "5555555555554444",
        "3782-822463-10005": "378282246310005"}
NAMES = {"ZEBULON": "zebulon", "Zebulon Quackenbush": "quackenbush"}
PAN, SPACED, NAME, FULL = "4111111111111111", "5555 5555 5555 4444", "ZEBULON", "Zebulon Quackenbush"


def secrets(value):
    out = []
    for planted, seen in {**PANS, **NAMES}.items():
        if planted in value:
            out.append(seen)
    return out


NV_BASE = [
    ("callBackType", "NETVERIFYID"), ("jumioIdScanReference", REF), ("verificationStatus", "APPROVED_VERIFIED"),
    ("idScanStatus", "SUCCESS"), ("idScanSource", "WEB_UPLOAD"), ("idCheckDataPositions", "OK"),
    ("idCheckDocumentValidation", "OK"), ("idCheckHologram", "OK"), ("idCheckMRZcode", "OK"),
    ("idCheckMicroprint", "OK"), ("idCheckSecurityFeatures", "OK"), ("idCheckSignature", "OK"),
    ("transactionDate", "2026-11-20T09:15:02.123Z"), ("callbackDate", "2026-11-20T09:17:45.901Z"),
    ("identityVerification", {"similarity": "MATCH", "validity": True}), ("idType", "PASSPORT"),
    ("idSubtype", "E_PASSPORT"), ("idCountry", "AUT"), ("idScanImage", IMG + "/front"),
    ("idScanImageFace", IMG + "/face"), ("idScanImageBackside", IMG + "/back"), ("idNumber", "P4366918"),
    ("idFirstName", "MAX"), ("idLastName", "MUSTERMANN"), ("idDob", "1985-06-14"), ("idExpiry", "2030-06-13"),
    ("idUsState", "OH"), ("personalNumber", "N/A"),
    ("idAddress", {"city": "Columbus", "stateCode": "US-OH", "streetName": "Main", "zip": "43004",
                   "country": "USA"}),
    ("merchantIdScanReference", "order-18734"), ("merchantReportingCriteria", "campaign-7"),
    ("customerId", "cust-4402"), ("clientIp", "203.0.113.42"), ("firstAttemptDate", "2026-11-20T09:10:00.000Z"),
    ("optionalData1", "X1"), ("optionalData2", "X2"), ("dni", "12345678Z"), ("curp", "ABCD850614HDFRRN09"),
    ("gender", "M"), ("presetCountry", "AUT"), ("presetIdType", "PASSPORT"), ("dlCarPermission", "YES"),
    ("dlCategories", [{"category": "B", "issueDate": "2015-03-02", "expiryDate": "2030-03-01",
                       "isReadable": False, "availability": "yes"}]),
    ("nationality", "AUT"), ("passportNumber", "P123456"), ("durationOfStay", "90"), ("numberOfEntries", "M"),
    ("visaCategory", "B1/B2"), ("originDob", "1985/06/14"), ("issuingAuthority", "Landratsamt"),
    ("issuingDate", "2015-03-02"), ("issuingPlace", "Wien"),
    ("livenessImages", [IMG + "/liveness/1", IMG + "/liveness/2"]),
]
REJECT = {"rejectReasonCode": "100", "rejectReasonDescription": "MANIPULATED_DOCUMENT",
          "rejectReasonDetails": [{"detailsCode": "1001", "detailsDescription": "PHOTO"}]}

TX = {"customerId": "cust-4402", "date": "2026-11-23T10:00:01.250Z", "merchantScanReference": "kyc-55120",
      "source": "DOC_API", "status": "DONE", "clientIp": "198.51.100.7", "merchantReportingCriteria": "q4-7"}
DOC = {"type": "CCS", "country": "GBR", "status": "EXTRACTED", "images": [DOCS + "1"],
       "originalDocument": DOCS + "pdf", "customDocumentCode": "PROOF_OF_INCOME",
       "extractedData": {"firstName": "JANE", "lastName": "ROE", "name": "JANE ROE", "accountNumber": "12345678",
                         "pan": "4000056655665556", "issueDate": "2026-01-02", "expiryDate": "2029-08-31",
                         "dueDate": "2026-02-01", "ssn": "123-45-6789", "signatureAvailable": "true",
                         "swiftCode": "DEUTDEFF", "cardNumberLastFourDigits": "5556",
                         "address": {"line1": "1 Princes Street", "line2": "Floor 2", "line3": "x", "line4": "y",
                                     "line5": "z", "countryCode": "GBR", "postalCode": "EC2R 8AH",
                                     "city": "London", "subdivision": "LND"}}}
DV_BASE = [("timestamp", "2026-11-23T10:05:44.001Z"), ("scanReference", REF), ("transaction", TX),
           ("document", DOC)]

entries = []


def add(kind, name, pairs_or_body, planted):
    body = pairs_or_body if isinstance(pairs_or_body, str) else form(pairs_or_body)
    entries.append({"name": "%s/%s" % (kind, name), "kind": kind, "body": body, "planted": sorted(set(planted))})


def with_field(base, field, value):
    pairs = [(k, value if k == field else v) for k, v in base]
    if field not in dict(base):
        pairs.append((field, value))
    return pairs


def json_variants(obj, path=""):
    """Every (path, copy with one member replaced) of a JSON value, members of nested objects included."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            here = path + "." + k if path else k
            if isinstance(v, (dict, list)):
                for p, inner in json_variants(v, here):
                    yield p, {**obj, k: inner}
            else:
                for value in (PAN, NAME):
                    yield here + "=" + slug(value), {**obj, k: value}
        yield (path or "root") + ".extra-value", {**obj, "undocumentedMember": FULL + " " + SPACED}
        yield (path or "root") + ".extra-name", {**obj, "pan_" + PAN: "x", NAME + "@mail.example": "y"}
    elif isinstance(obj, list) and obj:
        for p, inner in json_variants(obj[0], path + "[0]"):
            yield p, [inner] + obj[1:]
        for value in (PAN, FULL):
            yield path + "[]=" + slug(value), obj + [value]


def slug(value):
    return "pan" if any(c.isdigit() for c in value) else "name"


def planted_in(obj):
    text = json.dumps(obj, ensure_ascii=False)
    return [seen for planted, seen in {**PANS, **NAMES}.items() if planted in text] + \
        (["zebulon"] if "ZEBULON@" in text else [])


def callbacks(kind, base, json_fields):
    for field, value in base:
        if field in json_fields:
            for path, variant in json_variants(value):
                add(kind, field + "." + path, with_field(base, field, variant), planted_in(variant))
        else:
            for v in (PAN, NAME):
                add(kind, "%s=%s" % (field, slug(v)), with_field(base, field, v), secrets(v))
    for name, pairs in (
        ("name-pan", base + [("pan_" + PAN, "x")]),
        ("name-email", base + [(NAME + "@mail.example", "1")]),
        ("name-spaced-pan", base + [(SPACED, FULL)]),
    ):
        add(kind, "field-" + name, pairs, planted_in(pairs))
    good = form(base)
    raw_bodies = {
        "duplicate-email-name": good + "&ZEBULON%40mail.example=1&ZEBULON%40mail.example=2",
        "duplicate-pan-name": good + "&pan_4111111111111111=1&pan_4111111111111111=2",
        "bad-percent-in-name": good + "&ZEBULON%ZZ4111111111111111=1",
        "bad-utf8-in-name": good + "&4111111111111111%FF=1",
        "bad-percent-in-value": good + "&note=4111111111111111%ZZ",
        "value-with-pan-and-name": good + "&note=" + quote_plus(FULL + " " + SPACED),
    }
    stamp = "transactionDate" if kind == "netverify" else "timestamp"
    raw_bodies["timestamp-fraction-pan"] = form(with_field(base, stamp, "2026-11-20T09:15:02.4111111111111111Z"))
    for name, body in raw_bodies.items():
        add(kind, name, body, ["4111111111111111"] + (["zebulon"] if "ZEBULON" in body else [])
            + (["quackenbush", "5555555555554444"] if "Quackenbush" in body else []))


callbacks("netverify", NV_BASE, {"identityVerification", "idAddress", "dlCategories", "livenessImages"})
# rejectReason comes with a denial; planted in every member too.
denied = with_field([(k, v) for k, v in NV_BASE if k != "identityVerification"], "verificationStatus",
                    "DENIED_FRAUD") + [("rejectReason", REJECT)]
for path, variant in json_variants(REJECT):
    add("netverify", "rejectReason." + path, with_field(denied, "rejectReason", variant), planted_in(variant))
callbacks("document", DV_BASE, {"transaction", "document"})

with open(OUT, "w", encoding="utf-8") as f:
    json.dump({"about": "Hostile callback bodies (scripts/make_hostile_fixtures.py): no string in `planted` may "
                        "appear in a redacted result, a decision, an error message or Debug/repr/toString, "
                        "compared case-blind, card numbers also with spaces and dashes removed from the output.",
               "entries": entries}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(entries), "hostile bodies")
