// One question of the Q&A as a list item, for participants (with the upvote button) and for
// moderators (with the moderation buttons).
import { fmt, gettext, h, interpolate, ngettext, pgettext } from "./dom.js";

function votes(n) {
  return interpolate(ngettext("%(count)s vote", "%(count)s votes", n), { count: fmt.count(n) });
}

export function questionItem(q, { upvoted = false, canUpvote = false, onUpvote, actions } = {}) {
  const badges = [];
  if (q.pinned) badges.push(h("span", { class: "badge pinned" }, pgettext("question", "Pinned")));
  if (q.answered) badges.push(h("span", { class: "badge answered" }, pgettext("question", "Answered")));
  let who = gettext("Anonymous");
  if (q.author && q.organisation) {
    who = interpolate(gettext("%(name)s, %(organisation)s"), {
      name: q.author,
      organisation: q.organisation,
    });
  } else if (q.author) {
    who = q.author;
  }
  const item = h(
    "li",
    {
      class: `question${q.pinned ? " is-pinned" : ""}${q.answered ? " is-answered" : ""}`,
      dataset: { question: q.id },
      tabindex: "-1",
    },
    h(
      "div",
      { class: "question-main" },
      h("p", { class: "question-text" }, q.text),
      h("p", { class: "question-meta" }, who, badges.length ? " " : null, badges),
    ),
  );
  if (onUpvote) {
    // The count is not in parentheses: the visible text must be part of the name (WCAG 2.5.3).
    const label = upvoted
      ? interpolate(gettext("You upvoted this question, %(votes)s"), { votes: votes(q.upvotes) })
      : interpolate(gettext("Upvote this question, %(votes)s"), { votes: votes(q.upvotes) });
    item.append(
      h(
        "button",
        {
          type: "button",
          class: "upvote",
          "aria-label": label,
          "aria-pressed": upvoted ? "true" : "false",
          disabled: upvoted || !canUpvote,
          onclick: () => onUpvote(q),
        },
        // The ▲ is drawn by the style sheet: the visible text (the count) is then part of
        // the accessible name (WCAG 2.5.3, label in name).
        h("span", { class: "upvote-count" }, fmt.count(q.upvotes)),
      ),
    );
  } else {
    item.append(
      h(
        "span",
        { class: "upvote-total", "aria-label": votes(q.upvotes) },
        h("span", { "aria-hidden": "true" }, "▲ "),
        fmt.count(q.upvotes),
      ),
    );
  }
  if (actions && actions.length) {
    item.append(h("div", { class: "question-actions" }, actions));
  }
  return item;
}

// Runs `update` (which redraws `container`), then puts the focus back on the element that had
// it, found again by its data-question and data-action (a redraw replaces the nodes).
export function keepingFocus(container, update) {
  const active = document.activeElement;
  const inside = active && container.contains(active);
  const item = inside ? active.closest("[data-question]") : null;
  const key = item ? item.dataset.question : null;
  let action = "";
  if (inside) {
    action = active.dataset.action || (active.classList.contains("upvote") ? "upvote" : "");
  }
  update();
  if (!key || container.contains(active)) return;
  const again = container.querySelector(`[data-question="${key}"]`);
  if (!again) return;
  const target =
    (action === "upvote" && again.querySelector(".upvote:not([disabled])")) ||
    (action && again.querySelector(`[data-action="${action}"]`)) ||
    again;
  target.focus();
}
