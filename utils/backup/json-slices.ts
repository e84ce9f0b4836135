/**
 * Reading a big JSON backup without one long JSON.parse: a scanner finds the top-level "entries" array and the text
 * span of each element, in time slices with yields; the rest of the document (profile, settings) is parsed on its
 * own with the array emptied, and each entry is parsed when it is checked. A 25 MB file (100,000 days) then costs
 * many short tasks instead of one that freezes the page for about a second.
 *
 * The scanner only tracks strings (with backslash escapes) and bracket depth; anything it does not expect (no
 * top-level object, no "entries" array, two "entries" keys, unbalanced brackets) returns null and the caller falls
 * back to JSON.parse of the whole text, which also gives the precise syntax error.
 */
export interface SplitJson {
  /** The document with its "entries" array replaced by []. */
  envelope: string;
  /** [start, end) of each element of "entries" in the original text. */
  spans: Array<[number, number]>;
}

const SLICE_CHARS = 1 << 20;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Index just after the closing quote of the string starting at `start` (a quote), or -1. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return -1;
    let backslashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

export async function splitEntries(text: string, pause: () => Promise<void>): Promise<SplitJson | null> {
  const n = text.length;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== OPEN_BRACE) return null;
  let depth = 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  let elementStart = -1;
  const spans: Array<[number, number]> = [];
  let nextPause = SLICE_CHARS;
  let expectKey = false;
  while (i < n) {
    if (i >= nextPause) {
      await pause();
      nextPause = i + SLICE_CHARS;
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = endOfString(text, i);
      if (end === -1) return null;
      if (depth === 1 && expectKey && text.slice(i, end) === '"entries"') {
        let j = end;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) !== COLON) return null;
        j++;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) !== OPEN_BRACKET || arrayStart !== -1) return null;
        arrayStart = j;
        elementStart = j + 1;
        depth = 2;
        i = j + 1;
        expectKey = false;
        continue;
      }
      expectKey = false;
      i = end;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      expectKey = c === OPEN_BRACE && depth === 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2 && arrayStart !== -1 && arrayEnd === -1 && c === CLOSE_BRACKET) {
        const slice = text.slice(elementStart, i);
        if (slice.trim() !== '' || spans.length > 0) spans.push([elementStart, i]);
        arrayEnd = i;
        depth = 1;
        i++;
        continue;
      }
      depth--;
      if (depth < 0) return null;
    } else if (c === COMMA) {
      if (depth === 2 && arrayStart !== -1 && arrayEnd === -1) {
        spans.push([elementStart, i]);
        elementStart = i + 1;
      } else if (depth === 1) expectKey = true;
    }
    i++;
  }
  if (depth !== 0 || arrayStart === -1 || arrayEnd === -1) return null;
  return { envelope: `${text.slice(0, arrayStart)}[]${text.slice(arrayEnd + 1)}`, spans };
}
