// "My meetings" and the meeting page: a disabled join button counts down to its opening time
// (5 minutes before the start) and becomes the link to the video room until the end.
// Texts come from the translation catalogue (/i18n/catalog.js, loaded by base.html before the
// modules); without it they stay English.
const buttons = () => document.querySelectorAll("button[data-role=join][data-join-url]");

const gettext = (msgid) => (window.gettext ? window.gettext(msgid) : msgid);
const ngettext = (singular, plural, count) =>
  window.ngettext ? window.ngettext(singular, plural, count) : count === 1 ? singular : plural;
const interpolate = (format, values) =>
  window.interpolate
    ? window.interpolate(format, values, true)
    : format.replace(/%\((\w+)\)s/g, (match, name) => String(values[name]));

function label(ms) {
  const minutes = Math.ceil(ms / 60000);
  if (minutes >= 120) {
    const hours = Math.round(minutes / 60);
    return interpolate(
      ngettext("(opens in %(count)s hour)", "(opens in %(count)s hours)", hours),
      { count: hours },
    );
  }
  return interpolate(
    ngettext("(opens in %(count)s minute)", "(opens in %(count)s minutes)", minutes),
    { count: minutes },
  );
}

function tick() {
  const now = Date.now();
  for (const button of buttons()) {
    const opens = Date.parse(button.dataset.opensAt);
    const ends = Date.parse(button.dataset.endsAt);
    const countdown = button.querySelector("[data-role=countdown]");
    if (now >= ends) {
      if (countdown) countdown.textContent = gettext("(ended)");
    } else if (now >= opens) {
      const link = document.createElement("a");
      link.className = button.className;
      link.dataset.role = "join";
      link.href = button.dataset.joinUrl;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = gettext("Join the video room");
      button.replaceWith(link);
    } else if (countdown) {
      countdown.textContent = label(opens - now);
    }
  }
}

tick();
setInterval(tick, 15000);
