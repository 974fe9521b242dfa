// Converts keyguard's rules (JavaScript regex source + flags, from dist/rules.json) into ripgrep patterns,
// so ripgrep can run the same rule set as one pattern file (`rg -f FILE`). Pure: test/bench checks it.
//
// ripgrep joins every pattern of the file into one alternation, so each converted pattern must stand on its
// own inside that big regex:
//   - named groups lose their names (PCRE2 rejects two groups of one name, and every rule may call its
//     capture the same thing);
//   - back-references become relative (`\g{-n}`), because absolute group numbers shift once patterns are joined;
//   - the `i` flag becomes a scoped group `(?i:…)` so it cannot leak into the next pattern.
// The rest maps JavaScript (non-`u` mode) syntax onto PCRE2 where the two read the same text differently.

/** Escapes that mean the same in JavaScript and PCRE2 (outside and inside classes). */
const SHARED_ESCAPES = new Set([...'dDwWsSbBnrtf0']);

/**
 * One rg pattern line for a rule's `pattern` and `flags`. Throws for constructs that cannot be
 * expressed as a self-contained pattern (a back-reference to a group that is opened later).
 */
export function jsToRgPattern(source, flags = '') {
  const names = captureGroupNames(source);
  let out = '';
  let opened = 0; // capture groups started so far: the base of relative back-references
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const { text, length } = convertEscape(source, i, { inClass, opened, names });
      out += text;
      i += length - 1;
    } else if (inClass) {
      if (char === ']') inClass = false;
      // A bare `[` inside a JS class is literal; in PCRE2 `[:` would start a POSIX class.
      out += char === '[' ? '\\[' : char;
    } else if (char === '[') {
      const { text, length, open } = convertClassStart(source, i);
      out += text;
      i += length - 1;
      inClass = open;
    } else if (char === '(') {
      const { text, length, capturing } = convertGroupStart(source, i);
      out += text;
      i += length - 1;
      if (capturing) opened++;
    } else {
      out += char;
    }
  }
  return flags.includes('i') ? `(?i:${out})` : out;
}

/** Map of group name -> group number, for `\k<name>`. Numbers count every capturing `(`, named or not. */
function captureGroupNames(source) {
  const names = new Map();
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') {
      const group = convertGroupStart(source, i);
      if (!group.capturing) continue;
      count++;
      if (group.name) names.set(group.name, count);
    }
  }
  return names;
}

/** `[` outside a class: JS `[]` never matches and `[^]` matches anything; PCRE2 reads both differently. */
function convertClassStart(source, i) {
  if (source.startsWith('[]', i)) return { text: '(?!)', length: 2, open: false };
  if (source.startsWith('[^]', i)) return { text: '[\\s\\S]', length: 3, open: false };
  if (source.startsWith('[^', i)) return { text: '[^', length: 2, open: true };
  return { text: '[', length: 1, open: true };
}

function convertGroupStart(source, i) {
  const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
  if (named) return { text: '(', length: named[0].length, capturing: true, name: named[1] };
  // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` are written the same in PCRE2.
  if (source[i + 1] === '?') return { text: '(?', length: 2, capturing: false };
  return { text: '(', length: 1, capturing: true };
}

function convertEscape(source, i, { inClass, opened, names }) {
  const next = source[i + 1];
  if (next === undefined) throw new Error('pattern ends with a lone backslash');
  if (!inClass && /[1-9]/.test(next)) {
    const digits = /^[0-9]+/.exec(source.slice(i + 1))[0];
    return { text: relativeBackReference(Number(digits), opened), length: 1 + digits.length };
  }
  if (!inClass && next === 'k') {
    const named = /^k<([^>]+)>/.exec(source.slice(i + 1));
    if (named && names.has(named[1])) {
      return { text: relativeBackReference(names.get(named[1]), opened), length: 1 + named[0].length };
    }
  }
  if (next === 'u' && /^u[0-9A-Fa-f]{4}/.test(source.slice(i + 1))) {
    return { text: codePointAsBytes(parseInt(source.slice(i + 2, i + 6), 16), inClass), length: 6 };
  }
  if (next === 'x' && /^x[0-9A-Fa-f]{2}/.test(source.slice(i + 1))) return { text: source.slice(i, i + 4), length: 4 };
  if (next === 'c' && /^c[A-Za-z]/.test(source.slice(i + 1))) return { text: source.slice(i, i + 3), length: 3 };
  // JS `\v` is one character (vertical tab); PCRE2's `\v` is the class of all vertical white space.
  if (next === 'v') return { text: '\\x0b', length: 2 };
  if (SHARED_ESCAPES.has(next)) return { text: `\\${next}`, length: 2 };
  // Any other escaped letter is an identity escape in JS (`\e` is "e") but has a meaning in PCRE2 (`\e` is ESC).
  if (/[A-Za-z]/.test(next)) return { text: next, length: 2 };
  // Escaped punctuation (`\/`, `\.`, `\-`) is a literal in both.
  return { text: `\\${next}`, length: 2 };
}

/**
 * rg runs PCRE2 in byte mode (--no-unicode), where `\x{2026}` does not compile: a non-ASCII character
 * becomes the UTF-8 bytes it has in the files. A class cannot hold a byte sequence, so such a rule is left out.
 */
function codePointAsBytes(codePoint, inClass) {
  if (codePoint < 0x80) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (inClass) throw new Error(`non-ASCII character U+${codePoint.toString(16).toUpperCase()} inside a class`);
  return [...Buffer.from(String.fromCodePoint(codePoint), 'utf8')].map((byte) => `\\x${byte.toString(16)}`).join('');
}

function relativeBackReference(group, opened) {
  if (group > opened) throw new Error(`back-reference to group ${group} before the group opens`);
  return `\\g{-${opened - group + 1}}`;
}

/**
 * Removes the look-behinds of variable length (`(?<=key\w*)`, `(?<!pre[_-]?)`), which JavaScript accepts
 * but PCRE2 before 10.43 cannot compile. Dropping an assertion only loosens the pattern: rg then matches
 * a superset of what the rule matches, and still runs every other part of it.
 */
export function relaxVariableLookbehinds(pattern) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    let end = i; // last index of the token that starts at i: copied whole, so nothing inside it is misread
    if (pattern[i] === '\\') end = i + 1;
    else if (pattern[i] === '[') end = closingBracket(pattern, i);
    else if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
      end = closingParen(pattern, i);
      if (hasVariableLength(pattern.slice(i + 4, end))) {
        i = end;
        continue;
      }
    }
    out += pattern.slice(i, end + 1);
    i = end;
  }
  return out;
}

/** Index of the `]` closing the class that opens at `start` (a `]` right after `[` or `[^` is literal). */
function closingBracket(pattern, start) {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  throw new Error(`unclosed [ at ${start}`);
}

/** Index of the `)` closing the group that opens at `start`. */
function closingParen(pattern, start) {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') i = closingBracket(pattern, i);
    else if (pattern[i] === '(') depth++;
    else if (pattern[i] === ')' && --depth === 0) return i;
  }
  throw new Error(`unclosed ( at ${start}`);
}

/**
 * True when a look-behind body can match texts of different lengths: it has a quantifier other than
 * `{n}`, or an alternation below its top level (PCRE2 allows top-level branches of different fixed lengths).
 */
function hasVariableLength(body) {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') i++;
    else if (char === '[') i = closingBracket(body, i);
    else if (char === '(') {
      depth++;
      if (body[i + 1] === '?') i++; // `(?` opens a group; that `?` is no quantifier
    } else if (char === ')') depth--;
    else if (char === '*' || char === '+' || char === '?') return true;
    else if (char === '|' && depth > 0) return true;
    else if (char === '{') {
      const range = /^\{(\d+),(\d*)\}/.exec(body.slice(i));
      if (range && range[1] !== range[2]) return true;
    }
  }
  return false;
}

/**
 * The rg pattern file for a list of rule definitions. `rejects(pattern)` asks ripgrep whether it can
 * compile a pattern (null if it can, else its error). Patterns it rejects are retried with their
 * variable-length look-behinds removed; the rules that still fail are left out and listed with why.
 */
export function rulesToPatternFile(rules, rejects) {
  const lines = [];
  const relaxed = [];
  const skipped = [];
  for (const rule of rules) {
    let pattern;
    try {
      pattern = jsToRgPattern(rule.pattern, rule.flags ?? '');
    } catch (error) {
      skipped.push({ id: rule.id, reason: error.message });
      continue;
    }
    const error = rejects(pattern);
    if (error === null) {
      lines.push(pattern);
      continue;
    }
    const loose = relaxVariableLookbehinds(pattern);
    if (loose !== pattern && rejects(loose) === null) {
      lines.push(loose);
      relaxed.push(rule.id);
    } else {
      skipped.push({ id: rule.id, reason: error });
    }
  }
  return { text: `${lines.join('\n')}\n`, count: lines.length, relaxed, skipped };
}
