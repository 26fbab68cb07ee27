// The voting form of a poll, one kind per poll type. `ballotForm(poll, {onVote, say})` returns a
// <form>; on submit it calls `onVote(answer)` with the answer in the protocol's shape, or shows
// what is missing. Every control has a label; the ranking is ordered with buttons (keyboard and
// screen reader friendly), never by dragging only.
import { h } from "./dom.js";

class Incomplete extends Error {}

function choiceList(poll, type, prefix) {
  return h(
    "ul",
    { class: "choices" },
    poll.options.map((o) => {
      const id = `${prefix}-${o.id}`;
      return h(
        "li",
        {},
        h("input", { type, id, name: `${prefix}-choice`, value: o.id }),
        h("label", { for: id }, o.label),
      );
    }),
  );
}

function checkedIds(form) {
  return [...form.querySelectorAll("input:checked")].map((input) => Number(input.value));
}

function single(poll, prefix) {
  return {
    controls: [choiceList(poll, "radio", prefix)],
    hint: null,
    answer(form) {
      const [choice] = checkedIds(form);
      if (choice === undefined) throw new Incomplete("Choose one option.");
      return { choice };
    },
  };
}

function multiple(poll, prefix) {
  const low = poll.min_choices;
  const high = Math.min(poll.max_choices ?? poll.options.length, poll.options.length);
  let hint;
  if (low === high) hint = `Choose ${low} option${low === 1 ? "" : "s"}.`;
  else if (low <= 1) hint = `Choose up to ${high} options.`;
  else hint = `Choose ${low} to ${high} options.`;
  return {
    controls: [choiceList(poll, "checkbox", prefix)],
    hint,
    answer(form) {
      const choices = checkedIds(form);
      if (choices.length < Math.max(low, 1) || choices.length > high) throw new Incomplete(hint);
      return { choices };
    },
  };
}

function ranking(poll, prefix, say) {
  const list = h("ol", { class: "rank-list", id: `${prefix}-ranking` });
  const order = poll.options.map((o) => o.id);
  const labels = new Map(poll.options.map((o) => [o.id, o.label]));

  function move(id, delta, direction) {
    const from = order.indexOf(id);
    const to = from + delta;
    if (to < 0 || to >= order.length) return;
    order.splice(from, 1);
    order.splice(to, 0, id);
    draw();
    // Keep the focus on the moved option's button, or its other one at either end.
    const item = list.querySelector(`[data-option="${id}"]`);
    const same = item.querySelector(`[data-move="${direction}"]`);
    (same.disabled ? item.querySelector("button:not([disabled])") : same).focus();
    say(`${labels.get(id)}: position ${to + 1} of ${order.length}.`);
  }

  function draw() {
    list.replaceChildren(
      ...order.map((id, index) =>
        h(
          "li",
          { dataset: { option: id } },
          h("span", { class: "rank-number", "aria-hidden": "true" }, String(index + 1)),
          h("span", { class: "rank-label" }, labels.get(id)),
          h(
            "span",
            { class: "rank-buttons" },
            h(
              "button",
              {
                type: "button",
                class: "icon-button",
                dataset: { move: "up" },
                "aria-label": `Move “${labels.get(id)}” up`,
                disabled: index === 0,
                onclick: () => move(id, -1, "up"),
              },
              "↑",
            ),
            h(
              "button",
              {
                type: "button",
                class: "icon-button",
                dataset: { move: "down" },
                "aria-label": `Move “${labels.get(id)}” down`,
                disabled: index === order.length - 1,
                onclick: () => move(id, 1, "down"),
              },
              "↓",
            ),
          ),
        ),
      ),
    );
  }

  draw();
  return {
    controls: [list],
    hint: "Put the options in order, the most important first, with the ↑ and ↓ buttons.",
    answer() {
      return { ranking: [...order] };
    },
  };
}

function rating(poll, prefix) {
  const buttons = [];
  for (let n = 1; n <= poll.scale_max; n += 1) {
    const id = `${prefix}-${n}`;
    buttons.push(
      h(
        "span",
        { class: "rating-choice" },
        h("input", { type: "radio", id, name: `${prefix}-rating`, value: n }),
        h("label", { for: id }, String(n)),
      ),
    );
  }
  return {
    controls: [h("div", { class: "rating-buttons" }, buttons)],
    hint: `1 = lowest, ${poll.scale_max} = highest.`,
    answer(form) {
      const [value] = checkedIds(form);
      if (value === undefined) throw new Incomplete(`Choose a rating from 1 to ${poll.scale_max}.`);
      return { rating: value };
    },
  };
}

function wordcloud(poll, prefix) {
  const inputs = [];
  for (let n = 1; n <= poll.max_words; n += 1) {
    const id = `${prefix}-word-${n}`;
    inputs.push(
      h(
        "p",
        { class: "word-field" },
        h("label", { for: id }, `Word or phrase ${n}`),
        h("input", { type: "text", id, maxlength: 40, autocomplete: "off" }),
      ),
    );
  }
  return {
    controls: inputs,
    hint: `Up to ${poll.max_words} words or short phrases.`,
    answer(form) {
      const words = [...form.querySelectorAll("input[type=text]")]
        .map((input) => input.value.trim())
        .filter(Boolean);
      if (!words.length) throw new Incomplete("Enter at least one word.");
      return { words };
    },
  };
}

function openText(poll, prefix) {
  const id = `${prefix}-text`;
  return {
    controls: [
      h("label", { for: id }, "Your answer"),
      h("textarea", { id, maxlength: 500, rows: 3 }),
    ],
    hint: "Answers are shown after a moderator approves them.",
    answer(form) {
      const text = form.querySelector("textarea").value.trim();
      if (!text) throw new Incomplete("Write your answer first.");
      return { text };
    },
  };
}

const KINDS = { single, multiple, ranking, rating, wordcloud, open_text: openText };

export function ballotForm(poll, { onVote, say }) {
  const prefix = `poll-${poll.id}`;
  const kind = KINDS[poll.type](poll, prefix, say);
  const hintId = `${prefix}-hint`;
  const errorId = `${prefix}-error`;
  const error = h("p", { class: "form-error", id: errorId, role: "alert" });
  const submit = h(
    "button",
    { type: "submit", class: "button" },
    poll.type === "wordcloud" || poll.type === "open_text" ? "Send" : "Vote",
  );
  const fieldset = h(
    "fieldset",
    { class: "ballot", "aria-describedby": kind.hint ? hintId : null },
    h("legend", { class: "visually-hidden" }, poll.question),
    kind.hint ? h("p", { class: "hint", id: hintId }, kind.hint) : null,
    kind.controls,
  );
  const form = h("form", { class: "ballot-form", novalidate: true }, fieldset, error, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    let answer;
    try {
      answer = kind.answer(form);
    } catch (problem) {
      if (!(problem instanceof Incomplete)) throw problem;
      error.textContent = problem.message;
      return;
    }
    submit.disabled = true;
    submit.textContent = "Sending…";
    try {
      await onVote(answer);
    } catch (problem) {
      error.textContent = problem.message;
      submit.disabled = false;
      submit.textContent = poll.type === "wordcloud" || poll.type === "open_text" ? "Send" : "Vote";
    }
  });
  return form;
}
