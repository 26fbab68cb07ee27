// What the badge-scanning pages share (the door's check-in, onsite/checkin.js, and the stand's
// lead scanning, exhibition/scan.js): ids for scans the page may send twice, the localStorage
// queue of scans made while offline, and the button that starts and stops the camera.

import { gettext } from "../live/dom.js";
import { cameraAvailable, startScanner } from "./camera.js";

// A random UUID for a scan: the server records a scan id once, so a queued scan sent again
// (offline, then retried) is never counted twice.
export function newScanId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The scans waiting to be sent, kept in localStorage under `key` (they survive a reload).
export function storedQueue(key) {
  return {
    read() {
      try {
        const value = JSON.parse(window.localStorage.getItem(key) || "[]");
        return Array.isArray(value) ? value : [];
      } catch {
        return [];
      }
    },
    write(queue) {
      window.localStorage.setItem(key, JSON.stringify(queue));
    },
  };
}

// The camera button: shows `box` where the browser has a camera, and toggles the scanner in
// `video`, calling `onText` with each code seen; `status` says what the camera does.
export function setUpCameraToggle({ box, button, status, video }, onText) {
  if (!cameraAvailable()) return;
  box.hidden = false;
  video.hidden = true;
  let stop = null;
  button.addEventListener("click", async () => {
    if (stop) {
      stop();
      stop = null;
      video.hidden = true;
      button.textContent = gettext("Start camera");
      button.setAttribute("aria-pressed", "false");
      status.textContent = "";
      return;
    }
    status.textContent = gettext("Starting the camera…");
    try {
      video.hidden = false;
      stop = await startScanner(video, onText);
      button.textContent = gettext("Stop camera");
      button.setAttribute("aria-pressed", "true");
      status.textContent = gettext("Hold the badge's QR code in front of the camera.");
    } catch {
      video.hidden = true;
      status.textContent = gettext("The camera could not be started. Type or scan the code into the field below.");
    }
  });
}
