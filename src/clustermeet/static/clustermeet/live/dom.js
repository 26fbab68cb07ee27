// Small DOM helpers shared by the live pages. Text always goes in as text (never as HTML).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "style") Object.assign(el.style, value);
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

// The translation catalogue of /i18n/catalog.js (Django's JavaScriptCatalog), which the pages
// load before the modules; without it the texts stay English. `interpolate` takes named
// placeholders: interpolate(gettext("%(n)s votes"), { n: 3 }).
const catalog = window;
export const gettext = (msgid) => (catalog.gettext ? catalog.gettext(msgid) : msgid);
export const ngettext = (singular, plural, count) =>
  catalog.ngettext ? catalog.ngettext(singular, plural, count) : count === 1 ? singular : plural;
export const pgettext = (context, msgid) =>
  catalog.pgettext ? catalog.pgettext(context, msgid) : msgid;
export const interpolate = (format, values) =>
  catalog.interpolate
    ? catalog.interpolate(format, values, true)
    : format.replace(/%\((\w+)\)s/g, (match, name) => String(values[name]));

const LOCALE = document.documentElement.lang || "en";

// Organisers' content in the viewer's language: `translations` is {language code: text} from
// the payload (docs/protocol.md); the original when there is none for this page's language.
export function localised(original, translations) {
  if (!translations) return original;
  const lang = LOCALE.toLowerCase();
  return translations[lang] || translations[lang.split("-")[0]] || original;
}
const decimals = (n) =>
  new Intl.NumberFormat(LOCALE, { minimumFractionDigits: n, maximumFractionDigits: n });
const decimal1 = decimals(1);
const decimal2 = decimals(2);
const whole = new Intl.NumberFormat(LOCALE);

export const fmt = {
  percent: (value) => `${decimal1.format(value)} %`,
  decimal2: (value) => decimal2.format(value),
  decimal1: (value) => decimal1.format(value),
  count: (value) => whole.format(value),
};

// A polite live region: `say` replaces its text (the same text twice is announced twice).
export function announcer(region) {
  return (text) => {
    region.textContent = "";
    window.setTimeout(() => {
      region.textContent = text;
    }, 50);
  };
}

// Calls `fn` at most once every `ms`; the last call always runs.
export function throttle(fn, ms) {
  let last = 0;
  let timer = null;
  let pending = null;
  return (...args) => {
    pending = args;
    const wait = last + ms - Date.now();
    if (wait <= 0 && !timer) {
      last = Date.now();
      fn(...pending);
      return;
    }
    if (!timer) {
      timer = window.setTimeout(() => {
        timer = null;
        last = Date.now();
        fn(...pending);
      }, Math.max(wait, 0));
    }
  };
}

// Puts `children` into `container` in this order, moving only the nodes that are out of place
// (a node that does not move keeps its focus and its form state).
export function keepOrder(container, children) {
  children.forEach((child, index) => {
    if (container.children[index] !== child) {
      container.insertBefore(child, container.children[index] || null);
    }
  });
  while (container.children.length > children.length) {
    container.lastElementChild.remove();
  }
}

// Seconds left for a timed (quiz) question, or null.
export function secondsLeft(poll) {
  if (!poll.time_limit_s || !poll.opened_at || poll.status !== "open") return null;
  const deadline = Date.parse(poll.opened_at) + poll.time_limit_s * 1000;
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}
