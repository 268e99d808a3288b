import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../../core/tests/fixtures/', import.meta.url));
export const readJson = (rel) => JSON.parse(readFileSync(FIXTURES + rel, 'utf8'));
export const readBytes = (rel) => new Uint8Array(readFileSync(FIXTURES + rel));
