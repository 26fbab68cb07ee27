// The event's websocket, speaking docs/protocol.md: `request(type, data)` sends a message with
// a fresh id and resolves with the reply carrying that id (or rejects with a LiveError for an
// `error` reply); server events (no id) go to `onEvent`. On disconnect it reconnects with
// exponential backoff and runs `onOpen` again (join, subscribe: a fresh snapshot).
import { gettext, interpolate } from "./dom.js";

export class LiveError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const MAX_DELAY_MS = 15000;
const PING_MS = 25000;

export class LiveSocket {
  constructor(path, { onOpen, onEvent, onStatus }) {
    this.path = path;
    this.onOpen = onOpen;
    this.onEvent = onEvent;
    this.onStatus = onStatus || (() => {});
    this.ws = null;
    this.pending = new Map();
    this.nextId = 0;
    this.attempt = 0;
    this.retryTimer = null;
    this.pingTimer = null;
    this.stopped = false;
  }

  start() {
    window.addEventListener("online", () => this.reconnectNow());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.reconnectNow();
    });
    this.connect();
  }

  reconnectNow() {
    if (this.ws || this.stopped) return;
    window.clearTimeout(this.retryTimer);
    this.connect();
  }

  connect() {
    this.retryTimer = null;
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${window.location.host}${this.path}`);
    this.ws = ws;
    this.onStatus(this.attempt ? "reconnecting" : "connecting");
    ws.addEventListener("open", () => this.opened(ws));
    ws.addEventListener("message", (event) => this.received(event.data));
    ws.addEventListener("close", (event) => this.closed(ws, event));
  }

  async opened(ws) {
    this.pingTimer = window.setInterval(() => {
      this.request("ping").catch(() => {});
    }, PING_MS);
    try {
      await this.onOpen(this);
      if (this.ws === ws) {
        this.attempt = 0;
        this.onStatus("online");
      }
    } catch (error) {
      // Subscribing failed (e.g. the session went away): close, and try again later.
      this.onStatus("error", error);
      ws.close();
    }
  }

  closed(ws, event) {
    if (this.ws !== ws) return;
    this.ws = null;
    window.clearInterval(this.pingTimer);
    for (const { reject } of this.pending.values()) {
      reject(new LiveError("offline", gettext("The connection was lost. Please try again.")));
    }
    this.pending.clear();
    if (event.code === 4404) {
      this.stopped = true;
      this.onStatus("gone");
      return;
    }
    const delay = Math.min(MAX_DELAY_MS, 500 * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.onStatus("offline", Math.round(delay / 1000));
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  received(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.id != null && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === "error") {
        reject(new LiveError(message.data.code, message.data.message));
      } else {
        resolve(message);
      }
      return;
    }
    if (message.type !== "error") this.onEvent(message);
  }

  request(type, data = {}) {
    return new Promise((resolve, reject) => {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        reject(new LiveError("offline", gettext("Not connected — reconnecting. Please try again.")));
        return;
      }
      this.nextId += 1;
      const id = String(this.nextId);
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ type, id, data }));
    });
  }
}

// The connection state as words, for a status line.
export function statusText(status, detail) {
  switch (status) {
    case "online":
      // Translators: the connection status of a live page: connected, updates arrive live.
      return gettext("Live");
    case "connecting":
      return gettext("Connecting…");
    case "reconnecting":
      return gettext("Reconnecting…");
    case "offline":
      return interpolate(gettext("Connection lost — retrying in %(seconds)s s"), {
        seconds: detail || 1,
      });
    case "gone":
      return gettext("This event is not available.");
    default:
      return gettext("Connection problem — retrying");
  }
}
