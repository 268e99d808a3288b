// Reads the JSON text of `src/exact.rs`: integers beyond 2^53, which
// JSON.parse would round, arrive as marked strings and become BigInt;
// escaped strings get their own text back. Every other value is JSON.parse's.
const MARK = '\u0000';

function revive(_key, value) {
  if (typeof value !== 'string' || !value.startsWith(MARK)) return value;
  if (value.startsWith(`${MARK}n:`)) return BigInt(value.slice(3));
  return value.slice(3);
}

/** JSON.parse for models that may hold integers beyond Number.MAX_SAFE_INTEGER. */
export function parseExact(text) {
  // The marker is a control character, so the JSON text holds it escaped.
  return text.includes('\\u0000') ? JSON.parse(text, revive) : JSON.parse(text);
}
