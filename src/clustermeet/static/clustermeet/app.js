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

