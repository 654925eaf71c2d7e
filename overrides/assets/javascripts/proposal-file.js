/*
 * The sheet file of the contribution form, written as `retex new` + filling would
 * write it: the keys in the schema's order (that of the template), the body's sections
 * under their headings. No DOM here: the tests call these functions directly.
 *
 * The YAML is written so that it parses back (PyYAML, libyaml, YAML 1.1 and 1.2) to
 * exactly the text typed:
 *  - a plain scalar only for a text that starts with a letter (or « ), holds no line
 *    break, no « : » before a space or at the end, no « # » after a space, no control or
 *    line-separator character, no surrounding space, and is not a word that YAML reads
 *    as a boolean or null (yes, no, on, off, true, false, null, y, n); in a flow list
 *    (`[a, b]`) it also holds none of , [ ] { } : # ;
 *  - a long text on one line as `>-` (the style of the published sheets), on several
 *    lines as `|-`, when every line can be kept as is (no leading or trailing space,
 *    no blank line at either end, no tab or control character);
 *  - everything else in double quotes with JSON's escapes, plus \uXXXX for the
 *    characters YAML reads as line breaks or byte-order marks (U+0085, U+2028,
 *    U+2029, U+FEFF) and for DEL and the C1 controls;
 *  - the title and dates always in double quotes, as the template writes them.
 */

// Letters that Unicode decomposition does not turn into ASCII (hooks/retex/slugs.py).
var LIGATURES = { "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss" };

var dropped = { folds: null, re: null };

// The characters to drop before decomposing: every non-ASCII one but those that Python
// folds to ASCII (`folds`, the ranges of hooks/retex/slugs.py's folding_ranges, in the
// page's data). The browser's Unicode database is not Python's: Chromium decomposes
// letters that Python 3.11 does not know yet, which would give another slug.
function droppedCharacters(folds) {
  if (dropped.folds !== folds) {
    var hex = function (code) { return "\\u{" + code.toString(16) + "}"; };
    var kept = folds.map(function (r) { return hex(r[0]) + "-" + hex(r[1]); }).join("");
    dropped = { folds: folds, re: new RegExp("[^\\u{0}-\\u{7f}" + kept + "]", "gu") };
  }
  return dropped.re;
}

/* The slug of a title: the same function as hooks/retex/slugs.py's slugify, given the
   characters that Python's Unicode database folds to ASCII (`config.slug_folds`). */
export function slugify(text, folds) {
  return String(text)
    .replace(/[œŒæÆß]/g, function (c) { return LIGATURES[c]; })
    .replace(/[\u2019\u2018\u02bc`]/g, "'")
    .replace(droppedCharacters(folds), "")
    .normalize("NFKD")
    .replace(/[^\x00-\x7f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

var RESERVED = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
var FIRST = /^[\p{L}«]/u;
// Characters that never go unquoted: controls (tab and line breaks included), DEL, C1,
// YAML's other line breaks, the byte-order mark, lone surrogates.
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;
var FLOW_INDICATORS = /[,[\]{}:#]/;

export function isPlain(text, flow) {
  if (typeof text !== "string" || !text || text !== text.trim()) return false;
  if (!FIRST.test(text) || RESERVED.test(text) || UNSAFE.test(text)) return false;
  if (/:(?:\s|$)/.test(text) || /\s#/.test(text)) return false;
  return !(flow && FLOW_INDICATORS.test(text));
}

export function quoted(text) {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    function (c) { return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"); });
}

// A text that a block scalar keeps as it is, line by line.
function blockable(text) {
  if (!text || UNSAFE.test(text.replace(/\n/g, ""))) return false;
  var lines = text.split("\n");
  if (/^\s/.test(lines[0])) return false;
  if (lines[lines.length - 1] === "") return false;
  return lines.every(function (line) { return line === "" || !/\s$/.test(line); }) &&
    !lines.some(function (line) { return /^\s+$/.test(line); });
}

function indentLines(text, indent) {
  return text.split("\n").map(function (line) { return line ? indent + line : ""; }).join("\n");
}

/* What follows « key: » for a text: " value", or a block on the next lines. */
function textValue(text, style, indent) {
  if (style === "quoted") return " " + quoted(text);
  if (style === "long" && blockable(text)) {
    return (text.indexOf("\n") >= 0 ? " |-\n" : " >-\n") + indentLines(text, indent + "  ");
  }
  if (text.indexOf("\n") >= 0 && blockable(text)) {
    return " |-\n" + indentLines(text, indent + "  ");
  }
  return " " + (isPlain(text, false) ? text : quoted(text));
}

function styleOf(control) {
  if (control.name === "title" || control.widget === "date") return "quoted";
  if (control.widget === "textarea") return "long";
  return "plain";
}

function flowItem(text) {
  return isPlain(text, true) ? text : quoted(text);
}

var FLOW_WIDTH = 88; // the template's width

function listLines(control, items, indent) {
  var key = indent + control.key + ":";
  if (!items.length) return [key + " []"];
  var flow = key + " [" + items.map(flowItem).join(", ") + "]";
  var alwaysFlow = control.widget === "checkboxes" || control.widget === "methods";
  var oneLine = items.every(function (i) { return i.indexOf("\n") < 0; });
  if (alwaysFlow || (control.widget === "rows" && oneLine && flow.length <= FLOW_WIDTH)) {
    return [flow];
  }
  var out = [key];
  items.forEach(function (item) {
    out.push(indent + "  -" + textValue(item, "plain", indent + "  "));
  });
  return out;
}

function scalarLines(control, value, indent, lead) {
  var prefix = (lead === undefined ? indent : lead) + control.key + ":";
  if (typeof value === "number") return [prefix + " " + String(value)];
  return [prefix + textValue(value, styleOf(control), indent)];
}

function groupLines(controls, value, indent, firstLead) {
  var out = [];
  controls.forEach(function (child) {
    if (!Object.prototype.hasOwnProperty.call(value, child.key)) return;
    var lead = out.length === 0 && firstLead !== undefined ? firstLead : indent;
    out = out.concat(controlLines(child, value[child.key], indent, lead));
  });
  return out;
}

function controlLines(control, value, indent, lead) {
  var widget = control.widget;
  if (widget === "group") {
    return [(lead === undefined ? indent : lead) + control.key + ":"]
      .concat(groupLines(control.children, value, indent + "  "));
  }
  if (widget === "rowgroups") {
    var out = [indent + control.key + ":"];
    value.forEach(function (row) {
      out = out.concat(groupLines(control.children, row, indent + "    ", indent + "  - "));
    });
    return out;
  }
  if (Array.isArray(value)) return listLines(control, value, indent);
  return scalarLines(control, value, indent, lead);
}

/* The front matter of a sheet: `data` holds only the keys given, in any order. */
export function frontMatter(controls, data) {
  var lines = ["---"];
  controls.forEach(function (control) {
    if (Object.prototype.hasOwnProperty.call(data, control.key)) {
      lines = lines.concat(controlLines(control, data[control.key], ""));
    }
  });
  lines.push("---");
  return lines.join("\n") + "\n";
}

/* The body: each section with text under its heading, as in the template; a section
 * left empty is left out (the page would show an empty heading). */
export function body(sections, texts) {
  var out = "";
  sections.forEach(function (section) {
    var text = (texts[section.name] || "").replace(/^(?:[ \t]*\n)+/, "").replace(/\s+$/, "");
    if (text) out += "\n## " + section.heading + "\n\n" + text + "\n";
  });
  return out;
}

export function sheetFile(form, data, texts) {
  return frontMatter(form.controls, data) + body(form.sections, texts);
}

/* GitHub's « new file » page for the sheet, with the file in the address when it fits. */
export function githubLinks(config, form, slug, file) {
  var base = config.repo_url + "/new/" + config.branch.split("/").map(encodeURIComponent)
    .join("/") + "/" + form.folder + "?filename=" + encodeURIComponent(slug + ".md");
  var full = base + "&value=" + encodeURIComponent(file);
  return { full: full, short: base, fits: full.length <= config.max_url };
}
