// Generates core/tests/fixtures/cards/npm-differential.json: the answers of
// the real npm packages `card-validator` and `credit-card-type` over a
// corpus (the packages' own published test inputs, generated numbers at the
// edges of every brand's ranges and lengths, partial prefixes, random
// digits), so the Rust tests can check scankit agrees with them.
//
// Run it outside the repository, where the packages are installed:
//   mkdir -p /tmp/cardnpm && cd /tmp/cardnpm && npm init -y >/dev/null
//   npm install card-validator credit-card-type
//   TZ=UTC node /path/to/scripts/gen_card_fixtures.mjs > /path/to/npm-differential.json
//
// Each case holds the packages' answer ("npm"). scankit adds three brands
// (rupay, uatp, dankort); the script adds them to `credit-card-type` with
// its own addCard/changeOrder and records the answer again. Where the two
// differ, the case gets a "scankit" answer and a "reason".
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "index.js"));
const validator = require("card-validator");
const creditCardType = require("credit-card-type");
const versions = {
  "card-validator": require("card-validator/package.json").version,
  "credit-card-type": require("credit-card-type/package.json").version,
};

// scankit's additions, as credit-card-type configurations.
const ADDITIONS = [
  {
    niceType: "RuPay",
    type: "rupay",
    patterns: [[508500, 508999], [606985, 607984], [608001, 608500], [652150, 653149]],
    gaps: [4, 8, 12],
    lengths: [16],
    code: { name: "CVV", size: 3 },
  },
  {
    niceType: "UATP",
    type: "uatp",
    patterns: [1],
    gaps: [4, 9],
    lengths: [15],
    code: { name: "CVV", size: 3 },
  },
  {
    niceType: "Dankort",
    type: "dankort",
    patterns: [[501900, 501999]],
    gaps: [4, 8, 12],
    lengths: [16],
    code: { name: "CVV", size: 3 },
  },
];
const REASONS = {
  rupay:
    "rupay: NPCI ranges 508500-508999, 606985-607984, 608001-608500, 652150-653149 are six digits long, longer than maestro's 6/56-59 and discover's 65 and as long as maestro's 506779-508999 (rupay is tried first); while fewer digits are typed rupay is an extra candidate",
  uatp:
    "uatp: prefix 1 (15 digits) names numbers starting with 1 that the packages give no brand; jcb's 1800 is longer and still wins; while 1, 18, 180 are typed uatp is an extra candidate beside jcb",
  dankort:
    "dankort: 501900-501999 is as long as maestro's 500000-504174 and dankort is tried first; while fewer digits are typed dankort is an extra candidate",
};

// Deterministic pseudo-random digits (xorshift32).
let seed = 0x2545f491;
function rnd(n) {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed % n;
}
function luhnCheckDigit(payload) {
  let sum = 0;
  let double = true;
  for (let i = payload.length - 1; i >= 0; i--) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}
function fill(prefix, len) {
  let s = prefix.slice(0, Math.max(0, len - 1));
  while (s.length < len - 1) s += String(rnd(10));
  return s + luhnCheckDigit(s);
}
function breakLuhn(num) {
  const last = num.charCodeAt(num.length - 1) - 48;
  return num.slice(0, -1) + String((last + 1) % 10);
}

// ---- corpus of card numbers ----
const inputs = new Set();
// The packages' published test inputs.
[
  "", "6", "60", "601", "6011", "4", "41", "411", "x", "123", "4012888888881881",
  "62123456789002", "621234567890003", "6288997715452584", "6282001509099283",
  "6269992058134322", "6240008631401148", "6221558812340000", "4111111111111111",
  "6011000990139424", "411111y", "41111111111111111111", "4111111111111112",
  "4111-1111-1111-1111", "4111 1111 1111 1111", "601 1 1 1  1 1 1 1   1 1 1 1 1 7",
  "6011111", "6011111111111117", "2", "27", "272", "2720", "55555555",
  "5555555555554444", "5555555555554446", "602011", "500000000000",
  "500000000000061", "5000000000000611", "5000000000000612", "500000000000000005",
  "5000000000000000005", "5000000000000000001", "50000000000000000009", "3782",
  "378282246310005", "1", "21", "3530111", "3530111333300000", "623456",
  "6212345678901232", "foo", "32908234", "6212345000000001",
  "4111 1111 1111 1111 110", "4111 1111 1111 1112",
  "4012888888881881", "4222222222222", "4462030000000000", "4484070000000000",
  "411111111111111111", "4111111111111111110", "431274", "451416", "457393",
  "401178", "401179", "438935", "457631", "457632", "4576321111111111",
  "5066991111111118", "504175", "6277809", "6277809990229178", "650033",
  "6500331111111111", "2221", "2222", "2223", "2224", "2225", "2226", "223", "2239",
  "23", "24", "25", "26", "270", "271", "506099", "506100", "506127", "506129",
  "506133", "506150", "506158", "506163", "506166", "506170", "506176", "506180",
  "506195", "507865", "507888", "507941", "5061001234567890123", "51", "52", "53",
  "54", "55", "5454545454545454", "34", "37", "341", "34343434343434",
  "371449635398431", "378734493671000", "30", "300", "36", "38", "39",
  "30569309025904", "38520000023237", "36700102000000", "36148900647913", "644",
  "645", "646", "647", "648", "649", "6011000400000000", "6221258812340000",
  "622018111111111111", "6212345678900000003", "56", "57", "58", "59", "67",
  "6304000000000000", "6799990100000000019", "62183", "35", "2131", "21312", "1800",
  "18002", "3566002020360505", "35308796121637357", "353445444300732639",
  "3537286818376838569", "6221260000000000", "6221260000000000000",
  "6222000000000000", "6228000000000000", "6229250000000000", "6229250000000000000",
  "6240000000000000", "6260000000000000000", "6282000000000000", "6289000000000000000",
  "8", "8100513433325374", "8111700872004845", "8141618644273338", "8158163233706018",
  "8168524506870054", "220", "2200", "2204", "22000000000000000", "22049999999999999",
  "6062820524845321", "6062820000", "6370950000000005", "637095", "637609", "637599",
  "637612", "637568", "63737423", "63743358", "43", "431", "4312", "43127", "45141",
  "45739", "40117", "43893", "45763", "50794", "6277", "62778", "63", "636", "6362",
  "63629", "637", "637374", "637433", "606", "627", "6062", "6370", "6376", "6375",
  "65", "655", "6550", "65502", "0", "12", "181", "1802", "221", "222099", "2721",
  "212", "2132", "306", "31", "32", "33", "7", "9", "6220558812340000",
  "2200000000000000", "5061001234567890", "305", "4111111",
].forEach((s) => inputs.add(s));

// Generated: every pattern's edges, at every length of its brand and one
// either side, Luhn-valid and not; and every prefix of the edges.
const allTypes = [...creditCardType("").map((c) => c), ...ADDITIONS];
for (const card of allTypes) {
  const lengths = [...card.lengths];
  const lens = new Set(lengths);
  lens.add(Math.min(...lengths) - 1);
  lens.add(Math.max(...lengths) + 1);
  for (const p of card.patterns) {
    const [lo, hi] = Array.isArray(p) ? p : [p, p];
    const edges = [lo, hi, lo - 1, hi + 1].map(String).filter((e) => e.length > 0 && e[0] !== "-");
    for (const e of edges) {
      for (let k = 1; k <= e.length; k++) inputs.add(e.slice(0, k));
      for (const len of lens) {
        if (len < e.length) continue;
        const n = fill(e, len);
        inputs.add(n);
        inputs.add(breakLuhn(n));
      }
    }
    // A few numbers inside the range.
    for (let i = 0; i < 3; i++) {
      const v = String(lo + rnd(hi - lo + 1));
      inputs.add(fill(v, lengths[rnd(lengths.length)]));
    }
  }
}
// Random digit strings, and numbers grouped as people type them.
for (let i = 0; i < 1500; i++) {
  const len = rnd(21);
  let s = "";
  for (let j = 0; j < len; j++) s += String(rnd(10));
  inputs.add(s);
  if (len >= 12) inputs.add(fill(s, len));
}
for (const n of ["4111111111111111", "378282246310005", "6011000990139424", "5019717010103742"]) {
  inputs.add(n.replace(/(\d{4})(?=\d)/g, "$1 "));
  inputs.add(n.replace(/(\d{4})(?=\d)/g, "$1-"));
  inputs.add(" " + n + "\t");
}
["4111x", "41.11", "4111_1111", "abc", "  ", "-", "4111/1111", "٤١١١"].forEach((s) => inputs.add(s));

function numberAnswer(input, options) {
  const v = validator.number(input, options);
  const stripped = input.replace(/-|\s/g, "");
  // card-validator looks no brand up for input that is not digits; neither
  // does scankit, so there are no candidates.
  const candidates = /^\d*$/.test(stripped) ? creditCardType(stripped).map((c) => c.type) : [];
  return {
    card: v.card ? v.card.type : null,
    candidates,
    potentially_valid: v.isPotentiallyValid,
    valid: v.isValid,
  };
}
const OPTION_SETS = [
  {},
  { maxLength: 16 },
  { luhnValidateUnionPay: true },
];
const numberCases = [];
for (const input of inputs) {
  for (const options of OPTION_SETS) {
    // Options only for a subset, to keep the file small.
    if (Object.keys(options).length > 0 && rnd(8) !== 0) continue;
    numberCases.push({ input, options, npm: numberAnswer(input, options) });
  }
}
// Again with scankit's additions, placed before maestro.
for (const add of ADDITIONS) creditCardType.addCard(add);
for (const add of ADDITIONS) {
  const maestroAt = creditCardType("").findIndex((c) => c.type === "maestro");
  creditCardType.changeOrder(add.type, maestroAt);
}
const extendedOrder = creditCardType("").map((c) => c.type);
for (const c of numberCases) {
  const ext = numberAnswer(c.input, c.options);
  if (JSON.stringify(ext) !== JSON.stringify(c.npm)) {
    const added = ADDITIONS.map((a) => a.type).filter(
      (t) => ext.candidates.includes(t) || ext.card === t
    );
    c.scankit = ext;
    c.reason = added.map((t) => REASONS[t]).join("; ") || "unexplained";
  }
}
creditCardType.resetModifications();

// ---- expiry dates, with a fixed "today" ----
const RealDate = Date;
function withToday(iso, fn) {
  const fixed = new RealDate(iso + "T12:00:00Z");
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed.getTime());
      else super(...args);
    }
    static now() {
      return fixed.getTime();
    }
  };
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}
const months = ["", "0", "1", "2", "9", "01", "06", "09", "10", "11", "12", "13", "00", "1a"];
const years = ["", "2", "20", "202", "203", "2026", "2019", "2020", "2021", "2038", "2039", "2040", "2045", "2046", "19", "21", "25", "26", "27", "38", "39", "40", "45", "46", "99", "3", "30", "300", "20261"];
const seps = ["/", " / ", " ", "", "-"];
const expiryInputs = new Set();
for (const m of months) for (const s of seps) for (const y of years) expiryInputs.add(m + s + y);
[
  "2026-11", "2026-1", "2030-12", "12/2025/1", "1 / 2030", " 12/30", "12/30 ", "12  30",
  "12 30 ", "ab/cd", "12/", "/", "/30", "1230", "12030", "122030", "0130", "130", "120",
  "109", "1", "13", "139", "12202", "112020", "\u00a012/30", "12\t30",
].forEach((s) => expiryInputs.add(s));
const expiryCases = [];
for (const today of ["2026-11-15", "2019-06-10", "2021-01-01", "2026-01-31"]) {
  for (const input of expiryInputs) {
    for (const max of [undefined, 5]) {
      if (max !== undefined && rnd(6) !== 0) continue;
      const v = withToday(today, () => validator.expirationDate(input, max));
      expiryCases.push({
        input,
        today,
        max_years_ahead: max ?? null,
        npm: {
          potentially_valid: v.isPotentiallyValid,
          valid: v.isValid,
          month: v.month,
          year: v.year,
        },
      });
    }
  }
}

// ---- security codes and names ----
const cvvCases = [];
for (const input of ["", "1", "12", "123", "1234", "12345", "12a", " 123", "000"]) {
  for (const sizes of [[3], [4], [3, 4], [5], []]) {
    const v = validator.cvv(input, sizes);
    cvvCases.push({ input, sizes, npm: { potentially_valid: v.isPotentiallyValid, valid: v.isValid } });
  }
}
const nameCases = [];
for (const input of ["", "J", "John Doe", "4111 1111", "123-456", "  ", "O'Brien-Smith", "a".repeat(255), "a".repeat(256), "é".repeat(255), "😀".repeat(128), "12 a"]) {
  const v = validator.cardholderName(input);
  nameCases.push({ input, npm: { potentially_valid: v.isPotentiallyValid, valid: v.isValid } });
}

const out = {
  generated_by: "scripts/gen_card_fixtures.mjs",
  packages: versions,
  node: process.version,
  scankit_additions: ADDITIONS.map((a) => ({ ...a, placed: "before maestro" })),
  extended_order: extendedOrder,
  number_cases: numberCases,
  expiry_cases: expiryCases,
  cvv_cases: cvvCases,
  name_cases: nameCases,
};
// One case a line: compact, yet diffs stay readable.
const lines = ["{"];
const keys = Object.keys(out);
keys.forEach((k, i) => {
  const v = out[k];
  const comma = i + 1 < keys.length ? "," : "";
  if (Array.isArray(v) && k.endsWith("_cases")) {
    lines.push(` ${JSON.stringify(k)}: [`);
    v.forEach((c, j) => lines.push(`  ${JSON.stringify(c)}${j + 1 < v.length ? "," : ""}`));
    lines.push(` ]${comma}`);
  } else {
    lines.push(` ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
  }
});
lines.push("}");
process.stdout.write(lines.join("\n") + "\n");
