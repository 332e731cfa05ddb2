/** Text decoded from a file's bytes, or why it could not be. */
export type DecodedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * Decodes a text file that must be UTF-8: a byte-order mark is accepted and dropped; UTF-16 (by
 * its byte-order mark, or the zero bytes of mostly-ASCII UTF-16) is named as such; any other
 * invalid byte sequence is refused with its line, rather than silently becoming U+FFFD.
 * Callers turn a failure into their own error (ConfigError for a sweep file, DataError for data).
 */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksLikeUtf16(bytes)) {
    return {
      ok: false,
      reason: 'it is UTF-16 text; save it as UTF-8 (most editors offer "UTF-8" when saving)',
    };
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: false, reason: `line ${invalidLine(body)} is not valid UTF-8; save the file as UTF-8` };
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** ASCII text stored as UTF-16 has a zero byte in every other position. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return false;
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  return zeros >= sample.length / 4;
}

/** The 1-based line holding the first invalid UTF-8 sequence. */
function invalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}
