// The model declarations of retrieval.d.ts checked against what the package
// really returns: every fixture of core/tests/fixtures/retrieval/manifest.json
// is decoded with decodeRetrievalResponse (plain and, where there is one, the
// redacted form), and every member of the result, nested ones too, must be a
// member its declared interface names, with a value of the declared type, or
// one of the undeclared members listed below (admitted by an index signature).
//
// No TS parser: the test reads retrieval.d.ts as text and understands only the
// small grammar its models are written in (`name?: T;` members, an index
// signature `[field: string]: unknown;`, `extends`; types string, number,
// boolean, bigint, unknown, 'literal', T[], A | B, Open<...>, JsonString<T>,
// aliases and interfaces). Anything else in a model is an error here, so the
// declarations cannot drift out of what is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeRetrievalResponse } from 'scankit/retrieval';
import { readJson, readBytes } from './fixtures.js';

const declarations = (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/^\s*\/\/.*$/gm, '');
const DTS = declarations('retrieval.d.ts');
// Value types retrieval.d.ts imports from index.d.ts (the callback's, shared with it).
const INDEX_DTS = declarations('index.d.ts');

const camel = (snake) => snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
// Every model has a redacted form.
const REDACTABLE = { has: () => true };

// ---- The declarations ------------------------------------------------------------

/** `type Name = body;` (non-generic aliases; Open and JsonString are built in). */
const ALIASES = new Map();
for (const src of [INDEX_DTS, DTS]) {
  for (const m of src.matchAll(/^(?:export )?type (\w+) = ([^;]+);/gm)) ALIASES.set(m[1], m[2].trim());
}

/** The body of `interface name`, by matching braces. */
function interfaceSource(name) {
  const head = new RegExp(`^(?:export )?interface ${name}(?: extends ([\\w, ]+))? \\{`, 'm').exec(DTS);
  if (!head) return undefined;
  let depth = 1;
  let i = head.index + head[0].length;
  const start = i;
  for (; depth > 0; i++) {
    if (DTS[i] === '{') depth++;
    else if (DTS[i] === '}') depth--;
  }
  return { parents: head[1] ? head[1].split(',').map((p) => p.trim()) : [], body: DTS.slice(start, i - 1) };
}

const INTERFACES = new Map();
/** `{ members: Map<name, { type, optional }>, open }`, inherited members included. */
function iface(name) {
  if (INTERFACES.has(name)) return INTERFACES.get(name);
  const src = interfaceSource(name);
  if (!src) return undefined;
  const members = new Map();
  let open = false;
  for (const parent of src.parents) {
    const p = iface(parent);
    assert.ok(p, `${name} extends ${parent}, which is not an interface of retrieval.d.ts`);
    for (const [k, v] of p.members) members.set(k, v);
    open ||= p.open;
  }
  for (const raw of src.body.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (/^\[\w+: string\]: unknown;$/.test(line)) {
      open = true;
      continue;
    }
    const m = /^(\w+)(\??): (.+);$/.exec(line);
    assert.ok(m, `retrieval.d.ts, interface ${name}: a line this test does not read: ${line}`);
    members.set(m[1], { type: m[3], optional: m[2] === '?' });
  }
  const found = { members, open };
  INTERFACES.set(name, found);
  return found;
}

/** The top-level alternatives of a union. */
function alternatives(type) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const c of type) {
    if ('<([{'.includes(c)) depth++;
    else if ('>)]}'.includes(c)) depth--;
    if (c === '|' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out.filter((a) => a !== '');
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v) => (typeof v === 'bigint' ? `${v}n` : JSON.stringify(v));

// ---- The check --------------------------------------------------------------------

/**
 * What `value` at `path` (the value of member `owner`) breaks of `type`:
 * `errors` (empty if it conforms), `undeclared` (`Interface.member`, admitted
 * by an index signature only), `undocumented` (`Interface.member=value`, a
 * string outside an Open's documented values) and `seen` (`Interface.member`
 * present).
 */
function check(value, type, path, owner = type) {
  const alts = alternatives(type);
  let best;
  for (const alt of alts) {
    const r = checkOne(value, alt, path, owner);
    if (r.errors.length === 0) return r;
    best ??= r;
  }
  if (alts.length > 1) return { ...empty(), errors: [`${path}: ${show(value)} is none of ${type}`] };
  return best;
}

function empty() {
  return { errors: [], undeclared: [], undocumented: [], seen: [] };
}

function merge(into, r) {
  for (const k of Object.keys(into)) into[k].push(...r[k]);
  return into;
}

function fail(path, value, type) {
  return { ...empty(), errors: [`${path}: ${show(value)} is not ${type}`] };
}

function checkOne(value, type, path, owner) {
  if (type === 'unknown') return empty();
  if (['string', 'number', 'boolean', 'bigint'].includes(type)) {
    return typeof value === type ? empty() : fail(path, value, type);
  }
  if (/^'[^']*'$/.test(type)) return value === type.slice(1, -1) ? empty() : fail(path, value, type);
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return fail(path, value, type);
    let element = type.slice(0, -2);
    if (element.startsWith('(') && element.endsWith(')')) element = element.slice(1, -1);
    return value.reduce((acc, v, i) => merge(acc, check(v, element, `${path}[${i}]`, owner)), empty());
  }
  let m = /^Open<(.+)>$/s.exec(type);
  if (m) {
    if (typeof value !== 'string') return fail(path, value, type);
    const documented = literals(m[1]);
    const r = empty();
    if (!documented.has(value)) r.undocumented.push(`${owner}=${value}`);
    return r;
  }
  m = /^JsonString<(\w+)>$/.exec(type);
  if (m) {
    if (typeof value !== 'string') return fail(path, value, type);
    let parsed;
    try {
      parsed = JSON.parse(value);
    } catch {
      return fail(path, value, type);
    }
    return check(parsed, m[1], `${path}(parsed)`, owner);
  }
  if (ALIASES.has(type)) return check(value, ALIASES.get(type), path, owner);
  const i = iface(type);
  assert.ok(i, `retrieval.d.ts: a type this test does not read: ${type} (at ${path})`);
  if (!isObject(value)) return fail(path, value, type);
  const r = empty();
  for (const [name, member] of i.members) {
    if (!member.optional && !(name in value)) r.errors.push(`${path}: missing ${type}.${name}`);
  }
  for (const [key, v] of Object.entries(value)) {
    const member = i.members.get(key);
    if (member) {
      r.seen.push(`${type}.${key}`);
      merge(r, check(v, member.type, `${path}.${key}`, `${type}.${key}`));
    } else if (i.open) {
      r.undeclared.push(`${type}.${key}`);
    } else {
      r.errors.push(`${path}.${key}: not a member of ${type}`);
    }
  }
  return r;
}

/** The documented values of an Open<...>: its literals, through aliases. */
function literals(type) {
  const out = new Set();
  for (const alt of alternatives(type)) {
    if (/^'[^']*'$/.test(alt)) out.add(alt.slice(1, -1));
    else if (ALIASES.has(alt)) for (const v of literals(ALIASES.get(alt))) out.add(v);
    else assert.fail(`retrieval.d.ts: Open<${type}>: not a literal: ${alt}`);
  }
  return out;
}

/** The declared type of each model, by the name `decodeRetrievalResponse` takes. */
const MODELS = iface('RetrievalModels').members;

/** Every `Interface.member` reachable from the models. */
function declared() {
  const out = new Set();
  const visit = (type) => {
    for (const alt of alternatives(type)) {
      const bare = alt.replace(/\[\]$/, '').replace(/^JsonString<(\w+)>$/, '$1');
      if (!/^\w+$/.test(bare) || ALIASES.has(bare) || !iface(bare)) continue;
      for (const [name, member] of iface(bare).members) {
        const key = `${bare}.${name}`;
        if (out.has(key)) continue;
        out.add(key);
        visit(member.type);
      }
    }
  };
  for (const { type } of MODELS.values()) visit(type);
  return out;
}

function decodeAndCheck(model, body, label, redact) {
  const { type } = MODELS.get(model) ?? assert.fail(`${label}: no model ${model} in RetrievalModels`);
  const decoded = decodeRetrievalResponse(model, body, redact ? { redact: true } : undefined);
  const r = check(decoded, type, `${label}${redact ? ' (redacted)' : ''}: ${type}`);
  assert.deepEqual(r.errors, [], `${label}: the package returned what retrieval.d.ts does not declare`);
  if (redact) {
    // Redaction renames undocumented members `[field-N]`: those, and only those, are undeclared.
    const placeholder = /\.\[field-\d+\]$/;
    assert.ok(r.undeclared.every((k) => placeholder.test(k)), `${label}: ${r.undeclared}`);
    r.undeclared = [];
    // ... and undocumented values are withheld (or kept where their shape is
    // documented, as the plain answer has them).
    r.undocumented = r.undocumented.filter((v) => !v.endsWith('=[redacted]'));
  }
  return r;
}

const sorted = (xs) => [...new Set(xs)].sort();

// ---- The fixtures -----------------------------------------------------------------

// The members the fixtures send that the spec does not list (hand-made on
// purpose): kept by the core, admitted only by an index signature.
const UNDECLARED = [
  'DvExtractedFields.futureField',
  'Facemap.format',
  'IdentityVerification.score',
  'ScanDetails.newTopLevel',
  'ScanDocument.futureField',
  'ScanTransaction.futureField',
  'ScanVerification.futureCheck',
];

// Values outside the documented ones of an Open<...>, kept as sent.
const UNDOCUMENTED = [
  'ScanDocument.status=NEW_STATUS',
  'ScanDocument.type=RESIDENCE_CARD',
  'ScanTransaction.source=WEB-CAM',
  'ScanTransaction.status=ARCHIVED',
  'ScanVerification.mrzCheck=PARTIAL',
];

test('every retrieval fixture decodes to what retrieval.d.ts declares', (t) => {
  const { fixtures } = readJson('retrieval/manifest.json');
  assert.ok(fixtures.length >= 40);
  const all = empty();
  for (const { file, model } of fixtures) {
    const name = camel(model);
    const body = readBytes(`retrieval/${file}`);
    merge(all, decodeAndCheck(name, body, file, false));
    if (REDACTABLE.has(name)) merge(all, decodeAndCheck(name, body, file, true));
  }
  assert.deepEqual(sorted(all.undeclared), UNDECLARED,
    'members the fixtures return outside the declared ones (declare them, or list them here if undocumented)');
  assert.deepEqual(sorted(all.undocumented), UNDOCUMENTED,
    'values outside the documented ones of an Open<...> (declare them, or list them here if undocumented)');
  const unseen = [...declared()].filter((k) => !all.seen.includes(k));
  t.diagnostic(`declared members no fixture returns (${unseen.length}): ${unseen.join(', ')}`);
});

// ---- Every declared member ----------------------------------------------------------

// Bodies, written from the specs' field tables, that together send every
// member the fixtures leave out, so that each declared member is one the core
// really returns, with a value of the declared type.
const FULL = [
  ['scanDetails', {
    timestamp: '2024-05-01T10:00:00.000Z',
    scanReference: 'r',
    document: {
      status: 'APPROVED_VERIFIED', type: 'ID_CARD', idSubtype: 'NATIONAL_ID', issuingCountry: 'MEX',
      firstName: 'JANE', lastName: 'DOE', dob: '1990-01-01', expiry: '2030-01-01', issuingDate: '2020-01-01',
      number: 123456789, usState: 'OH', personalNumber: 'P1', optionalData1: 'O1', optionalData2: 'O2',
      address: {
        city: 'C', stateCode: 'US-OH', province: 'P', streetName: 'MAIN', streetSuffix: 'ST',
        streetDirection: 'E', streetNumber: '1', unitDesignator: 'APT', unitNumber: '2', unitDetails: 'U',
        zip: '43004', zipExtension: '1234', postalCode: '1010', line1: 'L1', line2: 'L2', line3: 'L3',
        line4: 'L4', line5: 'L5', formattedAddress: 'L1, C', country: 'USA',
      },
      issuingAuthority: 'IA', issuingPlace: 'IP', curp: 'CURP', gender: 'F', nationality: 'MEX',
      placeOfBirth: 'PB', taxNumber: 'T', cpf: 'CPF', registrationNumber: 'RN', mothersName: 'M',
      fathersName: 'F', personalIdentificationNumber: 'PIN', rgNumber: 'RG', voterIdNumber: 'V',
      issuingNumber: 'IN',
      expiryDateParts: { year: 2030, month: '01', day: '01' },
      dateOfBirthParts: { year: '1990', month: '01', day: '01' },
      issuingDateParts: { year: '2020' },
    },
    transaction: {
      status: 'DONE', source: 'SDK', date: '2024-05-01T10:00:00.000Z', clientIp: '192.0.2.1',
      customerId: 'C', merchantScanReference: 'M', merchantReportingCriteria: 'R',
    },
    verification: {
      mrzCheck: 'OK',
      rejectReason: {
        rejectReasonCode: 100, rejectReasonDescription: 'MANIPULATED_DOCUMENT',
        rejectReasonDetails: { detailsCode: '1001', detailsDescription: 'PHOTO' },
      },
      identityVerification: { similarity: 'NO_MATCH', validity: 'FALSE', reason: 'BAD_QUALITY', handwrittenNoteMatches: 'TRUE' },
      additionalChecks: {
        addressValidation: { searchResults: 'CHECK_NOT_DONE', searchResponse: 'TECHNICAL_ERROR' },
        proofOfResidency: { searchResults: 'NEGATIVE_RESULT' },
        watchlistScreening: { searchDecision: 'NO_HIT' },
        faceSearchFindings: { status: 'DONE', findings: 'r0' },
        personalNumberValidation: { searchResults: 'CHECK_NOT_DONE', searchReason: 'TECHNICAL_ERROR' },
      },
    },
    facemap: { classifier: 'facemap', href: 'https://example.invalid/facemap' },
  }],
  ['dvDetails', {
    timestamp: '2024-05-01T10:00:00.000Z',
    scanReference: 'r',
    document: {
      status: 'EXTRACTED', type: 'CUSTOM', country: 'USA', originalDocument: 'https://example.invalid/original',
      customDocumentCode: 'MY_DOC',
      extractedData: {
        signatureAvailable: 'true', ssn: '123-45-6789', firstName: 'JANE', lastName: 'DOE',
        extractedData: JSON.stringify({
          addressFormat: 'RAW', line1: 'L1', line2: 'L2', countryCode: 'USA', postalCode: '12345', city: 'C',
          subdivision: 'OH', firstName: 'JANE', lastName: 'DOE', ssn: '123-45-6789', signaturePresent: 'true',
          accountNumber: 123456789, swiftCode: 'ABCDUS33', issueDate: '2024-01-01', expiryDate: '01/27',
          pan: 4111111111111111,
        }),
      },
    },
    transaction: {
      date: '2024-05-01T10:00:00.000Z', status: 'DONE', source: 'DOC_API', merchantScanReference: 'M',
      customerId: 'C', merchantReportingCriteria: 'R', clientIp: '192.0.2.1',
    },
  }],
  ['dvTransaction', {
    timestamp: '2024-05-01T10:00:00.000Z', scanReference: 'r', date: '2024-05-01T10:00:00.000Z',
    status: 'FAILED', source: 'DOC_SDK', merchantScanReference: 'M', customerId: 'C',
    merchantReportingCriteria: 'R', clientIp: '192.0.2.1',
  }],
];

test('every member retrieval.d.ts declares is one the core returns, as declared', () => {
  const { fixtures } = readJson('retrieval/manifest.json');
  const all = empty();
  for (const { file, model } of fixtures) {
    merge(all, decodeAndCheck(camel(model), readBytes(`retrieval/${file}`), file, false));
  }
  for (const [model, body] of FULL) {
    const r = decodeAndCheck(model, JSON.stringify(body), `full ${model}`, false);
    assert.deepEqual(r.undeclared, [], `full ${model}: members the core kept as undeclared`);
    assert.deepEqual(r.undocumented, [], `full ${model}: values outside the documented ones`);
    merge(all, r);
    if (REDACTABLE.has(model)) merge(all, decodeAndCheck(model, JSON.stringify(body), `full ${model}`, true));
  }
  const unseen = [...declared()].filter((k) => !all.seen.includes(k));
  assert.deepEqual(unseen, [], 'declared members that neither a fixture nor a full body returns');
});
