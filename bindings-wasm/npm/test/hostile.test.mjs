// The hostile corpus (core/tests/fixtures/hostile/callbacks.json, written by
// scripts/make_hostile_fixtures.py) through the npm package's public API:
// nothing planted may be readable in what the package documents as safe to
// show: the redacted copy (redact(), parse with { redact: true }) however it
// is printed, the decision, and errors (message, stack, field, code). The
// parsed object itself is a plain object holding every field (README), so
// it is not checked. The Node twin of core/tests/redaction_hostile.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import * as sk from 'scankit';
import { readJson } from './fixtures.js';

const corpus = readJson('hostile/callbacks.json');
const entries = corpus.entries;

/** The first planted value readable in `shown`: names compared case-blind,
 * card numbers also with spaces and dashes taken out of `shown`. */
function leak(shown, planted) {
  const lower = shown.toLowerCase();
  const squeezed = shown.replace(/[ -]/g, '');
  return planted.find((p) => (/^[0-9]+$/.test(p) ? squeezed.includes(p) : lower.includes(p)));
}

function shownOfResult(kind, body, cb) {
  const parse = kind === 'netverify' ? sk.parseCallback : sk.parseDocumentCallback;
  const red = sk.redact(cb);
  const out = [];
  for (const [how, r] of [['redact(cb)', red], ['parse(body, { redact: true })', parse(body, { redact: true })]]) {
    out.push(
      [`JSON.stringify(${how})`, JSON.stringify(r)],
      [`String(${how})`, String(r)],
      [`\`\${${how}}\``, `${r}`],
      [`inspect(${how})`, inspect(r, { depth: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity })],
    );
  }
  assert.deepStrictEqual(parse(body, { redact: true }), red, 'both ways of redacting agree');
  if (kind === 'netverify') {
    const d = sk.decision(cb);
    out.push(
      ['decision(cb).reason', d.reason],
      ['decision(cb).outcome', d.outcome],
      ['JSON.stringify(decision(cb))', JSON.stringify(d)],
      ['inspect(decision(cb))', inspect(d)],
    );
  }
  return out;
}

function shownOfError(e) {
  return [
    ['e.message', String(e.message)],
    ['e.stack', String(e.stack)],
    ['String(e)', String(e)],
    ['e.field', String(e.field)],
    ['e.code', String(e.code)],
    ['e.name', String(e.name)],
    ['inspect(e)', inspect(e)],
    ['JSON.stringify(e)', JSON.stringify(e)],
  ];
}

test('nothing planted in the hostile corpus is readable', () => {
  assert.ok(entries.length >= 240, `${entries.length} entries`);
  let parsed = 0;
  let refused = 0;
  const leaks = [];
  for (const { name, kind, body, planted } of entries) {
    assert.ok(planted.length > 0, `${name}: nothing planted`);
    assert.ok(kind === 'netverify' || kind === 'document', name);
    const parse = kind === 'netverify' ? sk.parseCallback : sk.parseDocumentCallback;
    let shown;
    for (const input of [body, new TextEncoder().encode(body)]) {
      let cb;
      try {
        cb = parse(input);
      } catch (e) {
        assert.ok(sk.isCallbackParseError(e), `${name}: ${e?.name} ${e?.code}`);
        if (typeof input === 'string') refused++;
        shown = shownOfError(e);
        // Parsing with redact: true refuses the same body the same way.
        try {
          parse(input, { redact: true });
          leaks.push(`${name}: parse with redact accepted a body parse refused`);
        } catch (e2) {
          shown.push(...shownOfError(e2).map(([what, text]) => [`redact: true ${what}`, text]));
        }
      }
      if (cb !== undefined) {
        if (typeof input === 'string') {
          parsed++;
          // The planted value is really in the parsed result or the body: the
          // check cannot pass by accident.
          const unredacted = JSON.stringify(cb);
          if (!unredacted.includes('[field-')) {
            assert.ok(leak(unredacted + body, planted), `${name}: not planted`);
          }
        }
        shown = shownOfResult(kind, input, cb);
      }
      for (const [what, text] of shown) {
        const p = leak(text, planted);
        if (p !== undefined) {
          leaks.push(`${name} (${typeof input === 'string' ? 'string' : 'bytes'}): ${p} readable in ${what}: ${text}`);
        }
      }
    }
  }
  assert.deepStrictEqual(leaks, [], `${leaks.length} leaks:\n${leaks.join('\n\n')}`);
  // Both paths are exercised: redaction and error messages.
  assert.ok(parsed > 150 && refused > 20, `${parsed} parsed, ${refused} refused`);
});
