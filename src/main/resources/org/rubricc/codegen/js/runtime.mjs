// ---- rubricc JavaScript runtime: the same in every generated validator ----

/** An exact JSON number that a double cannot stand for (or whose written form matters): sign, digits, exponent. */
class Dec {
  constructor(neg, dg, ex, int) {
    this.neg = neg; // true for a negative number
    this.dg = dg; // significant digits, no leading or trailing zeros; "" for zero
    this.ex = ex; // value = dg * 10^ex
    this.int = int; // written without fraction or exponent (Jackson reads it as an integer)
  }
  valueOf() {
    return Number((this.neg ? "-" : "") + (this.dg || "0") + "e" + this.ex);
  }
}

/** A number token (JSON grammar) as a Dec. */
function decOf(text, int) {
  let i = 0, neg = false;
  if (text[0] === "-") { neg = true; i = 1; }
  let m = text.length, e = text.search(/[eE]/);
  let exp = 0;
  if (e >= 0) { exp = Number(text.slice(e + 1)); m = e; }
  let mant = text.slice(i, m), dot = mant.indexOf(".");
  if (dot >= 0) { exp -= mant.length - dot - 1; mant = mant.slice(0, dot) + mant.slice(dot + 1); }
  let a = 0, b = mant.length;
  while (a < b && mant.charCodeAt(a) === 48) a++;
  while (b > a && mant.charCodeAt(b - 1) === 48) { b--; exp++; }
  if (a === b) return new Dec(false, "", 0, int);
  return new Dec(neg, mant.slice(a, b), exp, int);
}

/** A JavaScript number as a Dec: what JSON.parse kept of the written number. */
function decOfNumber(v) {
  const int = Number.isInteger(v) && Math.abs(v) < 1e21;
  return decOf(int ? v.toFixed(0) : String(v), int);
}

const isNum = (v) => typeof v === "number" || v instanceof Dec;
const isStr = (v) => typeof v === "string";
const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Dec);

function decCmp(a, b) {
  const sa = a.dg === "" ? 0 : a.neg ? -1 : 1, sb = b.dg === "" ? 0 : b.neg ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const xa = a.ex + a.dg.length, xb = b.ex + b.dg.length;
  let c = xa < xb ? -1 : xa > xb ? 1 : a.dg < b.dg ? -1 : a.dg > b.dg ? 1 : 0;
  return sa < 0 ? -c : c;
}

/** Compares a number answer with a constant K = {d: Dec, n: double or null when the double is not exact}. */
function numCmp(v, k) {
  if (typeof v === "number" && k.n !== null) return v < k.n ? -1 : v > k.n ? 1 : 0;
  return decCmp(typeof v === "number" ? decOfNumber(v) : v, k.d);
}
const numEq = (v, k) => isNum(v) && numCmp(v, k) === 0;
/** Whether a multi-select answer (an array) includes a choice. */
const contains = (v, choice) => Array.isArray(v) && v.includes(choice);

/** BigDecimal.toString() of a Dec (scientific notation when Java uses it). */
function decString(d) {
  if (d.dg === "") return "0";
  const s = d.neg ? "-" : "", n = d.dg.length, adj = d.ex + n - 1;
  if (d.ex <= 0 && adj >= -6) return s + plainDigits(d.dg, d.ex);
  return s + d.dg[0] + (n > 1 ? "." + d.dg.slice(1) : "") + "E" + (adj >= 0 ? "+" : "-") + Math.abs(adj);
}
function plainDigits(dg, ex) {
  if (ex >= 0) return dg + "0".repeat(ex);
  const n = dg.length;
  return n > -ex ? dg.slice(0, n + ex) + "." + dg.slice(n + ex) : "0." + "0".repeat(-ex - n) + dg;
}
/** A number as messages show it (Phrases.number): plain unless more than 100 digits either side. */
function numPhrase(v) {
  const d = typeof v === "number" ? decOfNumber(v) : v;
  if (d.dg === "") return "0";
  if (d.dg.length + d.ex > 100 || -d.ex > 100) return decString(new Dec(d.neg, d.dg, d.ex, false));
  return (d.neg ? "-" : "") + plainDigits(d.dg, d.ex);
}
/** A number as Jackson writes a parsed one: integers as written, others normalised by BigDecimal. */
function numJson(v) {
  const d = typeof v === "number" ? decOfNumber(v) : v;
  if (d.int) return d.dg === "" ? "0" : (d.neg ? "-" : "") + d.dg + "0".repeat(d.ex);
  return decString(d);
}

/** Whether a number is in [min, max] and on the step: R = {min, max, step (K or null), places}. */
function inRange(v, r) {
  if (numCmp(v, r.min) < 0 || numCmp(v, r.max) > 0) return false;
  if (r.step === null) return true;
  const d = typeof v === "number" ? decOfNumber(v) : v;
  if (d.dg === "" ? false : -d.ex > r.places) return false;
  const big = (x) => (x.dg === "" ? 0n : (x.neg ? -1n : 1n) * BigInt(x.dg) * 10n ** BigInt(x.ex + r.places));
  return (big(d) - big(r.min.d)) % big(r.step.d) === 0n;
}

/** Length in Unicode code points, as Java's codePointCount and JSON Schema count it. */
function cpLen(s) {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

/** The keys of an object in the order they were written (readJson keeps it; integer-like keys defeat JS order). */
const KEYS = Symbol("rubricc.keys");
const keysOf = (o) => o[KEYS] || Object.keys(o);

const HEX = "0123456789ABCDEF";
/** A string as Jackson writes it in JSON. */
export function jsonString(s) {
  let out = '"', from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92) continue;
    out += s.slice(from, i);
    from = i + 1;
    if (c === 34) out += '\\"';
    else if (c === 92) out += "\\\\";
    else if (c === 8) out += "\\b";
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 12) out += "\\f";
    else if (c === 13) out += "\\r";
    else out += "\\u00" + HEX[c >> 4] + HEX[c & 15];
  }
  return out + s.slice(from) + '"';
}

/** A value as compact JSON, as Jackson writes a parsed tree. */
function jsonText(v) {
  if (v === null) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "boolean") return String(v);
  if (isNum(v)) return numJson(v);
  if (Array.isArray(v)) return "[" + v.map(jsonText).join(",") + "]";
  return "{" + keysOf(v).map((k) => jsonString(k) + ":" + jsonText(v[k])).join(",") + "}";
}
/** A submitted value in a message: compact JSON cut to 60 UTF-16 units. */
function describe(v) {
  const s = jsonText(v);
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}

const pointer = (parent, key) => parent + "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
const V = (path, code, message) => ({ path, code, message });

// ---- A strict JSON reader that gives Jackson's verdicts (and its words) on one line of UTF-8 ----

class JsonError extends Error {}
const LOC = "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: ";
const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const ID_START = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const ID_PART = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\p{Cf}\u0000-\u0008\u000e-\u001b\u007f-\u009f]/u;
const isIdStart = (c) => ID_START.test(String.fromCharCode(c));
const isIdPart = (c) => ID_PART.test(String.fromCharCode(c));

function charDesc(c) {
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return "(CTRL-CHAR, code " + c + ")";
  const ch = String.fromCharCode(c);
  if (c > 255) return "'" + ch + "' (code " + c + " / 0x" + c.toString(16) + ")";
  return "'" + ch + "' (code " + c + ")";
}

class Reader {
  constructor(b, start) {
    this.b = b;
    this.p = start;
    this.end = b.length;
    this.row = 1;
    this.rowStart = start;
    this.depth = 0;
  }
  fail(msg) {
    throw new JsonError(msg);
  }
  unexpected(c, why) {
    this.fail("Unexpected character (" + charDesc(c) + "): " + why);
  }
  eof(why) {
    this.fail("Unexpected end-of-input" + why);
  }
  /** Skips white space; -1 at the end. */
  ws() {
    const b = this.b;
    while (this.p < this.end) {
      const c = b[this.p];
      if (c > 0x20) {
        if (c === 0x2f) this.unexpected(c, "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
        return c;
      }
      this.p++;
      if (c === 0x20 || c === 0x09) continue;
      if (c === 0x0a) { this.row++; this.rowStart = this.p; continue; }
      if (c === 0x0d) {
        if (this.p < this.end && b[this.p] === 0x0a) this.p++;
        this.row++;
        this.rowStart = this.p;
        continue;
      }
      this.fail("Illegal character (" + charDesc(c) + "): only regular white space (\\r, \\n, \\t) is allowed between tokens"
        + (c === 0x1e ? " (consider enabling `JsonReadFeature.ALLOW_RS_CONTROL_CHAR` to allow use of Record Separators (\\u001E))" : ""));
    }
    return -1;
  }
  where(p) {
    return LOC + this.row + ", column: " + (p - this.rowStart + 1) + "]";
  }
  /** One UTF-8 character for an error message (Jackson's _decodeCharForError), as a UTF-16 unit. */
  charForError(c) {
    if (c < 0x80) return c;
    let need;
    if ((c & 0xe0) === 0xc0) { c &= 0x1f; need = 1; }
    else if ((c & 0xf0) === 0xe0) { c &= 0x0f; need = 2; }
    else if ((c & 0xf8) === 0xf0) { c &= 0x07; need = 3; }
    else this.fail("Invalid UTF-8 start byte 0x" + c.toString(16));
    for (let k = 0; k < need; k++) {
      if (this.p >= this.end) this.eof(" in character escape sequence");
      const d = this.b[this.p++];
      if ((d & 0xc0) !== 0x80) this.fail("Invalid UTF-8 middle byte 0x" + d.toString(16));
      c = (c << 6) | (d & 0x3f);
    }
    return c & 0xffff;
  }
  invalidToken(matched, what) {
    let s = matched;
    while (s.length < 256 && this.p < this.end) {
      const c = this.charForError(this.b[this.p++]);
      if (!isIdPart(c)) break;
      s += String.fromCharCode(c);
    }
    this.fail("Unrecognized token '" + s + "': was expecting " + what);
  }
  /** The whole line: one value, nothing after it. */
  line() {
    let c = this.ws();
    if (c < 0) return { empty: true };
    if (c === 0x5d || c === 0x7d) this.fail("Unexpected close marker '" + String.fromCharCode(c) + "': no open " + (c === 0x5d ? "Array" : "Object") + " to close");
    const v = this.value(c, true);
    c = this.ws();
    if (c >= 0) this.second(c);
    return { value: v };
  }
  /** What comes after the rating: Jackson reads one more token. */
  second(c) {
    const s = this.p;
    if (c === 0x5d || c === 0x7d) this.fail("Unexpected close marker '" + String.fromCharCode(c) + "': no open " + (c === 0x5d ? "Array" : "Object") + " to close");
    if (c === 0x22 || c === 0x5b || c === 0x7b) this.fail(MORE);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) { this.number(c, true); this.fail(MORE); }
    this.p = s;
    this.value(c, true);
    this.fail(MORE);
  }
  value(c, root) {
    const b = this.b;
    switch (c) {
      case 0x22: this.p++; return this.string(false);
      case 0x7b: return this.object();
      case 0x5b: return this.array();
      case 0x74: this.keyword("true", root); return true;
      case 0x66: this.keyword("false", root); return false;
      case 0x6e: this.keyword("null", root); return null;
      case 0x2d: case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: case 0x38: case 0x39:
        return this.number(c, root);
    }
    this.p++;
    switch (c) {
      case 0x5d: case 0x2c: case 0x7d:
        if (c !== 0x5d || this.inArray) this.unexpected(c, "expected a value");
        break;
      case 0x4e: this.nonNumeric("NaN", "N"); break;
      case 0x49: this.nonNumeric("Infinity", "I"); break;
      case 0x2b:
        if (this.p < this.end && b[this.p] >= 0x30 && b[this.p] <= 0x39) this.fail("Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow");
        this.nonNumeric("+Infinity", "+");
        break;
    }
    if (isIdStart(c)) this.invalidToken(String.fromCharCode(c), VALID_VALUES);
    this.unexpected(c, "expected a valid value " + VALID_VALUES);
  }
  nonNumeric(word, matched) {
    let i = matched.length;
    while (i < word.length && this.p < this.end && this.b[this.p] === word.charCodeAt(i)) { this.p++; i++; }
    if (i === word.length && this.p < this.end && isIdPart(this.charForErrorPeek())) this.invalidToken(word, VALID_VALUES);
    if (i === word.length) this.fail("Non-standard token '" + word + "': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
    this.invalidToken(word.slice(0, i), VALID_VALUES);
  }
  keyword(word, root) {
    this.p++;
    for (let i = 1; i < word.length; i++) {
      if (this.p >= this.end || this.b[this.p] !== word.charCodeAt(i)) this.invalidToken(word.slice(0, i), VALID_VALUES);
      this.p++;
    }
    if (this.p < this.end) {
      const c = this.b[this.p];
      if (c >= 0x30 && c !== 0x5d && c !== 0x7d) {
        const x = this.charForErrorPeek();
        if (isIdPart(x)) { this.invalidToken(word, VALID_VALUES); }
      }
    }
  }
  charForErrorPeek() {
    const s = this.p;
    const c = this.charForError(this.b[this.p++]);
    this.p = s;
    return c;
  }
  number(c, root) {
    const b = this.b, s = this.p;
    let int = true;
    if (c === 0x2d) {
      this.p++;
      if (this.p >= this.end) this.eof(" in a Number value");
      c = b[this.p];
      if (c === 0x49) { this.p++; this.nonNumeric("-Infinity", "-I"); }
      if (c < 0x30 || c > 0x39) this.fail("Unexpected character (" + charDesc(c) + ") in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value");
    }
    if (c === 0x30) {
      this.p++;
      if (this.p < this.end && b[this.p] >= 0x30 && b[this.p] <= 0x39) this.fail("Invalid numeric value: Leading zeroes not allowed");
    } else {
      while (this.p < this.end && b[this.p] >= 0x30 && b[this.p] <= 0x39) this.p++;
    }
    if (this.p < this.end && b[this.p] === 0x2e) {
      int = false;
      this.p++;
      const x = this.p < this.end ? b[this.p] : 0x2e;
      if (x < 0x30 || x > 0x39) this.fail("Unexpected character (" + charDesc(x) + ") in numeric value: Decimal point not followed by a digit");
      while (this.p < this.end && b[this.p] >= 0x30 && b[this.p] <= 0x39) this.p++;
    }
    if (this.p < this.end && (b[this.p] === 0x65 || b[this.p] === 0x45)) {
      int = false;
      this.p++;
      if (this.p < this.end && (b[this.p] === 0x2b || b[this.p] === 0x2d)) this.p++;
      const x = this.p < this.end ? b[this.p] : b[this.p - 1];
      if (x < 0x30 || x > 0x39) this.fail("Unexpected character (" + charDesc(x) + ") in numeric value: Exponent indicator not followed by a digit");
      while (this.p < this.end && b[this.p] >= 0x30 && b[this.p] <= 0x39) this.p++;
    }
    if (root && this.p < this.end) {
      const x = b[this.p];
      if (x !== 0x20 && x !== 0x09 && x !== 0x0d && x !== 0x0a) this.unexpected(x, "Expected space separating root-level values");
    }
    let text = "";
    for (let i = s; i < this.p; i++) text += String.fromCharCode(b[i]);
    if (int && this.p - s <= 15) return Number(text);
    return decOf(text, int);
  }
  /** A string after its opening quote. */
  string(name) {
    const b = this.b;
    let out = "", from = this.p;
    for (;;) {
      if (this.p >= this.end) this.eof(" in VALUE_STRING");
      let c = b[this.p];
      if (c === 0x22) {
        out += latin(b, from, this.p);
        this.p++;
        return out;
      }
      if (c === 0x5c || c < 0x20 || c >= 0x80) {
        out += latin(b, from, this.p);
        this.p++;
        if (c === 0x5c) out += this.escape(name);
        else if (c < 0x20) this.fail("Illegal unquoted character (" + charDesc(c) + "): has to be escaped using backslash to be included in " + (name ? "name" : "string value"));
        else out += this.utf8(c, name);
        from = this.p;
        continue;
      }
      this.p++;
    }
  }
  /** A field name after its opening quote: read to the closing quote, then decoded (as Jackson's addName does). */
  name() {
    const b = this.b;
    if (this.p >= this.end) this.eof(": was expecting closing '\"' for name");
    const bytes = [];
    for (;;) {
      if (this.p >= this.end) this.eof(" in field name");
      const c = b[this.p++];
      if (c === 0x22) break;
      if (c === 0x5c) {
        if (this.p >= this.end) this.eof(" in field name");
        let e = this.escape(true);
        // Surrogates in a name, as Jackson reads them: a high one must be followed by an escaped low one.
        const u = e.length === 1 ? e.charCodeAt(0) : 0;
        if (u >= 0xdc00 && u <= 0xdfff) this.fail("Unexpected low surrogate in field name: 0x" + u.toString(16));
        if (u >= 0xd800 && u <= 0xdbff) {
          if (this.p >= this.end) this.eof(" in field name");
          if (b[this.p] !== 0x5c) this.fail("Broken surrogate pair in field name: expected '\\' to start low surrogate, got 0x" + b[this.p].toString(16));
          this.p++;
          const lo = this.escape(true), l = lo.charCodeAt(0);
          if (lo.length !== 1 || l < 0xdc00 || l > 0xdfff) {
            this.fail("Broken surrogate pair in field name: expected low surrogate, got 0x" + l.toString(16).toUpperCase().padStart(4, "0"));
          }
          e += lo;
        }
        for (const x of encoder.encode(e)) bytes.push(x);
      } else if (c < 0x20) {
        this.fail("Illegal unquoted character (" + charDesc(c) + "): has to be escaped using backslash to be included in name");
      } else bytes.push(c);
    }
    let out = "";
    for (let i = 0; i < bytes.length;) {
      let c = bytes[i++];
      if (c < 0x80) { out += String.fromCharCode(c); continue; }
      let need;
      if ((c & 0xe0) === 0xc0) { c &= 0x1f; need = 1; }
      else if ((c & 0xf0) === 0xe0) { c &= 0x0f; need = 2; }
      else if ((c & 0xf8) === 0xf0) { c &= 0x07; need = 3; }
      else this.fail("Invalid UTF-8 start byte 0x" + c.toString(16));
      if (i + need > bytes.length) this.eof(" in field name");
      for (let k = 0; k < need; k++) {
        const d = bytes[i++];
        if ((d & 0xc0) !== 0x80) this.fail("Invalid UTF-8 middle byte 0x" + d.toString(16));
        c = (c << 6) | (d & 0x3f);
      }
      out += surrogates(c);
    }
    return out;
  }
  utf8(c, name) {
    let need, min;
    if ((c & 0xe0) === 0xc0) { c &= 0x1f; need = 1; }
    else if ((c & 0xf0) === 0xe0) { c &= 0x0f; need = 2; }
    else if ((c & 0xf8) === 0xf0) { c &= 0x07; need = 3; }
    else this.fail("Invalid UTF-8 start byte 0x" + c.toString(16));
    for (let k = 0; k < need; k++) {
      if (this.p >= this.end) this.eof(" in VALUE_STRING");
      const d = this.b[this.p++];
      if ((d & 0xc0) !== 0x80) this.fail("Invalid UTF-8 middle byte 0x" + d.toString(16));
      c = (c << 6) | (d & 0x3f);
    }
    return surrogates(c);
  }
  escape(name) {
    if (this.p >= this.end) this.eof(" in VALUE_STRING");
    const c = this.b[this.p++];
    switch (c) {
      case 0x62: return "\b";
      case 0x74: return "\t";
      case 0x6e: return "\n";
      case 0x66: return "\f";
      case 0x72: return "\r";
      case 0x22: case 0x2f: case 0x5c: return String.fromCharCode(c);
      case 0x75: {
        let v = 0;
        for (let k = 0; k < 4; k++) {
          if (this.p >= this.end) this.eof(" in VALUE_STRING");
          const h = this.b[this.p++];
          const d = h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x61 && h <= 0x66 ? h - 0x57 : h >= 0x41 && h <= 0x46 ? h - 0x37 : -1;
          if (d < 0) this.unexpected(h, "expected a hex-digit for character escape sequence");
          v = (v << 4) | d;
        }
        return String.fromCharCode(v);
      }
    }
    this.fail("Unrecognized character escape " + charDesc(this.charForErrorAt(c)));
  }
  charForErrorAt(c) {
    return this.charForError(c);
  }
  object() {
    const start = this.p, row = this.row, rowStart = this.rowStart;
    this.p++;
    this.enter();
    const wasArray = this.inArray;
    this.inArray = false;
    const o = {}, keys = [], seen = new Set();
    let c = this.ws();
    if (c === 0x7d) { this.p++; return this.leave(o, keys, wasArray); }
    let comma = false;
    for (;;) {
      if (c < 0) this.eof(": expected close marker for Object (start marker at " + LOC + row + ", column: " + (start - rowStart + 1) + "])");
      if (c === 0x5d && !comma) this.fail("Unexpected close marker ']': expected '}' (for Object starting at " + LOC + row + ", column: " + (start - rowStart + 1) + "])");
      if (c !== 0x22) {
        this.p++;
        this.unexpected(this.charForError(c), "was expecting double-quote to start field name");
      }
      this.p++;
      const k = this.name();
      if (seen.has(k)) this.fail("Duplicate field '" + k + "'");
      seen.add(k);
      c = this.ws();
      if (c < 0) this.eof(" within/between Object entries");
      if (c !== 0x3a) { this.p++; this.unexpected(c, "was expecting a colon to separate field name and value"); }
      this.p++;
      c = this.ws();
      if (c < 0) this.eof(" within/between Object entries");
      const v = this.value(c, false);
      keys.push(k);
      Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      c = this.ws();
      if (c === 0x7d) { this.p++; return this.leave(o, keys, wasArray); }
      comma = false;
      if (c < 0) continue;
      if (c === 0x5d) continue;
      if (c !== 0x2c) { this.p++; this.unexpected(c, "was expecting comma to separate Object entries"); }
      this.p++;
      comma = true;
      c = this.ws();
      if (c < 0) this.eof(" within/between Object entries");
    }
  }
  array() {
    const start = this.p, row = this.row, rowStart = this.rowStart;
    this.p++;
    this.enter();
    const wasArray = this.inArray;
    this.inArray = true;
    const a = [];
    let c = this.ws();
    if (c === 0x5d) { this.p++; this.depth--; this.inArray = wasArray; return a; }
    let comma = false;
    for (;;) {
      if (c < 0) this.eof(": expected close marker for Array (start marker at " + LOC + row + ", column: " + (start - rowStart + 1) + "])");
      if (c === 0x7d && !comma) this.fail("Unexpected close marker '}': expected ']' (for Array starting at " + LOC + row + ", column: " + (start - rowStart + 1) + "])");
      a.push(this.value(c, false));
      this.inArray = true;
      c = this.ws();
      if (c === 0x5d) { this.p++; this.depth--; this.inArray = wasArray; return a; }
      comma = false;
      if (c < 0 || c === 0x7d) continue;
      if (c !== 0x2c) { this.p++; this.unexpected(c, "was expecting comma to separate Array entries"); }
      this.p++;
      comma = true;
      c = this.ws();
      if (c < 0) this.eof(" within/between Array entries");
    }
  }
  enter() {
    if (++this.depth > 1000) this.fail("Document nesting depth (" + this.depth + ") exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
  }
  leave(o, keys, wasArray) {
    this.depth--;
    this.inArray = wasArray;
    Object.defineProperty(o, KEYS, { value: keys });
    return o;
  }
}
const MORE = "\u0000more";

/** A decoded code point as Java chars (Jackson splits anything above U+FFFF, even above U+10FFFF, into two). */
function surrogates(c) {
  if (c < 0x10000) return String.fromCharCode(c);
  c -= 0x10000;
  return String.fromCharCode((0xd800 | (c >> 10)) & 0xffff, 0xdc00 | (c & 0x3ff));
}

function latin(b, from, to) {
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

const encoder = new TextEncoder();

/** Jackson's guess of the encoding from the first bytes: null for UTF-8, else {text} or {error}. */
function utf16or32(b, s) {
  const n = b.length - s;
  if (n < 2) return null;
  if (n >= 4) {
    const q = ((b[s] << 24) | (b[s + 1] << 16) | (b[s + 2] << 8) | b[s + 3]) >>> 0;
    if (q === 0x0000feff || q === 0xfffe0000 || (q >>> 8) === 0xefbbbf) return null;
    if (q === 0x0000fffe) return { error: "Unsupported UCS-4 endianness (2143) detected" };
    if (q === 0xfeff0000) return { error: "Unsupported UCS-4 endianness (3412) detected" };
    if (q >>> 16 === 0xfeff) return { text: decode("utf-16be", b.subarray(s + 2)) };
    if (q >>> 16 === 0xfffe) return { text: decode("utf-16le", b.subarray(s + 2)) };
    if (q >>> 8 === 0 || (q & 0x00ffffff) === 0 || (q & 0xff00ffff) === 0 || (q & 0xffff00ff) === 0) return { wide32: true, error: null, text: null, ...utf32(b, s, q) };
  }
  const i16 = (b[s] << 8) | b[s + 1];
  if ((i16 & 0xff00) === 0) return { text: decode("utf-16be", b.subarray(s)) };
  if ((i16 & 0x00ff) === 0) return { text: decode("utf-16le", b.subarray(s)) };
  return null;
}
function utf32(b, s, q) {
  if ((q & 0xff00ffff) === 0) return { error: "Unsupported UCS-4 endianness (2143) detected" };
  if ((q & 0xffff00ff) === 0) return { error: "Unsupported UCS-4 endianness (3412) detected" };
  const be = q >>> 8 === 0;
  let text = "";
  for (let i = s; i + 3 < b.length; i += 4) {
    const c = be ? ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0 : ((b[i + 3] << 24) | (b[i + 2] << 16) | (b[i + 1] << 8) | b[i]) >>> 0;
    text += c <= 0x10ffff ? String.fromCodePoint(c) : "\ufffd";
  }
  return { text };
}
/**
 * Where the first ill-formed UTF-8 sequence of b[from .. end) starts, or -1: overlong forms, encoded surrogates,
 * code points above U+10FFFF, cut and stray continuation bytes (as rubricc's Utf8 checks before Jackson reads).
 */
function illFormedUtf8(b, from, end) {
  let i = from;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return i;
    if (end - i <= need) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}
function decode(enc, bytes) {
  return new TextDecoder(enc).decode(bytes);
}

/**
 * Reads one line of a JSON Lines file (bytes, or a string, which is read as its UTF-8) as rubricc does:
 * {value} or {error} with the words of rubricc's malformed-json messages.
 */
export function readJson(line, firstLine = false) {
  let b = typeof line === "string" ? encoder.encode(line) : line;
  if (b.length > 32 * 1024 * 1024) return { error: "the line is longer than 32 MiB" };
  let end = b.length;
  if (end > 0 && b[end - 1] === 0x0d) end--;
  let start = 0;
  if (firstLine && end >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
  let blank = true;
  for (let i = start; i < end; i++) if (b[i] !== 0x20 && b[i] !== 0x09) { blank = false; break; }
  if (blank) return { error: "an empty line is not a rating" };
  if (end !== b.length) b = b.subarray(0, end);
  const bad = illFormedUtf8(b, start, end);
  if (bad >= 0) return { error: "not valid JSON: ill-formed UTF-8 at byte " + (bad - start + 1) };
  const wide = utf16or32(b, start);
  if (wide !== null) {
    // Jackson takes these bytes for UTF-16 or UTF-32 text (README: its words may differ here).
    if (wide.error) return { error: "not valid JSON: " + wide.error };
    if (/^[ \t\r\n]*$/.test(wide.text)) return { error: "a rating must be a JSON object" };
    b = encoder.encode(wide.text);
    start = 0;
  }
  const r = new Reader(b, start);
  // Jackson skips a byte order mark of its own when it sees at least four bytes, and counts it in columns.
  if (end - start >= 4 && b[start] === 0xef && b[start + 1] === 0xbb && b[start + 2] === 0xbf) r.p += 3;
  try {
    const res = r.line();
    if (res.empty) return { error: "a rating must be a JSON object" };
    return { value: res.value };
  } catch (e) {
    if (!(e instanceof JsonError)) throw e;
    if (e.message === MORE) return { error: "more than one JSON value on the line" };
    return { error: "not valid JSON: " + e.message };
  }
}
