/*
 * The method chooser /choisir-une-methode/: « a method for a 2-hour workshop with 12
 * people ». The reader gives the time available (minutes) and the number of people, and
 * may give a step and a modality; the answer, kept in the address (?duration=120&
 * participants=12&phase=…&modality=…):
 *
 * - the sheets that fit: a sheet fits when its minimum duration is within the time and
 *   the number of people within its group range (the figures of its front matter, on its
 *   card: see hooks/retex/publish/records.py);
 * - why each other sheet is left out, when the reader opens « Pourquoi… »;
 * - a proposed sequence that fills the time: an opening, a core, a closing, each with its
 *   duration, that can go straight into « Ma sélection ».
 */
import { ROOT, el, plural } from "./common.js";
import { add, read } from "./selection.js";

const MAX_CORE = 3; // sheets in the core of a proposed sequence, at most
const MAX_FRAMES = 4; // openings and closings tried, the shortest first
const MAX_TRIED = 16; // candidates for the core, the longest first (bounded work)

export function minutes(n) {
  if (n < 60) return `${n}\u00a0min`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return m ? `${h}\u00a0h\u00a0${String(m).padStart(2, "0")}` : `${h}\u00a0h`;
}

function number(input) {
  const value = input.value.trim();
  if (!/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

function sheetOf(card) {
  const n = (name) => Number(card.getAttribute(`data-${name}`));
  return {
    card,
    slug: card.getAttribute("data-slug"),
    title: card.getAttribute("data-title"),
    url: card.getAttribute("data-url"),
    phase: (card.getAttribute("data-phase") || "").split(" "),
    modality: (card.getAttribute("data-modality") || "").split(" "),
    min: n("duration-min"),
    max: n("duration-max"),
    people: [n("participants-min"), n("participants-max")],
    opens: card.hasAttribute("data-opens"),
    closes: card.hasAttribute("data-closes"),
  };
}

/** Why a sheet does not fit the workshop (French sentences), none when it fits. */
export function reasons(sheet, wish, labels) {
  const out = [];
  if (wish.duration !== null && sheet.min > wish.duration) {
    out.push(`demande au moins ${minutes(sheet.min)} (vous disposez de ${minutes(wish.duration)})`);
  }
  if (wish.participants !== null) {
    const [low, high] = sheet.people;
    if (wish.participants < low || wish.participants > high) {
      out.push(`se pratique de ${low} à ${high}\u00a0personnes (vous serez ${wish.participants})`);
    }
  }
  if (wish.phase && !sheet.phase.includes(wish.phase)) {
    out.push(`ne relève pas de l’étape «\u00a0${labels.phase}\u00a0»`);
  }
  if (wish.modality && !sheet.modality.includes(wish.modality)) {
    out.push(`ne se pratique pas en ${labels.modality}`);
  }
  return out;
}

function combinations(list, size, start = 0, prefix = [], out = []) {
  if (prefix.length === size) {
    out.push(prefix);
    return out;
  }
  for (let i = start; i < list.length; i += 1) combinations(list, size, i + 1, [...prefix, list[i]], out);
  return out;
}

/**
 * A sequence of the sheets that fit, within ``time`` minutes: an opening (a short sheet
 * that can open: at most a quarter of the time), a core of one to MAX_CORE sheets, a
 * closing (a sheet that can close). Each sheet gets its minimum duration, then the time
 * left goes to the core, then to the opening and closing, each up to its maximum. The
 * best one has a core, then both an opening and a closing, then fills the most time,
 * then has the shortest opening, then the fewest sheets. Null when no core fits.
 */
export function propose(sheets, time, order) {
  const shortest = (list) => [...list].sort((a, b) => a.min - b.min).slice(0, MAX_FRAMES);
  const openings = [null, ...shortest(sheets.filter((s) => s.opens && s.min <= time / 4))];
  const closings = [null, ...shortest(sheets.filter((s) => s.closes))];
  let best = null;
  for (const opening of openings) {
    for (const closing of closings) {
      if (opening && closing && opening === closing) continue;
      const frame = (opening ? opening.min : 0) + (closing ? closing.min : 0);
      if (frame >= time) continue;
      const rest = sheets
        .filter((s) => s !== opening && s !== closing && s.min <= time - frame)
        .sort((a, b) => b.min - a.min || sheets.indexOf(a) - sheets.indexOf(b))
        .slice(0, MAX_TRIED);
      for (let size = 1; size <= Math.min(MAX_CORE, rest.length); size += 1) {
        for (const core of combinations(rest, size)) {
          const used = frame + core.reduce((sum, s) => sum + s.min, 0);
          if (used > time) continue;
          const candidate = fill(opening, core, closing, time, order);
          if (better(candidate, best)) best = candidate;
        }
      }
    }
  }
  return best;
}

function fill(opening, core, closing, time, order) {
  const steps = [
    ...(opening ? [{ role: "Ouverture", sheet: opening }] : []),
    ...[...core].sort(order).map((sheet) => ({ role: "Cœur de l’atelier", sheet })),
    ...(closing ? [{ role: "Clôture", sheet: closing }] : []),
  ].map((step) => ({ ...step, minutes: step.sheet.min }));
  let left = time - steps.reduce((sum, s) => sum + s.minutes, 0);
  const centre = steps.filter((s) => s.role === "Cœur de l’atelier");
  for (const group of [centre, steps.filter((s) => s.role !== "Cœur de l’atelier")]) {
    for (const step of group) {
      const more = Math.min(left, step.sheet.max - step.minutes);
      step.minutes += more;
      left -= more;
    }
  }
  return {
    steps,
    frames: (opening ? 1 : 0) + (closing ? 1 : 0),
    total: time - left,
    opening: opening ? opening.min : Infinity,
    natural: steps.reduce((sum, s) => sum + s.sheet.min, 0),
  };
}

function better(a, b) {
  if (!b) return true;
  const keys = [
    [a.frames, b.frames, 1],
    [a.total, b.total, 1],
    [a.opening, b.opening, -1],
    [a.steps.length, b.steps.length, -1],
    [a.natural, b.natural, 1],
  ];
  for (const [x, y, sign] of keys) if (x !== y) return (x - y) * sign > 0;
  return false; // the first found wins: sheets are in title order
}

export function setupChooser() {
  const form = document.querySelector("[data-rx-chooser]");
  if (!form || form.hasAttribute("data-rx-ready")) return;
  form.setAttribute("data-rx-ready", "1");
  const fields = Array.from(form.querySelectorAll("input, select"));
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
  const sheets = Array.from(document.querySelectorAll("[data-rx-chooser-list] > li"), sheetOf);
  const position = new Map(sheets.map((s, i) => [s, i]));
  const phases = Array.from(byName.phase.options, (o) => o.value).filter(Boolean);
  // The core in the order of a design process, then by title.
  const order = (a, b) =>
    Math.min(...a.phase.map((p) => phases.indexOf(p))) -
      Math.min(...b.phase.map((p) => phases.indexOf(p))) ||
    position.get(a) - position.get(b);
  const status = document.querySelector("[data-rx-chooser-status]");
  const empty = document.querySelector("[data-rx-chooser-empty]");
  const sequence = document.querySelector("[data-rx-sequence]");
  const steps = sequence.querySelector("[data-rx-sequence-steps]");
  const total = sequence.querySelector("[data-rx-sequence-total]");
  const keep = sequence.querySelector("[data-rx-sequence-keep]");
  const kept = sequence.querySelector("[data-rx-sequence-kept]");
  const leftOut = document.querySelector("[data-rx-left-out]");
  const leftOutSummary = leftOut.querySelector("[data-rx-left-out-summary]");
  const leftOutList = leftOut.querySelector("[data-rx-left-out-list]");
  let proposed = null;

  const params = new URLSearchParams(location.search);
  for (const field of fields) {
    const wanted = params.get(field.name);
    if (!wanted) continue;
    if (field.tagName === "SELECT") {
      if (Array.from(field.options).some((o) => o.value === wanted)) field.value = wanted;
    } else if (/^\d{1,6}$/.test(wanted)) {
      field.value = wanted;
    } else {
      // A link of the former chooser: a bucket's slug, read as its upper bound.
      const former = (field.getAttribute("data-rx-former") || "").split(" ")
        .map((pair) => pair.split("=")).find(([slug]) => slug && slug === wanted);
      if (former) field.value = former[1];
    }
  }

  function wish() {
    const label = (select) => (select.value ? select.selectedOptions[0].textContent.toLowerCase() : "");
    return {
      duration: number(byName.duration),
      participants: number(byName.participants),
      phase: byName.phase.value,
      modality: byName.modality.value,
      labels: { phase: label(byName.phase), modality: label(byName.modality) },
    };
  }

  function describe(w, count) {
    const asked = [];
    if (w.duration !== null) asked.push(minutes(w.duration));
    if (w.participants !== null) asked.push(plural(w.participants, "personne", "personnes"));
    const criteria = asked.length ? ` pour ${asked.join(" et ")}` : " à vos critères";
    if (!count) return `Aucune fiche ne convient${criteria}.`;
    return `${plural(count, "fiche convient", "fiches conviennent")}${criteria}.`;
  }

  function apply() {
    const w = wish();
    const any = w.duration !== null || w.participants !== null || w.phase || w.modality;
    const fitting = [];
    const out = [];
    for (const sheet of sheets) {
      const why = reasons(sheet, w, w.labels);
      sheet.card.hidden = why.length > 0;
      if (why.length) out.push([sheet, why]); else fitting.push(sheet);
    }
    empty.hidden = fitting.length > 0;
    status.textContent = any
      ? describe(w, fitting.length)
      : `${plural(sheets.length, "fiche méthode", "fiches méthodes")}.`;

    leftOut.hidden = out.length === 0;
    leftOutSummary.textContent =
      `Pourquoi ${plural(out.length, "autre fiche n’est pas retenue", "autres fiches ne sont pas retenues")}`;
    leftOutList.textContent = "";
    for (const [sheet, why] of out) {
      const li = el("li");
      const link = el("a", null, sheet.title);
      link.href = sheet.url;
      li.append(link, document.createTextNode(` — ${why.join("\u202f; ")}.`));
      leftOutList.appendChild(li);
    }

    proposed = w.duration !== null ? propose(fitting, w.duration, order) : null;
    sequence.hidden = proposed === null;
    kept.textContent = "";
    steps.textContent = "";
    if (proposed) {
      sequence.querySelector("[data-rx-sequence-title]").textContent =
        `Un déroulé proposé pour ${minutes(w.duration)}`;
      for (const step of proposed.steps) {
        const li = el("li", "rx-sequence__step");
        li.appendChild(el("span", "rx-sequence__role", `${step.role}\u00a0: `));
        const link = el("a", null, step.sheet.title);
        link.href = step.sheet.url;
        li.append(link, document.createTextNode(" — "));
        li.appendChild(el("span", "rx-sequence__minutes", minutes(step.minutes)));
        li.setAttribute("data-minutes", String(step.minutes));
        li.setAttribute("data-slug", step.sheet.slug);
        steps.appendChild(li);
      }
      const spare = w.duration - proposed.total;
      total.textContent = `Durée totale\u00a0: ${minutes(proposed.total)}` +
        (spare > 0 ? `, soit ${minutes(spare)} de marge pour l’accueil et les pauses.` : ".");
    }

    const out2 = new URLSearchParams();
    for (const field of fields) if (field.value.trim()) out2.set(field.name, field.value.trim());
    const query = out2.toString();
    const url = location.pathname + (query ? `?${query}` : "");
    if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
  }

  keep.addEventListener("click", () => {
    if (!proposed) return;
    const before = read().length;
    add(proposed.steps.map((s) => ({ kind: "methodes", slug: s.sheet.slug })));
    const added = read().length - before;
    kept.textContent = added
      ? `${plural(added, "fiche ajoutée", "fiches ajoutées")} à votre sélection. `
      : "Ces fiches sont déjà dans votre sélection. ";
    const link = el("a", null, "Voir ma sélection");
    link.href = new URL("ma-selection/", ROOT).href;
    kept.appendChild(link);
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    apply();
  });
  form.addEventListener("reset", () => setTimeout(apply, 0));
  apply();
}
