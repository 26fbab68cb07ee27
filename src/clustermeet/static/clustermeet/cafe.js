// World café "my table": countdown to the round's end (then on to the next round, without a
// reload), and the notes of the table over the event's websocket (docs/protocol.md, "World café"): writers autosave as they type (debounced),
// everyone at the table sees the others' notes live.

const DEBOUNCE_MS = 700;

// The texts of the page, from the catalogue /i18n/catalog.js defines (base.html loads it before
// the modules); English as written here if it did not load. Each text is written out in a
// gettext() call, so that makemessages finds it.
const gettext = window.gettext ?? ((text) => text);
const pgettext = window.pgettext ?? ((_context, text) => text);
const interpolate =
  window.interpolate ??
  ((text, values) => text.replace(/%\((\w+)\)s/g, (_match, key) => String(values[key])));

// What runs on the page now (countdown timers, the notes' websocket): stopped before the page
// content is replaced by the next round's.
let running = [];

// The countdown of the round shown. When a round the page was opened before starts, the page is
// refreshed (the organisers may have seated people at the last minute); when it ends, the page
// moves on to the next round by itself. A past round opened on purpose (?round=N) stays put.
function countdown(node) {
  const starts = Date.parse(node.dataset.startsAt);
  const ends = Date.parse(node.dataset.endsAt);
  const round = Number(node.dataset.round);
  const next = node.dataset.nextRound ? Number(node.dataset.nextRound) : null;
  const openedAt = Date.now();
  let timer = null;
  const tick = () => {
    const now = Date.now();
    let remaining;
    if (now < starts) {
      remaining = starts - now;
      const time = format(remaining);
      // Translators: the time is a countdown, minutes:seconds ("4:05").
      node.textContent = interpolate(gettext("Starts in %(time)s"), { time }, true);
    } else if (now < ends) {
      if (openedAt < starts) {
        node.textContent = gettext("The round starts now");
        goTo(round);
        return;
      }
      remaining = ends - now;
      const time = format(remaining);
      // Translators: the time is a countdown, minutes:seconds ("4:05").
      node.textContent = interpolate(gettext("%(time)s left in this round"), { time }, true);
    } else if (next !== null && openedAt < ends) {
      node.textContent = interpolate(
        gettext("This round has ended — on to round %(number)s…"),
        { number: next },
        true,
      );
      goTo(next);
      return;
    } else {
      node.textContent =
        next === null ? gettext("The café has ended") : gettext("This round has ended");
      return;
    }
    // Tick on the countdown's whole seconds, so that the switch comes on time.
    timer = setTimeout(tick, remaining % 1000 || 1000);
  };
  tick();
  return () => clearTimeout(timer);
}

function format(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
}

// Show round `number`: fetch this page for it and swap the café part in, without a reload; on
// any failure, navigate there instead.
async function goTo(number) {
  const url = new URL(location.href);
  url.searchParams.set("round", String(number));
  try {
    const response = await fetch(url, { headers: { Accept: "text/html" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const fresh = new DOMParser()
      .parseFromString(await response.text(), "text/html")
      .querySelector("[data-cafe-page]");
    const current = document.querySelector("[data-cafe-page]");
    if (!fresh || !current) throw new Error("no café content");
    stop();
    current.innerHTML = fresh.innerHTML;
    history.replaceState(history.state, "", url);
    const status = document.querySelector('[data-role="cafe-status"]');
    const table = current.querySelector("#table-title");
    if (status) {
      status.textContent = table
        ? interpolate(
            gettext("Round %(number)s: %(table)s"),
            { number, table: table.textContent },
            true,
          )
        : interpolate(gettext("Round %(number)s"), { number }, true);
    }
    start();
  } catch {
    location.assign(url);
  }
}

function notes(section) {
  const table = Number(section.dataset.table);
  const round = Number(section.dataset.round);
  const status = section.querySelector('[data-role="connection"]');
  const pending = new Map(); // question id -> timer
  const sent = new Map(); // message id -> question id
  let socket = null;
  let next = 0;
  let delay = 1000;
  let stopped = false;

  const send = (type, data) => {
    next += 1;
    const id = String(next);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type, id, data }));
    }
    return id;
  };
  const slot = (question) => section.querySelector(`[data-question="${question}"]`);
  const setStatus = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  const save = (question, textarea) => {
    const saved = slot(question).querySelector('[data-role="saved"]');
    saved.textContent = gettext("Saving…");
    const id = send("cafe.note", { table, round, question, text: textarea.value });
    sent.set(id, question);
  };

  for (const textarea of section.querySelectorAll('[data-role="note"]')) {
    const question = Number(textarea.closest("[data-question]").dataset.question);
    textarea.addEventListener("input", () => {
      clearTimeout(pending.get(question));
      slot(question).querySelector('[data-role="saved"]').textContent = gettext("Editing…");
      pending.set(question, setTimeout(() => save(question, textarea), DEBOUNCE_MS));
    });
  }

  const show = (note) => {
    const node = slot(note.question);
    if (!node) return;
    const textarea = node.querySelector('[data-role="note"]');
    if (textarea) {
      // Someone else wrote: take their text unless this writer is typing right now.
      if (document.activeElement !== textarea || !pending.get(note.question)) {
        textarea.value = note.text;
      }
      const who = note.updated_by || "?";
      node.querySelector('[data-role="saved"]').textContent = interpolate(
        // Translators: who last wrote this note (a name).
        gettext("Saved (%(who)s)"),
        { who },
        true,
      );
    } else {
      node.querySelector('[data-role="note-text"]').textContent = note.text;
    }
  };

  const open = () => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}${section.dataset.ws}`);
    socket.addEventListener("open", () => {
      delay = 1000;
      // Translators: the state of the notes' connection: connected, changes arrive live.
      setStatus("open", pgettext("connection", "Live"));
      send("cafe.subscribe_table", { table, round });
    });
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "cafe.snapshot") {
        message.data.notes.forEach(show);
      } else if (message.type === "cafe.note" && message.data.table === table) {
        show(message.data);
      } else if (message.type === "ack" && sent.has(message.id)) {
        const question = sent.get(message.id);
        sent.delete(message.id);
        pending.delete(question);
        const time = new Date(message.data.updated_at).toLocaleTimeString(
          document.documentElement.lang || undefined,
        );
        slot(question).querySelector('[data-role="saved"]').textContent = interpolate(
          gettext("Saved at %(time)s"),
          { time },
          true,
        );
      } else if (message.type === "error") {
        const question = sent.get(message.id);
        if (question !== undefined) {
          slot(question).querySelector('[data-role="saved"]').textContent =
            interpolate(gettext("Not saved: %(reason)s"), { reason: message.data.message }, true);
        } else {
          setStatus("error", message.data.message);
        }
      }
    });
    socket.addEventListener("close", () => {
      if (stopped) return;
      setStatus("closed", gettext("Reconnecting…"));
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 30000);
    });
  };
  open();
  return () => {
    // Save what is being typed, then leave (the socket sends what it has queued before closing).
    for (const [question, timer] of pending) {
      clearTimeout(timer);
      const textarea = slot(question)?.querySelector('[data-role="note"]');
      if (textarea) save(question, textarea);
    }
    stopped = true;
    socket?.close();
  };
}

function start() {
  for (const node of document.querySelectorAll("[data-cafe-countdown]")) {
    running.push(countdown(node));
  }
  for (const section of document.querySelectorAll("[data-cafe-notes]")) {
    running.push(notes(section));
  }
}

function stop() {
  for (const halt of running) halt();
  running = [];
}

start();
