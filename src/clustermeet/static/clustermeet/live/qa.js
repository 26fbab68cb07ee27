// One question of the Q&A as a list item, for participants (with the upvote button) and for
// moderators (with the moderation buttons).
import { fmt, h } from "./dom.js";

export function questionItem(q, { upvoted = false, canUpvote = false, onUpvote, actions } = {}) {
  const badges = [];
  if (q.pinned) badges.push(h("span", { class: "badge pinned" }, "Pinned"));
  if (q.answered) badges.push(h("span", { class: "badge answered" }, "Answered"));
  const who = q.author
    ? `${q.author}${q.organisation ? `, ${q.organisation}` : ""}`
    : "Anonymous";
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
      ? `You upvoted this question, ${fmt.plural(q.upvotes, "vote", "votes")}`
      : `Upvote this question, ${fmt.plural(q.upvotes, "vote", "votes")}`;
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
        { class: "upvote-total", "aria-label": fmt.plural(q.upvotes, "vote", "votes") },
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
