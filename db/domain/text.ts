/**
 * Which characters a text field may hold. Never accepted: control characters (NUL, escape, DEL,
 * C1), the line and paragraph separators, bidi embeddings, overrides and isolates (they make text
 * display in another order than it is stored: a name or note could read as something else), and
 * lone surrogates (half a character, which no font draws and exports cannot encode). Tabs and line
 * breaks are accepted in multi-line fields (notes, reasons) only.
 */
const NEVER = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF';

// With the u flag a well-formed pair (an emoji) is one code point outside D800–DFFF; only a lone
// surrogate matches.
const REFUSED_IN_MULTI_LINE = new RegExp(`[${NEVER}]`, 'u');
const REFUSED_IN_SINGLE_LINE = new RegExp(`[\\t\\n\\r${NEVER}]`, 'u');

/** A name, an e-mail address, a password: one line without control characters. */
export function isSingleLineText(text: string): boolean {
  return !REFUSED_IN_SINGLE_LINE.test(text);
}

/** A note or a reason: tabs and line breaks are fine, other control characters are not. */
export function isMultiLineText(text: string): boolean {
  return !REFUSED_IN_MULTI_LINE.test(text);
}
