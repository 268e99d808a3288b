// Node entry point of `scankit/retrieval`.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/scankit_retrieval.js';

initSync({ module: readFileSync(new URL('./wasm/scankit_retrieval_bg.wasm', import.meta.url)) });

export * from './retrieval-api.js';
