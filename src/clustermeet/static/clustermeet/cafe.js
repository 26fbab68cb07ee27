// World café "my table": countdown to the round's end, and the notes of the table over the
// event's websocket (docs/protocol.md, "World café"): writers autosave as they type (debounced),
// everyone at the table sees the others' notes live.

const DEBOUNCE_MS = 700;

function countdown(node) {
  const starts = Date.parse(node.dataset.startsAt);
  const ends = Date.parse(node.dataset.endsAt);
  const tick = () => {
    const now = Date.now();
    if (now < starts) {
      node.textContent = `Starts in ${format(starts - now)}`;
    } else if (now < ends) {
      node.textContent = `${format(ends - now)} left in this round`;
    } else {
      node.textContent = "This round has ended — reload for your next table";
      return;
    }
    setTimeout(tick, 1000);
  };
  tick();
}

function format(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
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
    saved.textContent = "Saving…";
    const id = send("cafe.note", { table, round, question, text: textarea.value });
    sent.set(id, question);
  };

  for (const textarea of section.querySelectorAll('[data-role="note"]')) {
    const question = Number(textarea.closest("[data-question]").dataset.question);
    textarea.addEventListener("input", () => {
      clearTimeout(pending.get(question));
      slot(question).querySelector('[data-role="saved"]').textContent = "Editing…";
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
      node.querySelector('[data-role="saved"]').textContent = `Saved (${note.updated_by || "?"})`;
    } else {
      node.querySelector('[data-role="note-text"]').textContent = note.text;
    }
  };

  const open = () => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}${section.dataset.ws}`);
    socket.addEventListener("open", () => {
      delay = 1000;
      setStatus("open", "Live");
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
        const time = new Date(message.data.updated_at).toLocaleTimeString();
        slot(question).querySelector('[data-role="saved"]').textContent = `Saved at ${time}`;
      } else if (message.type === "error") {
        const question = sent.get(message.id);
        if (question !== undefined) {
          slot(question).querySelector('[data-role="saved"]').textContent =
            `Not saved: ${message.data.message}`;
        } else {
          setStatus("error", message.data.message);
        }
      }
    });
    socket.addEventListener("close", () => {
      setStatus("closed", "Reconnecting…");
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 30000);
    });
  };
  open();
}

for (const node of document.querySelectorAll("[data-cafe-countdown]")) countdown(node);
for (const section of document.querySelectorAll("[data-cafe-notes]")) notes(section);
