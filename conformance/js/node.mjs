// The Node platform: `node conformance/js/node.mjs CASES OUT`, over the npm
// package as Node loads it (bindings-wasm/npm, entry points node.js and
// retrieval-node.js).
import { readFileSync, writeFileSync } from 'node:fs';
import * as sk from '../../bindings-wasm/npm/node.js';
import * as rt from '../../bindings-wasm/npm/retrieval-node.js';
import { runCases, parseCases, formatAnswers } from './cases.mjs';

const [casesPath, outPath] = process.argv.slice(2);
if (!casesPath || !outPath) {
  console.error('usage: node conformance/js/node.mjs CASES OUT');
  process.exit(2);
}
const answers = runCases(sk, rt, parseCases(readFileSync(casesPath, 'utf8')));
writeFileSync(outPath, formatAnswers(answers));
console.log(`node: ${answers.length} answers in ${outPath}`);
