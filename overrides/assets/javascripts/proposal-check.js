/*
 * The checks of the contribution form, in French: the published JSON Schema (validated
 * by @cfworker/json-schema, which runs under the site's CSP: no eval, no new Function),
 * then the rules that a JSON Schema cannot say and that `retex check` applies (a slug
 * free to use, methods that exist, real dates, ordered ranges, no control character,
 * Markdown that the site accepts).
 *
 * An error is { path: "/territory/name", message: "…" }; its path is a JSON pointer
 * into the sheet's data, or "/body.contexte" for a section of the body.
 */
import { Validator } from "./vendor/json-schema/index.js";
import { slugify } from "./proposal-file.js";

/* ------------------------------------------------------------ the schema --- */

export function schemaValidator(schema) {
  return new Validator(schema, "2020-12", false);
}

// Keywords that only report that something below them failed.
var WRAPPERS = { properties: 1, items: 1, $ref: 1, anyOf: 1, allOf: 1, oneOf: 1, if: 1,
  then: 1, else: 1, prefixItems: 1, additionalItems: 1, dependentSchemas: 1, not: 1 };

function pointerOf(location) {
  return location.replace(/^#/, "") || "";
}

export function schemaErrors(validator, data, describe) {
  var result = validator.validate(data);
  var errors = [];
  result.errors.forEach(function (e) {
    if (WRAPPERS[e.keyword]) return;
    // The `null` branch of an optional value: the other branch says what is wrong.
    if (e.keyword === "type" && /Expected "null"/.test(e.error)) return;
    var path = pointerOf(e.instanceLocation);
    if (e.keyword === "required") {
      var missing = /required property "([^"]+)"/.exec(e.error);
      if (!missing) return;
      path = path + "/" + missing[1];
    }
    errors.push({ path: path, message: describe(e, path) });
  });
  return errors;
}

function count(n, one, many) {
  return n + "\u00a0" + (n > 1 ? many : one);
}

/* A schema error in French, for the control at `path` (described by `control`). */
export function frenchMessage(error, control, value) {
  var widget = control ? control.widget : "";
  switch (error.keyword) {
    case "required":
      return control && control.need === "group"
        ? "À remplir : ce champ est obligatoire dès que ce groupe est commencé."
        : "Ce champ est obligatoire.";
    case "minLength":
      return "Ce champ est obligatoire.";
    case "maxLength":
      return "Trop long : " + count(control && control.max_length || 0, "caractère", "caractères") +
        " au plus (le texte en compte " + Array.from(String(value || "")).length + ").";
    case "minItems":
      if (widget === "methods") {
        return "Cochez au moins une méthode. Si la source n’en nomme aucune, choisissez " +
          "« ébauche » comme niveau de complétude de la fiche.";
      }
      return widget === "checkboxes" ? "Cochez au moins une valeur." : "Ajoutez au moins une ligne.";
    case "enum":
      return "Valeur inconnue «\u00a0" + value + "\u00a0» : choisissez-en une dans la liste.";
    case "pattern":
      if (widget === "date") {
        return "Date illisible : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par exemple 2019-06-27).";
      }
      return "Identifiant invalide «\u00a0" + value + "\u00a0» : minuscules sans accents, " +
        "chiffres et tirets.";
    case "format":
      return "Adresse web invalide : elle commence par https:// ou http://.";
    case "minimum":
      return "Le nombre doit être au moins " + (control && control.minimum || 1) + ".";
    case "type":
      return /integer/.test(error.error) ? "Un nombre entier est attendu." :
        "Valeur d’un type inattendu.";
    default:
      return "Valeur refusée par le schéma des fiches de Retex.";
  }
}

/* ------------------------------------------------------------ characters --- */

export function characterMessage(char, header) {
  var code = "U+" + char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  if (/[\u202a-\u202e\u2066-\u2069]/.test(char)) {
    return "Caractère de contrôle de direction du texte (" + code + ") refusé : retirez-le.";
  }
  if (char === "\t" && header) {
    return "Tabulation refusée dans ce champ : remplacez-la par une espace.";
  }
  return "Caractère invisible interdit (" + code + ") : retirez-le (il vient souvent d’un " +
    "copier-coller).";
}

/* ---------------------------------------------------------------- dates --- */

var DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// hooks/retex/schema.py's parse_partial_date: a year between 1900 and 2100, a real day.
export function dateProblem(text) {
  var m = DATE_RE.exec(text.trim());
  if (!m) return null; // the schema's pattern says it
  var year = +m[1], month = m[2] ? +m[2] : null, day = m[3] ? +m[3] : null;
  if (year < 1900 || year > 2100) return "Année «\u00a0" + year + "\u00a0» invraisemblable.";
  var d = new Date(Date.UTC(year, (month || 1) - 1, day || 1));
  if ((month && (month < 1 || month > 12)) ||
      d.getUTCMonth() !== (month || 1) - 1 || d.getUTCDate() !== (day || 1)) {
    return "Date impossible : «\u00a0" + text + "\u00a0» n’existe pas dans le calendrier.";
  }
  return null;
}

function dateKeys(text) {
  var m = DATE_RE.exec(text.trim());
  if (!m) return null;
  var y = +m[1], mo = m[2] ? +m[2] : 0, d = m[3] ? +m[3] : 0;
  return { start: [y, mo, d], end: [y, mo || 12, d || 31] };
}

function before(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/* ------------------------------------------------------------- Markdown --- */

// Raw HTML is not taken from the form (the site accepts a few inline tags; the form
// asks for Markdown only), nor images (a file of the repository), and every link must
// lead to another site over http(s) or mailto, or to a published sheet.
var TAG_RE = /<[A-Za-z!/?]/;
var LINK_RE = /\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)/g;
var REFERENCE_RE = /^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)/gm;
var FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
// What Python-Markdown makes a level-1 heading: « # » (not « ## ») first on a line, after
// any list or quote marker, no space needed; or a line of « = » under a line of text.
var H1_RE = /^(?:>[ \t]*|(?:[-*+]|\d+[.)])[ \t]+)*#(?!#)/;
var SETEXT_H1_RE = /^ {0,3}=+[ \t]*$/;

function decodeEntities(text) {
  if (text.indexOf("&") < 0 || typeof document === "undefined") return text;
  var area = document.createElement("textarea");
  area.innerHTML = text; // parsed as text (RCDATA): character references only
  return area.value;
}

// hooks/retex/safety.py's _as_browser_reads: what a browser makes of an address.
function asBrowserReads(url) {
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "")
    .replace(/\\/g, "/");
}

function linkProblem(raw, config, folder) {
  var url = asBrowserReads(decodeEntities(raw));
  var scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) {
    if (config.schemes.indexOf(scheme[1].toLowerCase()) < 0) {
      return "Lien refusé «\u00a0" + raw + "\u00a0» : seules les adresses en https://, http:// " +
        "ou mailto: sont admises.";
    }
    return null;
  }
  if (url.indexOf("//") === 0) {
    return "Lien incomplet «\u00a0" + raw + "\u00a0» : écrivez l’adresse entière, avec https://.";
  }
  if (!url || url.charAt(0) === "#") return null;
  var target = /^(?:\.\.\/(cases|methods)\/|())([a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#[\w-]*)?$/
    .exec(url);
  if (target) {
    var where = target[1] || folder;
    if ((config.published[where] || []).indexOf(target[3]) >= 0) return null;
  }
  return "Lien «\u00a0" + raw + "\u00a0» vers une fiche qui n’existe pas : un lien vers une autre " +
    "fiche s’écrit par exemple [débat mouvant](../methods/debat-mouvant.md), un lien vers un " +
    "autre site avec son adresse complète (https://…).";
}

export function markdownProblem(text, config, folder, isBody) {
  if (TAG_RE.test(text)) {
    return "Les balises HTML (<…>) ne sont pas acceptées ici : écrivez en Markdown, par " +
      "exemple **gras**, *italique* ou [lien](https://…). Pour le signe « inférieur à », " +
      "laissez une espace après «\u00a0<\u00a0».";
  }
  if (/!\[/.test(text)) {
    return "Une image ne peut pas être ajoutée depuis ce formulaire : proposez la fiche, puis " +
      "déposez l’image à côté d’elle sur GitHub (voir le guide du contributeur).";
  }
  var m, problem;
  var links = [];
  LINK_RE.lastIndex = 0;
  while ((m = LINK_RE.exec(text))) links.push(m[1]);
  REFERENCE_RE.lastIndex = 0;
  while ((m = REFERENCE_RE.exec(text))) links.push(m[1]);
  for (var i = 0; i < links.length; i++) {
    problem = linkProblem(links[i], config, folder);
    if (problem) return problem;
  }
  var lines = text.split("\n");
  for (i = 0; i < lines.length; i++) {
    var admonition = /^ {0,3}(?:!!!|\?\?\?\+?)\s*([^\s"]*)/.exec(lines[i]);
    if (admonition && config.admonitions.indexOf(admonition[1].toLowerCase()) < 0) {
      return "Encadré «\u00a0" + lines[i].trim() + "\u00a0» inconnu : commencez la ligne par " +
        "« !!! note », « !!! tip » ou « !!! warning », par exemple.";
    }
  }
  // hooks/retex/safety.py refuses a level-1 heading: the page's one h1 is the sheet's title.
  var inFence = false;
  for (i = 0; i < lines.length; i++) {
    if (FENCE_RE.test(lines[i])) { inFence = !inFence; continue; }
    if (inFence) continue;
    if (H1_RE.test(lines[i]) || (i > 0 && lines[i - 1].trim() && SETEXT_H1_RE.test(lines[i]))) {
      return "Titre de niveau 1 (ligne «\u00a0" + lines[i].trim().slice(0, 40) + "\u00a0») : la " +
        "fiche a déjà le sien, son titre. Pour un intertitre, commencez la ligne par «\u00a0###\u00a0» ; " +
        "pour un simple dièse en début de ligne (#motclé), écrivez «\u00a0\\#\u00a0».";
    }
  }
  if (isBody) {
    var fences = 0;
    lines.forEach(function (line) { if (FENCE_RE.test(line)) fences += 1; });
    if (fences % 2) {
      return "Bloc de code non fermé : terminez-le par une ligne « ``` » (il engloberait la " +
        "suite de la fiche).";
    }
  }
  return null;
}

/* ---------------------------------------------------- the form's own rules --- */

function textsOf(value, path, out) {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach(function (v, i) { textsOf(v, path + "/" + i, out); });
  else if (value && typeof value === "object") {
    Object.keys(value).forEach(function (k) { textsOf(value[k], path + "/" + k, out); });
  }
  return out;
}

function dotted(path) {
  return path.split("/").filter(function (p) { return p && !/^\d+$/.test(p); }).join(".");
}

/*
 * The rules beyond the schema. `form` is the kind's page data, `config` the page's,
 * `data` the sheet's front matter, `texts` its body sections, `controls` a map from a
 * dotted name to its control.
 */
export function ruleErrors(form, config, data, texts, controls) {
  var errors = [];
  function add(path, message) { errors.push({ path: path, message: message }); }
  var header = new RegExp(config.forbidden_in_header, "u");
  var anywhere = new RegExp(config.forbidden, "u");

  // Every text: characters, then Markdown where the site renders it.
  textsOf(data, "", []).forEach(function (item) {
    var path = item[0], text = item[1], name = dotted(path);
    var bad = header.exec(text);
    if (bad) return add(path, characterMessage(bad[0], true));
    if (!text.trim()) return add(path, "Ce champ est vide : écrivez-y un texte, ou laissez-le " +
      "entièrement vide s’il est facultatif.");
    var control = controls[name];
    if (control && control.markdown) {
      var problem = markdownProblem(text, config, form.folder, false);
      if (problem) add(path, problem);
    }
    if (control && control.widget === "date") {
      var date = dateProblem(text);
      if (date) add(path, date);
    }
  });
  form.sections.forEach(function (section) {
    var text = texts[section.name] || "";
    var bad = anywhere.exec(text);
    if (bad) return add("/" + section.name, characterMessage(bad[0], false));
    var problem = markdownProblem(text, config, form.folder, true);
    if (problem) add("/" + section.name, problem);
  });

  // The slug: derived from the title, free in its folder.
  if (typeof data.title === "string" && data.title.trim()) {
    var slug = slugify(data.title, config.slug_folds);
    if (!slug) {
      add("/title", "Ce titre ne donne aucun identifiant : il lui faut au moins une lettre " +
        "de l’alphabet latin, accentuée ou non, ou un chiffre.");
    } else if (Object.prototype.hasOwnProperty.call(form.taken, slug)) {
      add("/title", "Ce titre donne l’identifiant «\u00a0" + slug + "\u00a0», qui est déjà " +
        form.taken[slug] + " : choisissez un titre plus précis.");
    }
  }

  // Methods that exist (published), each once.
  var slugs = config.methods.map(function (m) { return m[0]; });
  form.controls.forEach(function (control) {
    var value = data[control.key];
    if (control.widget === "methods" && Array.isArray(value)) {
      value.forEach(function (s, i) {
        if (slugs.indexOf(s) < 0) {
          add("/" + control.key + "/" + i, "Méthode inconnue «\u00a0" + s + "\u00a0» : aucune " +
            "fiche méthode publiée ne porte cet identifiant. Décochez-la.");
        }
      });
    }
  });

  // Lists: each value once (hooks/retex/schema.py's _unique).
  form.controls.forEach(function (control) {
    var value = data[control.key];
    if (!Array.isArray(value)) return;
    var seen = {};
    value.forEach(function (item, i) {
      var key = JSON.stringify(item);
      if (seen[key] !== undefined) {
        add("/" + control.key + "/" + i, "Cette ligne répète la ligne " + (seen[key] + 1) +
          " : retirez-la.");
      } else {
        seen[key] = i;
      }
    });
  });

  // Ranges and dates in order; web addresses as the schema's own check reads them.
  walkGroups(form.controls, data, "", function (control, value, path) {
    if (value && typeof value.min === "number" && typeof value.max === "number" &&
        value.max < value.min) {
      add(path + "/max", "Le maximum (" + value.max + ") doit être supérieur ou égal au " +
        "minimum (" + value.min + ").");
    }
  });
  if (typeof data.date === "string" && typeof data.end_date === "string") {
    var start = dateKeys(data.date), end = dateKeys(data.end_date);
    if (start && end && !dateProblem(data.date) && !dateProblem(data.end_date) &&
        before(end.end, start.start)) {
      add("/end_date", "La date de fin (" + data.end_date + ") précède la date de début (" +
        data.date + ").");
    }
  }
  textsOf(data, "", []).forEach(function (item) {
    var control = controls[dotted(item[0])];
    if (control && control.widget === "url" &&
        !/^https?:\/\/[^\s/]+\.\S+$/.test(item[1].trim())) {
      add(item[0], "Adresse web invalide : une source en ligne commence par https:// ou " +
        "http://, par exemple https://www.exemple.fr/article.");
    }
  });
  return errors;
}

function walkGroups(controls, value, path, visit) {
  controls.forEach(function (control) {
    var inner = value && value[control.key];
    if (inner === undefined) return;
    var here = path + "/" + control.key;
    if (control.widget === "group") {
      visit(control, inner, here);
      walkGroups(control.children, inner, here, visit);
    } else if (control.widget === "rowgroups" && Array.isArray(inner)) {
      inner.forEach(function (row, i) { walkGroups(control.children, row, here + "/" + i, visit); });
    }
  });
}

/* Every error of a sheet, schema first, each path once per message. */
export function checkSheet(validator, form, config, data, texts, controls) {
  function describe(error, path) {
    var control = controls[dotted(path)];
    return frenchMessage(error, control, valueAt(data, path));
  }
  var all = schemaErrors(validator, data, describe).concat(
    ruleErrors(form, config, data, texts, controls));
  var seen = {};
  return all.filter(function (e) {
    var key = e.path + "\n" + e.message;
    if (seen[key]) return false;
    seen[key] = true;
    return true;
  });
}

export function valueAt(data, path) {
  var value = data;
  path.split("/").slice(1).forEach(function (part) {
    value = value === undefined || value === null ? undefined : value[part];
  });
  return value;
}
