// The organisers' live dashboard (templates/reports/dashboard/live.html): the server renders
// the figures and charts; this module subscribes over the event's websocket
// (`reports.subscribe_dashboard`, docs/protocol.md) and redraws them from the snapshot and from
// every `reports.dashboard` event (complete figures each time). The charts' geometry is the
// server's (reports/dashboard/charts.py): keep the two in step. The live region announces a
// one-sentence summary at most once a minute.
import { h, interpolate } from "../live/dom.js";
import { LiveSocket, statusText } from "../live/socket.js";

const SVG = "http://www.w3.org/2000/svg";
const ANNOUNCE_MS = 60000;
const TITLE_CHARS = 44;

const root = document.getElementById("dashboard");
const text = root.dataset;
const lang = document.documentElement.lang || undefined;
const numbers = new Intl.NumberFormat(lang);
const percent = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat(lang, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const clock = new Intl.DateTimeFormat(lang, {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: text.tz,
});
const seconds = new Intl.DateTimeFormat(lang, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: text.tz,
});
const phaseNode = document.getElementById("dash-phase-labels");
const phaseLabels = phaseNode ? JSON.parse(phaseNode.textContent) : {};

const num = (value) => (value == null ? "–" : numbers.format(value));
const dayLabel = (iso) => dayFormat.format(new Date(`${iso}T12:00:00Z`));
const round1 = (value) => String(Math.round(value * 10) / 10);
const byId = (id) => document.getElementById(id);

function svg(tag, attrs, content) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (content != null) el.textContent = String(content);
  return el;
}

function shortTitle(title) {
  return title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title;
}

// --- charts (charts.py's geometry) -------------------------------------------------------------

function draw(id, width, height, parts) {
  const chart = byId(id);
  if (!chart) return;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (chart.hasAttribute("width")) {
    chart.setAttribute("width", width);
    chart.setAttribute("height", height);
  }
  chart.querySelector("[data-plot]").replaceChildren(...parts);
}

function sparkline(values) {
  const [width, height, pad] = [300, 64, 4];
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const most = Math.max(0, ...values) || 1;
  const step = innerW / Math.max(values.length - 1, 1);
  const points = values.map((v, i) => [pad + i * step, pad + innerH - (v * innerH) / most]);
  if (!points.length) return draw("dash-spark", width, height, []);
  const line = points.map(([x, y]) => `${round1(x)},${round1(y)}`).join(" ");
  const base = round1(pad + innerH);
  const first = round1(points[0][0]);
  const [lastX, lastY] = points[points.length - 1];
  draw("dash-spark", width, height, [
    svg("polygon", { class: "spark-area", points: `${first},${base} ${line} ${round1(lastX)},${base}` }),
    svg("polyline", { class: "spark-line", points: line }),
    svg("circle", { class: "spark-dot", cx: round1(lastX), cy: round1(lastY), r: 3 }),
  ]);
}

function columns(rows) {
  const [column, gap, height, labels] = [34, 8, 160, 20];
  const width = Math.max(rows.length, 1) * (column + gap) + gap;
  const innerH = height - 2 * labels;
  const most = Math.max(0, ...rows.map(([, v]) => v)) || 1;
  const parts = rows.flatMap(([label, value], i) => {
    const x = gap + i * (column + gap);
    const barH = (value * innerH) / most;
    const y = labels + innerH - barH;
    const middle = round1(x + column / 2);
    return [
      svg("rect", { class: "bar", x, y: round1(y), width: column, height: round1(barH) }),
      svg("text", { class: "value", x: middle, y: round1(y - 4), "text-anchor": "middle" }, value),
      svg("text", { class: "label", x: middle, y: height - 4, "text-anchor": "middle" }, label),
    ];
  });
  draw("dash-hours", width, height, parts);
}

function barRows(items) {
  const [rowH, bar, width, label] = [38, 12, 360, 16];
  const most = Math.max(0, ...items.map(([, v]) => v)) || 1;
  const parts = items.flatMap(([title, value], i) => {
    const y = i * rowH;
    const w = (value * (width - 40)) / most;
    return [
      svg("text", { class: "label", x: 0, y: y + label - 2 }, title),
      svg("rect", { class: "bar", x: 0, y: y + label + 2, width: round1(w), height: bar }),
      svg("text", { class: "value", x: round1(w + 6), y: y + label + bar }, value),
    ];
  });
  draw("dash-votes", width, Math.max(items.length, 1) * rowH, parts);
}

// --- the page ------------------------------------------------------------------------------

function lookup(figures, path) {
  return path.split(".").reduce((value, key) => (value == null ? null : value[key]), figures);
}

function show(id, visible) {
  const node = byId(id);
  if (node) node.hidden = !visible;
}

function cells(...values) {
  return values.map((value) => h("td", { class: "num" }, value));
}

function renderSessions(sessions) {
  show("dash-sessions-empty", !sessions.length);
  show("dash-sessions-table", sessions.length > 0);
  byId("dash-sessions").replaceChildren(
    ...sessions.map((s) => {
      const when = `${clock.format(new Date(s.starts_at))}–${clock.format(new Date(s.ends_at))}`;
      return h(
        "tr",
        {},
        h(
          "th",
          { scope: "row" },
          h("a", { href: `/events/${text.eventSlug}/sessions/${s.slug}/` }, s.title),
          h("br"),
          h("span", { class: "dash-when" }, s.room ? `${when} · ${s.room}` : when),
        ),
        ...cells(num(s.votes), num(s.questions), num(s.open_polls)),
      );
    }),
  );
  barRows(sessions.map((s) => [shortTitle(s.title), s.votes]));
  const total = sessions.reduce((sum, s) => sum + s.votes, 0);
  show("dash-votes-box", total > 0);  // a chart of zeros says nothing the table does not
  byId("dash-votes-desc").textContent = interpolate(text.textVotes, { total: num(total) });
}

function renderDoor(door) {
  if (!door || !byId("dash-hours")) return;
  const day = door.per_hour.reduce((last, row) => (row.day > last ? row.day : last), "");
  const hours = door.per_hour.filter((row) => row.day === day);
  show("dash-hours-empty", !hours.length);
  show("dash-hours", hours.length > 0);
  byId("dash-hours-day").textContent = day ? dayLabel(day) : "";
  columns(hours.map((row) => [String(row.hour), row.checked_in]));
  byId("dash-hours-rows").replaceChildren(
    ...hours.map((row) =>
      h("tr", {}, h("th", { scope: "row" }, `${row.hour}:00`), h("td", {}, row.checked_in)),
    ),
  );
  const values = hours.map((row) => row.checked_in);
  byId("dash-hours-desc").textContent = interpolate(text.textHours, {
    total: num(values.reduce((a, b) => a + b, 0)),
    day: day ? dayLabel(day) : "",
    most: num(Math.max(0, ...values)),
  });
}

function renderAwards(awards) {
  const body = byId("dash-awards");
  if (!body) return;
  body.replaceChildren(
    ...awards.map((row) => {
      const counts =
        row.decided_by !== "vote"
          ? [h("td", { colspan: 2 }, row.decided_by === "jury" ? text.textJury : text.textOrganisers)]
          : [
              h(
                "td",
                { class: "num" },
                num(row.total),
                h("br"),
                h(
                  "span",
                  { class: "dash-when" },
                  interpolate(text.textChannels, { online: num(row.online), onsite: num(row.onsite) }),
                ),
              ),
              h("td", { class: "num" }, row.percent == null ? "–" : `${percent.format(row.percent)} %`),
            ];
      return h(
        "tr",
        {},
        h(
          "th",
          { scope: "row" },
          row.name,
          h("br"),
          h("span", { class: "dash-when" }, phaseLabels[row.phase] || row.phase),
        ),
        ...counts,
      );
    }),
  );
}

function summary(figures) {
  let sentence = interpolate(text.textSummary, {
    registered: num(figures.registrations.registered),
    approved: num(figures.registrations.approved),
    online: num(figures.online.people),
    live: num(figures.sessions.length),
  });
  if (figures.door) {
    sentence += ` ${interpolate(text.textSummaryDoor, { checked_in: num(figures.door.checked_in) })}`;
  }
  return sentence;
}

// The live region: the latest summary, at most once a minute (never on the first figures).
const region = byId("dash-summary");
let lastSentence = null;
let lastAnnounced = 0;
let announceTimer = null;

function announce(sentence) {
  if (lastSentence === null) {
    lastSentence = sentence;
    lastAnnounced = Date.now();
    return;
  }
  if (sentence === lastSentence) return;
  window.clearTimeout(announceTimer);
  const wait = lastAnnounced + ANNOUNCE_MS - Date.now();
  const speak = () => {
    lastSentence = sentence;
    lastAnnounced = Date.now();
    region.textContent = sentence;
  };
  if (wait <= 0) speak();
  else announceTimer = window.setTimeout(speak, wait);
}

function render(figures) {
  const perDay = figures.registrations_per_day;
  const spark = perDay.map((row) => row.registrations);
  const derived = { spark_total: spark.reduce((a, b) => a + b, 0) };
  for (const node of root.querySelectorAll("[data-figure]")) {
    const path = node.dataset.figure;
    node.textContent = num(path in derived ? derived[path] : lookup(figures, path));
  }
  sparkline(spark);
  byId("dash-spark-desc").textContent = interpolate(text.textSpark, {
    total: num(derived.spark_total),
    days: num(perDay.length),
    most: num(Math.max(0, ...spark)),
  });
  byId("dash-spark-rows").replaceChildren(
    ...perDay.map((row) =>
      h("tr", {}, h("th", { scope: "row" }, dayLabel(row.day)), h("td", {}, row.registrations)),
    ),
  );
  renderDoor(figures.door);
  renderSessions(figures.sessions);
  renderAwards(figures.awards);
  const asOf = byId("dash-as-of");
  const now = new Date();
  asOf.setAttribute("datetime", now.toISOString());
  asOf.textContent = seconds.format(now);
  announce(summary(figures));
}

const status = byId("dash-status");
const socket = new LiveSocket(text.wsPath, {
  async onOpen(live) {
    const reply = await live.request("reports.subscribe_dashboard");
    render(reply.data);
  },
  onEvent(message) {
    if (message.type === "reports.dashboard") render(message.data);
  },
  onStatus(state, detail) {
    status.textContent = statusText(state, detail);
  },
});
socket.start();
