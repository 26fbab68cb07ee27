// Small progressive enhancements; every page works without them.

document.documentElement.classList.add("js");

// Django's JavaScript catalogue (loaded before this script) translates; without it, English.
const gettext = window.gettext ?? ((text) => text);

// On a phone the navigation folds behind a "Menu" button (without JavaScript it stays open).
const menuToggle = document.querySelector(".menu-toggle");
if (menuToggle) {
  const header = menuToggle.closest(".site-header");
  const setOpen = (open) => {
    header.classList.toggle("menu-open", open);
    menuToggle.setAttribute("aria-expanded", String(open));
  };
  menuToggle.hidden = false;
  menuToggle.addEventListener("click", () => setOpen(!header.classList.contains("menu-open")));
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && header.classList.contains("menu-open")) {
      setOpen(false);
      menuToggle.focus();
    }
  });
}

// Livestreams and recordings load nothing from a third party until the viewer clicks play.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-embed-src]");
  if (!button) return;
  const frame = document.createElement("iframe");
  frame.src = button.dataset.embedSrc;
  frame.title = button.dataset.embedTitle || gettext("Livestream");
  // The text alternative under the player stays and describes it.
  if (button.dataset.embedDescribedby) {
    frame.setAttribute("aria-describedby", button.dataset.embedDescribedby);
  }
  frame.allow = "autoplay; fullscreen; picture-in-picture";
  frame.referrerPolicy = "no-referrer";
  frame.allowFullscreen = true;
  button.closest(".stream").replaceChildren(frame);
});


// Confirmation: <form data-confirm="Publish and e-mail 120 people?" data-confirm-button="Publish">
// (or the same attributes on one of its submit buttons; data-confirm-danger for a red button)
// asks in a modal dialog (focus moves into it, Escape cancels) before the form is sent. Not for
// htmx forms (they use hx-confirm).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.dataset.confirmed) return;
  const submitter = event.submitter;
  const asker = submitter && submitter.dataset.confirm ? submitter : form;
  if (!asker.dataset.confirm) return;
  event.preventDefault();
  const dialog = document.createElement("dialog");
  dialog.className = "confirm";
  dialog.setAttribute("aria-labelledby", "confirm-question");
  const question = document.createElement("p");
  question.id = "confirm-question";
  question.textContent = asker.dataset.confirm;
  const actions = document.createElement("div");
  actions.className = "confirm-actions";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "button secondary";
  cancel.textContent = gettext("Cancel");
  const confirm = document.createElement("button");
  confirm.type = "button";
  confirm.className = asker.dataset.confirmDanger === undefined ? "button" : "button danger";
  confirm.textContent = asker.dataset.confirmButton || gettext("Confirm");
  actions.append(cancel, confirm);
  dialog.append(question, actions);
  document.body.append(dialog);
  dialog.addEventListener("close", () => dialog.remove());
  cancel.addEventListener("click", () => dialog.close());
  confirm.addEventListener("click", () => {
    form.dataset.confirmed = "1";
    dialog.close();
    form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    delete form.dataset.confirmed;
  });
  dialog.showModal();
  cancel.focus();
});
