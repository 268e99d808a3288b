// Browser and bundler entry point of `scankit/retrieval` (for pages that
// reach the API through their own server: never put API secrets in a page).
import init from './wasm/scankit_retrieval.js';

await init();

export * from './retrieval-api.js';
