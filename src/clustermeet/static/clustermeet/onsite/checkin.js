// The scanning page of the door (templates/onsite/checkin/scan.html), and its kiosk mode.
//
// Every scan (camera, hardware scanner typing into the text field, a typed code) is POSTed as
// JSON {token, scan_id, scanned_at}. When the network is down (fetch rejects, the server does
// not answer, navigator.onLine is false) the scan is decided from the roster the page loaded
// (and refreshes every few minutes), kept in a localStorage queue, and sent in one batch to
// …/checkin/sync/ when the browser says it is online again or on a timer. The server answers a
// scan_id it already has with the same answer, so a batch sent twice counts once.
//
// The kiosk (self check-in) greets by first name, forgets after a few seconds, has no search and
// keeps no roster: offline, it sends people to the desk.
import { gettext, h as el, interpolate, ngettext } from "../live/dom.js";
import { decodeImageData } from "./camera.js";
import { newScanId, setUpCameraToggle, storedQueue } from "./scanning.js";

const ROSTER_REFRESH_MS = 3 * 60 * 1000;
const SYNC_RETRY_MS = 15 * 1000;
const REQUEST_TIMEOUT_MS = 6000;
const KIOSK_RESET_MS = 6000;
const LOG_LENGTH = 8;

const root = document.getElementById("checkin");
const kiosk = root.dataset.kiosk === "1";
const urls = {
  scan: root.dataset.scanUrl,
  sync: root.dataset.syncUrl,
  search: root.dataset.searchUrl,
  roster: root.dataset.rosterUrl,
  person: root.dataset.personUrl,
};
const csrf = root.dataset.csrf;
const queueStore = storedQueue(`clustermeet.checkin.queue.${root.dataset.event}`);
const resultBox = document.getElementById("checkin-result");
const queueLine = document.getElementById("checkin-queue");
const tokenInput = document.getElementById("checkin-token");

let roster = null; // {day, badges: {nonce: {...}}, refused: {nonce: code}}
let syncing = false;
let kioskTimer = null;

// --- small helpers -----------------------------------------------------------------------------

// Times as the door's clock shows them: in the event's time zone, 24-hour (as the server's
// "already checked in at 09:12").
const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: root.dataset.timezone || undefined,
});

function timeOf(iso) {
  return iso ? timeFormat.format(new Date(iso)) : "";
}

class Offline extends Error {}

async function call(url, { method = "GET", body } = {}) {
  if (navigator.onLine === false) throw new Offline("offline");
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      signal: controller.signal,
      headers: {
        Accept: "application/json",
        ...(body ? { "Content-Type": "application/json", "X-CSRFToken": csrf } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new Offline("network");
  } finally {
    window.clearTimeout(timer);
  }
  if (response.status >= 500) throw new Offline("server");
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(data.error || gettext("The server refused this."));
    error.status = response.status;
    throw error;
  }
  return data;
}

// --- the result panel --------------------------------------------------------------------------

function titleOf(result) {
  if (result.code === "checked_in") {
    if (kiosk) return interpolate(gettext("Welcome, %(name)s!"), { name: result.first_name });
    return result.offline ? gettext("Checked in (offline, will be sent)") : gettext("Checked in");
  }
  if (result.code === "already") return gettext("Already checked in");
  if (result.code === "queued") return gettext("Saved, not yet checked");
  return gettext("Not checked in");
}

function show(result) {
  const box = el(
    "div",
    { class: "checkin-verdict", "data-colour": result.colour, "data-code": result.code },
    el("p", { class: "checkin-verdict-title" }, titleOf(result)),
  );
  if (!kiosk && result.name) {
    box.append(el("p", { class: "checkin-verdict-name" }, result.name));
    if (result.kind_label) box.append(el("p", { class: "checkin-verdict-role" }, result.kind_label));
    if (result.note) {
      box.append(
        el(
          "p",
          { class: "checkin-verdict-note" },
          el("strong", {}, gettext("Note:")),
          " ",
          result.note,
        ),
      );
    }
  }
  if (result.code !== "checked_in" && result.message) {
    box.append(el("p", { class: "checkin-verdict-message" }, result.message));
  } else if (kiosk) {
    box.append(
      el("p", { class: "checkin-verdict-message" }, gettext("You are checked in. Enjoy the conference!")),
    );
  }
  resultBox.replaceChildren(box);
  log(result);
  if (kiosk) {
    window.clearTimeout(kioskTimer);
    kioskTimer = window.setTimeout(resetKiosk, KIOSK_RESET_MS);
  }
}

function resetKiosk() {
  resultBox.replaceChildren(
    el(
      "div",
      { class: "checkin-verdict", "data-colour": "idle" },
      el("p", { class: "checkin-verdict-title" }, gettext("Scan your badge")),
      el(
        "p",
        { class: "checkin-verdict-message" },
        gettext("Hold the QR code of your badge or ticket in front of the camera."),
      ),
    ),
  );
}

function log(result) {
  const list = document.getElementById("checkin-log");
  if (!list || kiosk) return;
  document.getElementById("checkin-log-section").hidden = false;
  const who = result.name || gettext("Unknown badge");
  list.prepend(
    el(
      "li",
      { "data-colour": result.colour },
      el("span", { class: "checkin-log-time" }, timeOf(new Date().toISOString())),
      " ",
      el("strong", {}, who),
      " — ",
      titleOf(result),
    ),
  );
  while (list.children.length > LOG_LENGTH) list.lastElementChild.remove();
}

// --- the offline queue ------------------------------------------------------------------------

function readQueue() {
  return queueStore.read();
}

function writeQueue(queue) {
  queueStore.write(queue);
  showQueue(queue);
}

function showQueue(queue = readQueue()) {
  queueLine.hidden = queue.length === 0;
  queueLine.textContent = queue.length
    ? interpolate(
        ngettext(
          "%(count)s check-in waiting to be sent",
          "%(count)s check-ins waiting to be sent",
          queue.length,
        ),
        { count: queue.length },
      )
    : "";
}

async function sendQueue() {
  const queue = readQueue();
  if (syncing || queue.length === 0 || navigator.onLine === false) return;
  syncing = true;
  try {
    const data = await call(urls.sync, { method: "POST", body: { scans: queue } });
    const answered = new Set(data.results.map((r) => r.scan_id));
    // Scans queued while this batch was on its way stay for the next one.
    writeQueue(readQueue().filter((scan) => !answered.has(scan.scan_id)));
    const late = data.results.filter((r) => r.code !== "checked_in");
    for (const result of late) log(result);
    queueLine.hidden = false;
    queueLine.textContent = interpolate(
      ngettext("%(count)s queued check-in sent.", "%(count)s queued check-ins sent.", data.results.length),
      { count: data.results.length },
    );
    refreshRoster();
  } catch (error) {
    if (!(error instanceof Offline)) {
      queueLine.hidden = false;
      queueLine.textContent = error.message;
    }
  } finally {
    syncing = false;
  }
}

// --- the roster, for deciding offline -----------------------------------------------------------

async function refreshRoster() {
  if (kiosk) return;
  try {
    roster = await call(urls.roster);
    // What this page queued is still to come on the server: keep it as checked in.
    for (const scan of readQueue()) markLocal(scan.token, scan.scanned_at);
  } catch {
    // Keep the roster we have.
  }
}

function nonceOf(token) {
  return token.trim().split(".")[0];
}

function markLocal(token, when) {
  const entry = roster && roster.badges[nonceOf(token)];
  if (entry && !entry.checked_in_at) entry.checked_in_at = when;
}

function decideOffline(scan) {
  if (kiosk) {
    return {
      ok: false,
      code: "offline",
      colour: "red",
      message: gettext("The connection is down. Please go to the check-in desk."),
    };
  }
  if (!roster) {
    writeQueue([...readQueue(), scan]);
    return {
      ok: false,
      code: "queued",
      colour: "amber",
      message: gettext("No connection and no list of badges yet: the scan is saved and checked when the connection returns."),
    };
  }
  const nonce = nonceOf(scan.token);
  const entry = roster.badges[nonce];
  if (!entry) {
    const refused = roster.refused[nonce];
    const message =
      refused === "revoked"
        ? gettext("This badge is no longer valid (a new one was printed). Please send the person to the help desk.")
        : refused === "not_approved"
          ? gettext("This person's registration is not approved.")
          : gettext("This badge is not known. Please send the person to the help desk.");
    return { ok: false, code: refused || "unknown", colour: "red", message, offline: true };
  }
  const person = { name: entry.name, first_name: entry.first_name, kind_label: entry.kind_label, note: entry.note };
  if (entry.checked_in_at) {
    return {
      ok: false,
      code: "already",
      colour: "amber",
      offline: true,
      ...person,
      message: interpolate(gettext("Already checked in today at %(time)s."), {
        time: timeOf(entry.checked_in_at),
      }),
    };
  }
  writeQueue([...readQueue(), scan]);
  entry.checked_in_at = scan.scanned_at;
  return { ok: true, code: "checked_in", colour: "green", offline: true, ...person };
}

// --- scanning ---------------------------------------------------------------------------------

async function scan(text) {
  const token = (text || "").trim();
  if (!token) return null;
  const entry = {
    token,
    scan_id: newScanId(),
    scanned_at: new Date().toISOString(),
    method: kiosk ? "kiosk" : "scan",
  };
  let result;
  try {
    result = await call(urls.scan, { method: "POST", body: entry });
    if (result.code === "checked_in") markLocal(token, result.checked_in_at || entry.scanned_at);
  } catch (error) {
    result =
      error instanceof Offline
        ? decideOffline(entry)
        : { ok: false, code: "error", colour: "red", message: error.message };
  }
  show(result);
  return result;
}

function setUpCodeField() {
  const form = document.getElementById("scan-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = tokenInput.value;
    tokenInput.value = "";
    scan(value);
    tokenInput.focus();
  });
}

// --- search by name ---------------------------------------------------------------------------

function setUpCamera() {
  setUpCameraToggle(
    {
      box: document.getElementById("checkin-camera"),
      button: document.getElementById("camera-toggle"),
      status: document.getElementById("camera-status"),
      video: document.getElementById("checkin-video"),
    },
    (text) => scan(text),
  );
}

function setUpSearch() {
  const form = document.getElementById("search-form");
  if (!form) return;
  const input = document.getElementById("checkin-q");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  let timer = null;
  let asked = 0;

  async function run() {
    const text = input.value.trim();
    const mine = ++asked;
    if (text.length < 2) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const data = await call(`${urls.search}?q=${encodeURIComponent(text)}`);
      if (mine !== asked) return;
      list.replaceChildren(...data.results.map(row));
      status.textContent = data.results.length
        ? interpolate(ngettext("%(count)s person found.", "%(count)s people found.", data.results.length), {
            count: data.results.length,
          })
        : gettext("No approved participant matches.");
    } catch (error) {
      status.textContent =
        error instanceof Offline ? gettext("The search needs the connection. Scan the badge instead.") : error.message;
    }
  }

  function row(found) {
    const button = el(
      "button",
      {
        class: "button small",
        type: "button",
        "aria-label": interpolate(gettext("Check in %(name)s"), { name: found.name }),
      },
      gettext("Check in"),
    );
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const result = await call(urls.person.replace(/\/0\/$/, `/${found.registration}/`), {
          method: "POST",
          body: {},
        });
        show(result);
        run();
      } catch (error) {
        show({
          ok: false,
          code: "error",
          colour: "red",
          message: error instanceof Offline ? gettext("No connection: scan the badge instead.") : error.message,
        });
      } finally {
        button.disabled = false;
      }
    });
    const about = el("div", {}, el("strong", {}, found.name));
    if (found.organisation) about.append(" ", el("span", { class: "muted" }, found.organisation));
    about.append(el("br"), el("span", { class: "badge" }, found.kind_label));
    if (found.note) about.append(" ", el("span", { class: "badge warn" }, found.note));
    if (found.checked_in_at) {
      about.append(
        " ",
        el("span", { class: "badge ok" }, interpolate(gettext("In at %(time)s"), { time: timeOf(found.checked_in_at) })),
      );
    }
    return el("li", {}, about, button);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 300);
  });
}

// --- start ------------------------------------------------------------------------------------

setUpCodeField();
setUpCamera();
setUpSearch();
showQueue();
refreshRoster();
window.setInterval(refreshRoster, ROSTER_REFRESH_MS);
window.setInterval(sendQueue, SYNC_RETRY_MS);
window.addEventListener("online", sendQueue);
sendQueue();

// For tests and for pages that have a picture of a code rather than a camera.
window.clustermeetCheckin = {
  scan,
  sendQueue,
  refreshRoster,
  async scanImage(imageData) {
    const text = await decodeImageData(imageData);
    return text ? scan(text) : null;
  },
};
