// The organisers' door figures (templates/onsite/checkin/figures.html): the server renders them;
// this module subscribes to the event's websocket (`onsite.subscribe_door`, docs/protocol.md)
// and redraws the numbers from the snapshot and from every `onsite.door` broadcast.
import { LiveSocket, statusText } from "../live/socket.js";

const gettext = (msgid) => (window.gettext ? window.gettext(msgid) : msgid);
const interpolate = (format, values) =>
  window.interpolate
    ? window.interpolate(format, values, true)
    : format.replace(/%\((\w+)\)s/g, (match, name) => String(values[name]));

const root = document.getElementById("door-figures");
const lang = document.documentElement.lang || undefined;
const dayFormat = new Intl.DateTimeFormat(lang, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

function dayLabel(iso) {
  return dayFormat.format(new Date(`${iso}T12:00:00Z`));
}

function cell(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  node.textContent = String(text);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function tableRow(label, checkedIn, expected) {
  const tr = document.createElement("tr");
  tr.append(cell("th", label, { scope: "row" }), cell("td", checkedIn), cell("td", expected));
  return tr;
}

function render(figures) {
  document.getElementById("door-checked-in").textContent = figures.checked_in;
  document.getElementById("door-expected").textContent = figures.expected;
  document
    .getElementById("door-days")
    .replaceChildren(
      ...figures.per_day.map((row) => tableRow(dayLabel(row.day), row.checked_in, row.expected)),
    );
  const kinds = document.getElementById("door-kinds");
  if (figures.per_kind.length) {
    kinds.replaceChildren(
      ...figures.per_kind.map((row) => tableRow(row.label, row.checked_in, row.expected)),
    );
  }
  const hours = document.getElementById("door-hours");
  if (!figures.per_hour.length) return;
  const most = figures.max_hour || 1;
  hours.replaceChildren(
    ...figures.per_hour.map((row) => {
      const li = document.createElement("li");
      const label = interpolate(gettext("%(day)s, %(hour)s:00"), {
        day: dayLabel(row.day),
        hour: row.hour,
      });
      const bar = document.createElement("span");
      bar.className = "door-bar";
      bar.setAttribute("aria-hidden", "true");
      const fill = document.createElement("span");
      fill.style.width = `${Math.round((100 * row.checked_in) / most)}%`;
      bar.append(fill);
      li.append(
        cell("span", label, { class: "door-hour-label" }),
        bar,
        cell("span", row.checked_in, { class: "door-hour-count" }),
      );
      return li;
    }),
  );
}

const status = document.getElementById("door-status");
const socket = new LiveSocket(root.dataset.wsPath, {
  async onOpen(live) {
    const reply = await live.request("onsite.subscribe_door");
    render(reply.data);
  },
  onEvent(message) {
    if (message.type === "onsite.door") render(message.data);
  },
  onStatus(state, detail) {
    status.textContent = statusText(state, detail);
  },
});
socket.start();
