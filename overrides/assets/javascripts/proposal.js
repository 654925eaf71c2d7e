/*
 * The contribution form /proposer/ (?type=cas, ?type=methode): loaded only on that page.
 *
 * The page carries one form per kind, generated from the schema at build time, and its
 * data (the data-rx-config attribute). This script:
 *  - prefills the form from the address (each control's name is its front-matter key:
 *    ?type=cas&territory.region=Bretagne) and restores the draft kept in localStorage;
 *  - checks the sheet as it is typed against the published JSON Schema and the rules the
 *    schema cannot say (proposal-check.js), errors in French next to each field and, on
 *    demand, in a summary at the top;
 *  - once the sheet is valid, shows the file (proposal-file.js), a download link, a copy
 *    button and « Proposer sur GitHub » (GitHub's « new file » page for it).
 * Nothing leaves the browser until the contributor follows the GitHub link.
 */
import { ROOT, debounce, el, plural } from "./common.js";
import { checkSheet, schemaValidator } from "./proposal-check.js";
import { githubLinks, sheetFile, slugify } from "./proposal-file.js";

var STORAGE_VERSION = 1;

export function setupProposal() {
  var root = document.querySelector("[data-rx-proposal]");
  if (!root || root.getAttribute("data-rx-ready")) return;
  root.setAttribute("data-rx-ready", "1");
  var config = JSON.parse(root.getAttribute("data-rx-config"));
  var params = new URLSearchParams(location.search);
  var kind = params.get("type") === config.forms.method.param ? "method" : "case";
  root.querySelectorAll("[data-rx-kind]").forEach(function (a) {
    if (a.getAttribute("data-rx-kind") === kind) {
      a.setAttribute("aria-current", "page");
      a.classList.add("md-button--primary");
    }
  });
  var formEl = root.querySelector('[data-rx-form="' + kind + '"]');
  formEl.hidden = false;
  new Proposal(config, config.forms[kind], formEl, params).start();
}

/* ------------------------------------------------------------------ form --- */

function Proposal(config, form, formEl, params) {
  this.config = config;
  this.form = form;
  this.el = formEl;
  this.params = params;
  this.byName = {};
  this.index(form.controls);
  this.touched = new Set();
  this.showAll = false;
  this.validator = null;
  this.errors = [];
  this.rowCount = 0;
  this.blobUrl = null;
  this.storageKey = "retex:" + ROOT.pathname + ":proposer:" + form.param;
}

Proposal.prototype.index = function (controls) {
  var self = this;
  controls.forEach(function (c) {
    self.byName[c.name] = c;
    if (c.children) self.index(c.children);
  });
};

Proposal.prototype.start = function () {
  var self = this;
  this.setupRows();
  this.el.querySelector("[data-rx-clear]").addEventListener("click", function () {
    self.clearDraft();
  });
  var restored = this.restore();
  var prefilled = this.prefill();
  if (prefilled) {
    // The draft now holds the prefilled values: a reload must not apply them again.
    var url = new URL(location.href);
    url.search = "?type=" + this.form.param;
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
  this.draftStatus(restored, prefilled);
  var later = debounce(function () { self.update(); }, 150);
  this.el.addEventListener("input", function () {
    self.save();
    later();
  });
  this.el.addEventListener("change", function (ev) {
    var slot = ev.target.closest && ev.target.closest("[data-rx-slot]");
    if (slot) self.touched.add(slot);
    self.save();
    self.update();
  });
  this.el.addEventListener("focusout", function (ev) {
    var slot = ev.target.closest && ev.target.closest("[data-rx-slot]");
    if (slot && ev.target.value) self.touched.add(slot);
  });
  this.el.addEventListener("submit", function (ev) {
    ev.preventDefault();
    self.showAll = true;
    self.update();
    if (self.errors.length) {
      var summary = self.el.querySelector("[data-rx-summary]");
      summary.focus();
      summary.scrollIntoView({ block: "start" });
    } else if (self.validator) {
      self.el.querySelector("[data-rx-file]").closest("pre").focus();
    }
  });
  this.el.querySelector("[data-rx-summary-list]").addEventListener("click", function (ev) {
    var link = ev.target.closest("a[data-rx-target]");
    if (!link) return;
    // Material's instant navigation would load the page again for this link to itself.
    ev.preventDefault();
    ev.stopPropagation();
    var target = document.getElementById(link.getAttribute("data-rx-target"));
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.focus();
    }
  });
  this.setupOffer();
  this.updateSlug();
  fetch(new URL(this.form.schema, ROOT).href, { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    })
    .then(function (schema) {
      self.validator = schemaValidator(schema);
      self.update();
    })
    .catch(function () {
      self.state("La vérification de la fiche est indisponible : le schéma des fiches n’a " +
        "pas pu être chargé. Rechargez la page dans un moment ; votre brouillon est gardé.");
    });
};

/* ------------------------------------------------------------------ rows --- */

Proposal.prototype.setupRows = function () {
  var self = this;
  this.el.querySelectorAll("[data-rx-rows]").forEach(function (fieldset) {
    fieldset.querySelector("[data-rx-add]").addEventListener("click", function () {
      var row = self.addRow(fieldset);
      var first = row.querySelector("input, textarea, select");
      if (first) first.focus();
      self.save();
      self.update();
    });
    fieldset.querySelector("[data-rx-list]").addEventListener("click", function (ev) {
      var button = ev.target.closest("[data-rx-remove]");
      if (!button) return;
      var row = button.closest("[data-rx-row]");
      var list = row.parentNode;
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      self.renumber(fieldset);
      var focus = next ? next.querySelector("input, textarea, select") :
        fieldset.querySelector("[data-rx-add]");
      (focus || list).focus();
      self.save();
      self.update();
    });
    self.addRow(fieldset);
  });
};

Proposal.prototype.addRow = function (fieldset) {
  var template = fieldset.querySelector("template[data-rx-template]");
  var n = ++this.rowCount;
  var row = template.content.firstElementChild.cloneNode(true);
  row.querySelectorAll("[id], [for], [aria-describedby]").forEach(function (node) {
    ["id", "for", "aria-describedby"].forEach(function (name) {
      var value = node.getAttribute(name);
      if (value) node.setAttribute(name, value.split("__N__").join(String(n)));
    });
  });
  fieldset.querySelector("[data-rx-list]").appendChild(row);
  this.renumber(fieldset);
  return row;
};

Proposal.prototype.renumber = function (fieldset) {
  var legend = fieldset.querySelector("legend").firstChild.textContent.trim();
  fieldset.querySelectorAll("[data-rx-list] > [data-rx-row]").forEach(function (row, i) {
    row.querySelector("[data-rx-row-label]").textContent = "Ligne " + (i + 1);
    row.querySelector("[data-rx-remove-label]").textContent =
      "la ligne " + (i + 1) + " de « " + legend + " »";
  });
};

function rowsOf(fieldset) {
  return Array.prototype.slice.call(fieldset.querySelectorAll("[data-rx-list] > [data-rx-row]"));
}

/* ------------------------------------------------------------ the values --- */

function fieldValue(node) {
  return node ? node.value : "";
}

function given(text) {
  return typeof text === "string" && text.trim() !== "";
}

Proposal.prototype.node = function (control) {
  return document.getElementById(control.id);
};

// The value of one control in `scope` (the form, or a row for a group's children).
Proposal.prototype.read = function (control, scope) {
  var self = this, w = control.widget;
  if (w === "group") {
    var group = {};
    control.children.forEach(function (child) {
      var v = self.read(child, scope);
      if (v !== undefined) group[child.key] = v;
    });
    if (Object.keys(group).length || control.need === "required") return group;
    return undefined;
  }
  if (w === "checkboxes" || w === "methods") {
    var checked = Array.prototype.slice.call(
      this.node(control).querySelectorAll("input[type=checkbox]:checked"))
      .map(function (i) { return i.value; });
    return checked.length || control.need === "required" ? checked : undefined;
  }
  if (w === "rows" || w === "paragraphs" || w === "rowgroups") {
    var items = [];
    rowsOf(this.node(control)).forEach(function (row) {
      if (w === "rowgroups") {
        var item = {};
        control.children.forEach(function (child) {
          var v = self.scalar(child, row.querySelector('[name="' + child.name + '"]'));
          if (v !== undefined) item[child.key] = v;
        });
        if (Object.keys(item).length) items.push(item);
      } else {
        var text = fieldValue(row.querySelector('[name="' + control.name + '"]'));
        if (given(text)) items.push(text);
      }
    });
    return items.length || control.need === "required" ? items : undefined;
  }
  var node = scope && scope !== this.el ?
    scope.querySelector('[name="' + control.name + '"]') : this.node(control);
  return this.scalar(control, node);
};

Proposal.prototype.scalar = function (control, node) {
  var text = fieldValue(node);
  if (!given(text)) return undefined;
  if (control.widget === "number") {
    var n = Number(text.trim());
    return /^\s*\d+\s*$/.test(text) && Number.isSafeInteger(n) ? n : (isFinite(n) ? n : text);
  }
  return text;
};

Proposal.prototype.collect = function () {
  var self = this, data = {}, texts = {};
  this.form.controls.forEach(function (control) {
    var v = self.read(control, self.el);
    if (v !== undefined) data[control.key] = v;
  });
  this.form.sections.forEach(function (section) {
    texts[section.name] = fieldValue(document.getElementById(section.id));
  });
  return { data: data, texts: texts };
};

/* ------------------------------------------- pairs: the address and the draft --- */

// Every value of the form as (name, value) pairs, in the page's order: what the draft
// keeps, in the same form as an address that prefills the form. A row of a list of
// groups gives all its values (empty ones included) or none, so that rows stay aligned.
Proposal.prototype.pairs = function () {
  var pairs = [];
  var done = new Set();
  Array.prototype.forEach.call(this.el.elements, function (node) {
    if (!node.name || node.disabled || node.type === "submit" || node.type === "button") return;
    if (node.type === "checkbox") {
      if (node.checked) pairs.push([node.name, node.value]);
      return;
    }
    var row = node.closest("[data-rx-row]");
    if (row && row.querySelector(".rx-row__group")) {
      if (done.has(row)) return;
      done.add(row);
      var fields = Array.prototype.slice.call(row.querySelectorAll("[name]"));
      if (fields.some(function (f) { return f.value !== ""; })) {
        fields.forEach(function (f) { pairs.push([f.name, f.value]); });
      }
      return;
    }
    if (node.value !== "") pairs.push([node.name, node.value]);
  });
  return pairs;
};

// Sets the form from pairs; returns the slots it filled.
Proposal.prototype.apply = function (pairs) {
  var self = this, values = {};
  var filled = [];
  pairs.forEach(function (pair) {
    (values[pair[0]] = values[pair[0]] || []).push(pair[1]);
  });
  function each(controls) {
    controls.forEach(function (control) {
      var w = control.widget;
      if (w === "group") return each(control.children);
      if (w === "rowgroups") {
        var count = 0;
        control.children.forEach(function (child) {
          count = Math.max(count, (values[child.name] || []).length);
        });
        if (!count) return;
        var fieldset = self.node(control);
        rowsOf(fieldset).forEach(function (row) { row.remove(); });
        for (var i = 0; i < count; i++) {
          var row = self.addRow(fieldset);
          control.children.forEach(function (child) {
            var input = row.querySelector('[name="' + child.name + '"]');
            var v = (values[child.name] || [])[i];
            if (input && v !== undefined) {
              input.value = v;
              filled.push(input.closest("[data-rx-slot]"));
            }
          });
        }
        return;
      }
      var given = values[control.name];
      if (!given) return;
      if (w === "rows" || w === "paragraphs") {
        var fs = self.node(control);
        rowsOf(fs).forEach(function (row) { row.remove(); });
        given.forEach(function (v) {
          var row = self.addRow(fs);
          row.querySelector('[name="' + control.name + '"]').value = v;
          filled.push(row.querySelector("[data-rx-slot]"));
        });
        return;
      }
      if (w === "checkboxes" || w === "methods") {
        var box = self.node(control);
        box.querySelectorAll("input[type=checkbox]").forEach(function (i) { i.checked = false; });
        given.forEach(function (v) {
          var input = Array.prototype.find.call(box.querySelectorAll("input[type=checkbox]"),
            function (i) { return i.value === v; });
          if (!input) input = self.unknownChoice(box, control, v);
          input.checked = true;
        });
        filled.push(box);
        return;
      }
      var node = self.node(control);
      var value = given[given.length - 1];
      if (node.tagName === "SELECT" && value !== "" &&
          !Array.prototype.some.call(node.options, function (o) { return o.value === value; })) {
        var option = el("option", null, value + " (valeur inconnue)");
        option.value = value;
        node.appendChild(option);
      }
      node.value = value;
      filled.push(node.closest("[data-rx-slot]"));
    });
  }
  each(this.form.controls);
  this.form.sections.forEach(function (section) {
    var given = values[section.name];
    if (given) {
      var node = document.getElementById(section.id);
      node.value = given[given.length - 1];
      filled.push(node.closest("[data-rx-slot]"));
    }
  });
  filled.forEach(function (slot) { if (slot) self.touched.add(slot); });
  return filled.length;
};

// A value asked for by an address or a draft that is not among the choices: shown
// checked, so that its error can be read and the box unchecked.
Proposal.prototype.unknownChoice = function (box, control, value) {
  var n = box.querySelectorAll("input[type=checkbox]").length + 1;
  var li = el("li", "rx-choices__unknown");
  var input = el("input");
  input.type = "checkbox";
  input.id = control.id + "-" + n;
  input.name = control.name;
  input.value = value;
  var label = el("label", null, value + " (inconnue)");
  label.htmlFor = input.id;
  li.appendChild(input);
  li.appendChild(document.createTextNode(" "));
  li.appendChild(label);
  box.querySelector("[data-rx-choices]").appendChild(li);
  return input;
};

Proposal.prototype.prefill = function () {
  var pairs = [];
  this.params.forEach(function (value, name) {
    if (name !== "type") pairs.push([name, value]);
  });
  return pairs.length ? this.apply(pairs) : 0;
};

/* ----------------------------------------------------------------- draft --- */

Proposal.prototype.save = function () {
  try {
    var pairs = this.pairs();
    if (!pairs.length) {
      localStorage.removeItem(this.storageKey);
      return;
    }
    localStorage.setItem(this.storageKey, JSON.stringify(
      { version: STORAGE_VERSION, saved: Date.now(), pairs: pairs }));
    this.storageFailed = false;
  } catch (e) {
    if (!this.storageFailed) {
      this.storageFailed = true;
      this.draftMessage("Votre navigateur ne permet pas de garder le brouillon : gardez cette " +
        "page ouverte jusqu’au bout, ou téléchargez le fichier.");
    }
  }
};

Proposal.prototype.restore = function () {
  var saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(this.storageKey) || "null");
  } catch (e) {
    saved = null;
  }
  if (!saved || saved.version !== STORAGE_VERSION || !Array.isArray(saved.pairs)) return null;
  var pairs = saved.pairs.filter(function (p) {
    return Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "string";
  });
  this.apply(pairs);
  return new Date(saved.saved);
};

var DATE_FORMAT = new Intl.DateTimeFormat("fr-FR",
  { day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" });

Proposal.prototype.draftStatus = function (restored, prefilled) {
  var parts = [];
  if (restored && !isNaN(restored)) {
    parts.push("Votre brouillon du " + DATE_FORMAT.format(restored).replace(":", "\u00a0h\u00a0") +
      " a été retrouvé.");
  }
  if (prefilled) parts.push("Certains champs ont été préremplis par le lien que vous avez suivi.");
  parts.push("Le brouillon est enregistré au fil de la saisie.");
  this.draftMessage(parts.join(" "));
};

Proposal.prototype.draftMessage = function (text) {
  this.el.querySelector("[data-rx-draft-status]").textContent = text;
};

Proposal.prototype.clearDraft = function () {
  if (!window.confirm("Effacer le brouillon ? Tout ce que vous avez saisi dans ce formulaire " +
      "sera perdu.")) return;
  try {
    localStorage.removeItem(this.storageKey);
  } catch (e) { /* nothing kept */ }
  this.el.reset();
  var self = this;
  this.el.querySelectorAll(".rx-choices__unknown").forEach(function (li) { li.remove(); });
  this.el.querySelectorAll("select option").forEach(function (o) {
    if (/ \(valeur inconnue\)$/.test(o.textContent)) o.remove();
  });
  this.el.querySelectorAll("[data-rx-rows]").forEach(function (fs) {
    rowsOf(fs).forEach(function (row) { row.remove(); });
    self.addRow(fs);
  });
  this.touched = new Set();
  this.showAll = false;
  this.update();
  this.draftMessage("Le brouillon a été effacé : le formulaire est vide.");
  var first = this.el.querySelector("input, textarea, select");
  if (first) first.focus();
};

/* ---------------------------------------------------------------- checks --- */

// The element that shows the errors of a path of the data, and the control it belongs to.
Proposal.prototype.slotFor = function (path) {
  var parts = path.split("/").slice(1);
  if (parts[0] && parts[0].indexOf("body.") === 0) {
    var section = this.form.sections.find(function (s) { return s.name === parts[0]; });
    return section ? { slot: document.getElementById(section.id).closest("[data-rx-slot]"),
      label: section.heading } : null;
  }
  var controls = this.form.controls, control = null, scope = null, labels = [];
  for (var i = 0; i < parts.length; i++) {
    var key = parts[i];
    control = controls.find(function (c) { return c.key === key; });
    if (!control) return null;
    labels.push(control.label);
    var w = control.widget;
    if (w === "group") {
      controls = control.children;
      continue;
    }
    var fieldset = this.node(control);
    if (w === "checkboxes" || w === "methods") {
      return { slot: fieldset, label: control.label };
    }
    if (w === "rows" || w === "paragraphs" || w === "rowgroups") {
      var index = parts[i + 1];
      if (index === undefined || !/^\d+$/.test(index)) return { slot: fieldset, label: control.label };
      var row = this.rowWithValue(control, +index);
      if (!row) return { slot: fieldset, label: control.label };
      var line = " (ligne " + (rowsOf(fieldset).indexOf(row) + 1) + ")";
      if (w !== "rowgroups") {
        return { slot: row.querySelector("[data-rx-slot]"), label: control.label + line };
      }
      var child = parts[i + 2] && control.children.find(function (c) { return c.key === parts[i + 2]; });
      if (!child) return { slot: fieldset, label: control.label + line };
      scope = row.querySelector('[data-rx-name="' + child.name + '"]');
      return { slot: scope, label: child.label + line };
    }
    return { slot: this.node(control).closest("[data-rx-slot]"), label: labels.slice(-2).join(" : ") };
  }
  return null;
};

// The row of a list that holds its `index`-th value (empty rows are not in the data).
Proposal.prototype.rowWithValue = function (control, index) {
  var self = this, seen = -1, found = null;
  rowsOf(this.node(control)).some(function (row) {
    var filled;
    if (control.widget === "rowgroups") {
      filled = control.children.some(function (child) {
        return self.scalar(child, row.querySelector('[name="' + child.name + '"]')) !== undefined;
      });
    } else {
      filled = given(fieldValue(row.querySelector('[name="' + control.name + '"]')));
    }
    if (filled) seen += 1;
    if (seen === index) found = row;
    return found !== null;
  });
  return found;
};

Proposal.prototype.update = function () {
  this.updateSlug();
  if (!this.validator) return;
  var sheet = this.collect();
  this.errors = checkSheet(this.validator, this.form, this.config, sheet.data, sheet.texts,
    this.byName);
  this.showErrors();
  var ready = !this.errors.length;
  if (this.ready !== undefined && ready !== this.ready) {
    // Said once when it changes, not at every key typed.
    this.el.querySelector("[data-rx-announce]").textContent = ready
      ? "La fiche est prête : le fichier à proposer est affiché dans la partie « Votre fiche »."
      : "La fiche n’est plus prête : un champ est à reprendre.";
  }
  this.ready = ready;
  if (this.errors.length) {
    this.hideOffer();
    var n = this.errors.length;
    this.state("La fiche n’est pas encore prête : " + plural(n, "point reste", "points restent") +
      " à compléter ou à corriger. « Vérifier la fiche » en donne la liste.");
  } else {
    this.offer(sheet);
    this.state("La fiche est prête : relisez le fichier ci-dessous, puis proposez-la.");
  }
};

Proposal.prototype.state = function (text) {
  var node = this.el.querySelector("[data-rx-state]");
  if (node.textContent !== text) node.textContent = text;
};

Proposal.prototype.showErrors = function () {
  var self = this;
  var bySlot = new Map();
  var summary = [];
  this.errors.forEach(function (error) {
    var where = self.slotFor(error.path) || { slot: null, label: "Fiche" };
    if (where.slot) {
      if (!bySlot.has(where.slot)) bySlot.set(where.slot, []);
      bySlot.get(where.slot).push(error.message);
    }
    summary.push({ label: where.label, message: error.message, slot: where.slot });
  });
  // The summary reads in the order of the page.
  summary.sort(function (a, b) {
    if (!a.slot || !b.slot || a.slot === b.slot) return 0;
    return a.slot.compareDocumentPosition(b.slot) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  this.el.querySelectorAll("[data-rx-slot]").forEach(function (slot) {
    var messages = bySlot.get(slot) || [];
    var shown = messages.length && (self.showAll || self.touched.has(slot)) ? messages : [];
    setSlotError(slot, shown);
  });
  var box = this.el.querySelector("[data-rx-summary]");
  if (!this.showAll) {
    box.hidden = true;
    return;
  }
  var list = box.querySelector("[data-rx-summary-list]");
  list.textContent = "";
  if (!summary.length) {
    box.hidden = true;
    this.showAll = false;
    return;
  }
  box.querySelector("[data-rx-summary-title]").textContent =
    "La fiche n’est pas encore prête : " + plural(summary.length, "point", "points") +
    " à reprendre";
  summary.forEach(function (item) {
    var li = el("li");
    var target = item.slot && (item.slot.querySelector("input, textarea, select") || item.slot);
    if (target && target.id) {
      var a = el("a", null, item.label + " : " + item.message);
      a.href = "#" + target.id;
      a.setAttribute("data-rx-target", target.id);
      li.appendChild(a);
    } else {
      li.textContent = item.label + " : " + item.message;
    }
    list.appendChild(li);
  });
  box.hidden = false;
};

function setSlotError(slot, messages) {
  var box = slot.querySelector("[data-rx-error]");
  if (!box) return;
  var text = messages.join(" ");
  if (box.getAttribute("data-rx-text") !== text) {
    box.textContent = "";
    if (text) {
      box.appendChild(el("span", "rx-sr-only", "Erreur : "));
      box.appendChild(document.createTextNode(text));
    }
    box.setAttribute("data-rx-text", text);
  }
  var controls = slot.matches("fieldset") ?
    slot.querySelectorAll("input[type=checkbox]") :
    slot.querySelectorAll("input, textarea, select");
  var targets = slot.matches("fieldset") ? [slot].concat(Array.from(controls)) : Array.from(controls);
  targets.forEach(function (node) {
    var ids = (node.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean)
      .filter(function (id) { return id !== box.id; });
    if (text) ids.push(box.id);
    if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
    else node.removeAttribute("aria-describedby");
    if (node.matches("fieldset")) return;
    if (text) node.setAttribute("aria-invalid", "true");
    else node.removeAttribute("aria-invalid");
  });
  slot.classList.toggle("rx-field--error", Boolean(text));
}

Proposal.prototype.updateSlug = function () {
  var title = this.el.querySelector('[name="title"]');
  var line = this.el.querySelector("[data-rx-slug]");
  if (!title || !line) return;
  var slug = slugify(title.value, this.config.slug_folds);
  line.textContent = slug
    ? "Adresse de la fiche : /" + this.form.prefix + "/" + slug + "/ (fichier " +
      this.form.folder + "/" + slug + ".md)."
    : "L’adresse de la fiche sera tirée de son titre.";
};

/* ----------------------------------------------------------------- offer --- */

Proposal.prototype.setupOffer = function () {
  var self = this;
  var github = this.el.querySelector("[data-rx-github]");
  github.addEventListener("click", function (ev) {
    if (!self.links || self.links.fits) return; // the file is in the address
    ev.preventDefault();
    copy(self.file).then(function () {
      self.offerStatus("La fiche est copiée : dans la page de GitHub qui s’ouvre, collez-la " +
        "(Ctrl+V) dans la grande zone de texte.");
    }, function () {
      self.offerStatus("La copie automatique a échoué : copiez le contenu du fichier ci-dessus " +
        "(cliquez dans le cadre, Ctrl+A puis Ctrl+C), puis collez-le dans la page de GitHub.");
    }).then(function () {
      window.open(self.links.short, "_blank", "noopener");
    });
  });
  this.el.querySelector("[data-rx-copy]").addEventListener("click", function () {
    copy(self.file).then(function () {
      self.offerStatus("Le fichier est copié dans votre presse-papiers.");
    }, function () {
      self.offerStatus("La copie a échoué : sélectionnez le contenu du fichier ci-dessus et " +
        "copiez-le (Ctrl+C).");
    });
  });
};

function copy(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text);
  }
  return Promise.reject(new Error("no clipboard"));
}

Proposal.prototype.offerStatus = function (text) {
  this.el.querySelector("[data-rx-offer-status]").textContent = text;
};

Proposal.prototype.hideOffer = function () {
  this.el.querySelector("[data-rx-offer]").hidden = true;
  this.file = null;
  this.links = null;
};

Proposal.prototype.offer = function (sheet) {
  var slug = slugify(sheet.data.title, this.config.slug_folds);
  var file = sheetFile(this.form, sheet.data, sheet.texts);
  var box = this.el.querySelector("[data-rx-offer]");
  if (file === this.file && !box.hidden) return;
  this.file = file;
  this.links = githubLinks(this.config, this.form, slug, file);
  box.querySelector("[data-rx-path]").textContent = this.form.folder + "/" + slug + ".md";
  box.querySelector("[data-rx-file]").textContent = file;
  var github = box.querySelector("[data-rx-github]");
  github.href = this.links.fits ? this.links.full : this.links.short;
  github.firstChild.textContent = this.links.fits ? "Proposer sur GitHub" :
    "Copier la fiche et l’ouvrir sur GitHub";
  box.querySelector("[data-rx-long]").hidden = this.links.fits;
  if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
  this.blobUrl = URL.createObjectURL(new Blob([file], { type: "text/markdown;charset=utf-8" }));
  var download = box.querySelector("[data-rx-download]");
  download.href = this.blobUrl;
  download.setAttribute("download", slug + ".md");
  box.hidden = false;
};
