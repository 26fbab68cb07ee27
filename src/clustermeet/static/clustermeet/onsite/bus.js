// The bus list (onsite/bookings/bus.html): the badge field keeps the focus for a hand scanner
// (which types the code and Enter), is emptied after each answer, and a "Scan badge with the
// camera" button reads QR codes with camera.js; each code read is sent like a typed one.
import { cameraAvailable, startScanner } from "./camera.js";

const form = document.getElementById("scan-form");
if (form) {
  const input = form.querySelector("input[name=token]");
  const button = form.querySelector("[data-role=camera]");
  const video = document.querySelector("[data-role=video]");
  const status = document.getElementById("scan-result");
  let stop = null;

  // "N of M here" follows the rows as ticks and scans swap them in.
  const present = document.getElementById("bus-present");
  document.body.addEventListener("htmx:afterSettle", () => {
    if (!present) return;
    const total = document.querySelectorAll(".bus-list tr[data-booking]").length;
    const here = document.querySelectorAll(".bus-list tr[data-booking].present").length;
    const text = ngettext(
      "%(present)s of %(total)s booked person here",
      "%(present)s of %(total)s booked people here",
      total,
    );
    present.textContent = interpolate(text, { present: here, total }, true);
  });

  form.addEventListener("htmx:afterRequest", () => {
    input.value = "";
    if (!stop) input.focus();
  });

  if (button && video && cameraAvailable()) {
    button.hidden = false;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", async () => {
      if (stop) {
        stop();
        stop = null;
        video.hidden = true;
        button.setAttribute("aria-pressed", "false");
        return;
      }
      try {
        video.hidden = false;
        stop = await startScanner(video, (text) => {
          input.value = text;
          form.requestSubmit();
        });
        button.setAttribute("aria-pressed", "true");
      } catch {
        video.hidden = true;
        status.textContent = gettext("The camera could not be opened: type the badge's code.");
      }
    });
  }
}
