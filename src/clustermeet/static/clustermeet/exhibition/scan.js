// The badge scanning page of a booth (templates/exhibition/leads/scan.html).
//
// Every scan (camera, a hardware scanner typing into the field, a typed code) is POSTed as JSON
// {token, scan_id}. The answer (new lead / already a lead / refused) is shown with a note field
// and hot / warm / cold buttons saved to the lead. When the network is down the scan is kept in a
// localStorage queue (with its scan_id, and the note and rating typed meanwhile) and sent in one
// batch to …/scan/sync/ when the browser is online again (or on a timer). The server answers a
// scan_id it already has with the same lead, so a batch sent twice counts once.
import { gettext, h as el, interpolate, ngettext } from "../live/dom.js";
import { decodeImageData } from "../onsite/camera.js";
import { newScanId, setUpCameraToggle, storedQueue } from "../onsite/scanning.js";

const SYNC_RETRY_MS = 15 * 1000;
const REQUEST_TIMEOUT_MS = 6000;

const root = document.getElementById("lead-scan");
const urls = { scan: root.dataset.scanUrl, sync: root.dataset.syncUrl, lead: root.dataset.leadUrl };
const csrf = root.dataset.csrf;
const queueStore = storedQueue(`clustermeet.leads.queue.${root.dataset.booth}`);
const resultBox = document.getElementById("lead-result");
const queueLine = document.getElementById("lead-queue");
const tokenInput = document.getElementById("lead-token");
const noteForm = document.getElementById("lead-note");
const noteText = document.getElementById("lead-note-js");
const noteStatus = document.getElementById("lead-note-status");

let syncing = false;
let current = null; // {lead} (saved on the server) or {scan_id} (still in the queue)
let rating = "";

class Offline extends Error {}

async function call(url, body) {
  if (navigator.onLine === false) throw new Offline("offline");
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      signal: controller.signal,
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Offline("network");
  } finally {
    window.clearTimeout(timer);
  }
  if (response.status >= 500) throw new Offline("server");
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || gettext("The server refused this."));
  return data;
}

// --- the result and its note ---------------------------------------------------------------------

function titleOf(result) {
  if (result.code === "new") return gettext("New lead");
  if (result.code === "already") return gettext("Already a lead");
  if (result.code === "queued") return gettext("Saved offline, will be sent");
  return gettext("Not recorded");
}

function colourOf(result) {
  return result.code === "new" ? "green" : result.code === "already" || result.code === "queued" ? "amber" : "red";
}

function show(result) {
  const box = el(
    "div",
    { class: "checkin-verdict", "data-colour": colourOf(result), "data-code": result.code },
    el("p", { class: "checkin-verdict-title" }, titleOf(result)),
  );
  if (result.name) box.append(el("p", { class: "checkin-verdict-name" }, result.name));
  if (result.organisation) box.append(el("p", { class: "checkin-verdict-role" }, result.organisation));
  if (!result.ok && result.message) box.append(el("p", { class: "checkin-verdict-message" }, result.message));
  resultBox.replaceChildren(box);
  const stale = document.getElementById("lead-note-static");
  if (stale) stale.remove();
  if (result.ok && result.lead) current = { lead: result.lead };
  else if (result.code === "queued") current = { scan_id: result.scan_id };
  else current = null;
  noteForm.hidden = current === null;
  noteText.value = result.note || "";
  setRating(result.rating || "");
  noteStatus.textContent = "";
}

function setRating(value) {
  rating = value;
  for (const button of noteForm.querySelectorAll("[data-rating]")) {
    button.setAttribute("aria-pressed", String(button.dataset.rating === value));
  }
}

async function saveNote() {
  if (!current) return;
  if (current.scan_id) {
    writeQueue(readQueue().map((s) => (s.scan_id === current.scan_id ? { ...s, note: noteText.value, rating } : s)));
    noteStatus.textContent = gettext("Saved with the queued scan.");
    return;
  }
  try {
    await call(urls.lead.replace(/\/0\/$/, `/${current.lead}/`), { note: noteText.value, rating });
    noteStatus.textContent = gettext("Note and rating saved.");
  } catch (error) {
    noteStatus.textContent =
      error instanceof Offline ? gettext("No connection: the note was not saved. Try again in a moment.") : error.message;
  }
}

// --- the offline queue -----------------------------------------------------------------------

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
        ngettext("%(count)s scan waiting to be sent", "%(count)s scans waiting to be sent", queue.length),
        { count: queue.length },
      )
    : "";
}

async function sendQueue() {
  const queue = readQueue();
  if (syncing || queue.length === 0 || navigator.onLine === false) return;
  syncing = true;
  try {
    const data = await call(urls.sync, { scans: queue });
    const answered = new Set(data.results.map((r) => r.scan_id));
    writeQueue(readQueue().filter((scan) => !answered.has(scan.scan_id)));
    if (current && current.scan_id) {
      const mine = data.results.find((r) => r.scan_id === current.scan_id);
      if (mine && mine.lead) current = { lead: mine.lead };
    }
    queueLine.hidden = false;
    queueLine.textContent = interpolate(
      ngettext("%(count)s queued scan sent.", "%(count)s queued scans sent.", data.results.length),
      { count: data.results.length },
    );
  } catch (error) {
    if (!(error instanceof Offline)) {
      queueLine.hidden = false;
      queueLine.textContent = error.message;
    }
  } finally {
    syncing = false;
  }
}

// --- scanning -------------------------------------------------------------------------------

async function scan(text) {
  const token = (text || "").trim();
  if (!token) return null;
  const entry = { token, scan_id: newScanId() };
  let result;
  try {
    result = await call(urls.scan, entry);
  } catch (error) {
    if (error instanceof Offline) {
      writeQueue([...readQueue(), entry]);
      result = { ok: false, code: "queued", scan_id: entry.scan_id };
    } else {
      result = { ok: false, code: "error", message: error.message };
    }
  }
  show(result);
  return result;
}

function setUpCamera() {
  setUpCameraToggle(
    {
      box: document.getElementById("lead-camera"),
      button: document.getElementById("camera-toggle"),
      status: document.getElementById("camera-status"),
      video: document.getElementById("lead-video"),
    },
    (text) => scan(text),
  );
}

document.getElementById("scan-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = tokenInput.value;
  tokenInput.value = "";
  scan(value);
  tokenInput.focus();
});
for (const button of noteForm.querySelectorAll("[data-rating]")) {
  button.addEventListener("click", () => {
    setRating(rating === button.dataset.rating ? "" : button.dataset.rating);
    saveNote();
  });
}
noteForm.addEventListener("submit", (event) => {
  event.preventDefault();
  saveNote();
});
setUpCamera();
showQueue();
window.setInterval(sendQueue, SYNC_RETRY_MS);
window.addEventListener("online", sendQueue);
sendQueue();

// For tests and for pages that have a picture of a code rather than a camera.
window.clustermeetLeads = {
  scan,
  sendQueue,
  async scanImage(imageData) {
    const text = await decodeImageData(imageData);
    return text ? scan(text) : null;
  },
};
