/**
 * Characters that change how text around them is shown without being seen themselves (issue 9 §6):
 * bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), bidi marks (U+200E/200F,
 * U+061C), zero-width space/joiners/word joiner and invisible operators (U+200B–200D, U+2060–2064)
 * and the BOM (U+FEFF). A plate or a name that reads differently from what is stored misleads staff.
 * Refused in every text field.
 */
export const INVISIBLE_FORMATTING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Line and paragraph separators (CR, LF, NEL, U+2028/2029) and tab: refused in single-line fields. */
export const LINE_BREAKS = /[\t\n\r\u0085\u2028\u2029]/;

/** Multi-line text keeps LF only: CRLF and lone CR become LF. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
