// "My meetings" and the meeting page: a disabled join button counts down to its opening time
// (5 minutes before the start) and becomes the link to the video room until the end.
const buttons = () => document.querySelectorAll("button[data-role=join][data-join-url]");

function label(ms) {
  const minutes = Math.ceil(ms / 60000);
  if (minutes >= 120) return `(opens in ${Math.round(minutes / 60)} hours)`;
  return `(opens in ${minutes} minute${minutes === 1 ? "" : "s"})`;
}

function tick() {
  const now = Date.now();
  for (const button of buttons()) {
    const opens = Date.parse(button.dataset.opensAt);
    const ends = Date.parse(button.dataset.endsAt);
    const countdown = button.querySelector("[data-role=countdown]");
    if (now >= ends) {
      if (countdown) countdown.textContent = "(ended)";
    } else if (now >= opens) {
      const link = document.createElement("a");
      link.className = button.className;
      link.dataset.role = "join";
      link.href = button.dataset.joinUrl;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = "Join the video room";
      button.replaceWith(link);
    } else if (countdown) {
      countdown.textContent = label(opens - now);
    }
  }
}

tick();
setInterval(tick, 15000);
