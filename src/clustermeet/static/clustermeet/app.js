// Small progressive enhancements; every page works without them.

document.documentElement.classList.add("js");

// Django's JavaScript catalogue (loaded before this script) translates; without it, English.
const gettext = window.gettext ?? ((text) => text);

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

