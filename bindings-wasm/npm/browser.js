// Browser and bundler entry point: fetches and compiles the module next to
// this file (bundlers resolve the `new URL(..., import.meta.url)` in the glue).
import init from './wasm/scankit_wasm.js';

await init();

export * from './api.js';
