// Node entry point: loads the module synchronously from the package folder.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/scankit_wasm.js';

initSync({ module: readFileSync(new URL('./wasm/scankit_wasm_bg.wasm', import.meta.url)) });

export * from './api.js';
