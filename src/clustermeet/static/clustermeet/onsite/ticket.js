// The ticket page's "Print my ticket" button: shown only where JavaScript can print.
const box = document.querySelector("[data-role=print-ticket]");
if (box) {
  box.hidden = false;
  box.querySelector("button").addEventListener("click", () => window.print());
}
