// The voting form of a poll, one kind per poll type. `ballotForm(poll, {onVote, say})` returns a
// <form>; on submit it calls `onVote(answer)` with the answer in the protocol's shape, or shows
// what is missing. Every control has a label; the ranking is ordered with buttons (keyboard and
// screen reader friendly), never by dragging only.
import { gettext, h, interpolate, ngettext, pgettext } from "./dom.js";

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
      if (choice === undefined) throw new Incomplete(gettext("Choose one option."));
      return { choice };
    },
  };
}

function multiple(poll, prefix) {
  const low = poll.min_choices;
  const high = Math.min(poll.max_choices ?? poll.options.length, poll.options.length);
  let hint;
  if (low === high) {
    hint = interpolate(ngettext("Choose %(count)s option.", "Choose %(count)s options.", low), {
      count: low,
    });
  } else if (low <= 1) {
    hint = interpolate(
      ngettext("Choose up to %(count)s option.", "Choose up to %(count)s options.", high),
      { count: high },
    );
  } else {
    hint = interpolate(
      ngettext("Choose %(low)s to %(count)s option.", "Choose %(low)s to %(count)s options.", high),
      { low, count: high },
    );
  }
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
    say(
      interpolate(gettext("%(option)s: position %(position)s of %(total)s."), {
        option: labels.get(id),
        position: to + 1,
        total: order.length,
      }),
    );
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
                "aria-label": interpolate(gettext("Move “%(option)s” up"), { option: labels.get(id) }),
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
                "aria-label": interpolate(gettext("Move “%(option)s” down"), {
                  option: labels.get(id),
                }),
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
    hint: gettext("Put the options in order, the most important first, with the ↑ and ↓ buttons."),
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
    hint: interpolate(gettext("1 = lowest, %(max)s = highest."), { max: poll.scale_max }),
    answer(form) {
      const [value] = checkedIds(form);
      if (value === undefined) {
        throw new Incomplete(
          interpolate(gettext("Choose a rating from 1 to %(max)s."), { max: poll.scale_max }),
        );
      }
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
        h("label", { for: id }, interpolate(gettext("Word or phrase %(n)s"), { n })),
        h("input", { type: "text", id, maxlength: 40, autocomplete: "off" }),
      ),
    );
  }
  return {
    controls: inputs,
    hint: interpolate(
      ngettext(
        "Up to %(count)s word or short phrase.",
        "Up to %(count)s words or short phrases.",
        poll.max_words,
      ),
      { count: poll.max_words },
    ),
    answer(form) {
      const words = [...form.querySelectorAll("input[type=text]")]
        .map((input) => input.value.trim())
        .filter(Boolean);
      if (!words.length) throw new Incomplete(gettext("Enter at least one word."));
      return { words };
    },
  };
}

function openText(poll, prefix) {
  const id = `${prefix}-text`;
  return {
    controls: [
      h("label", { for: id }, gettext("Your answer")),
      h("textarea", { id, maxlength: 500, rows: 3 }),
    ],
    hint: gettext("Answers are shown after a moderator approves them."),
    answer(form) {
      const text = form.querySelector("textarea").value.trim();
      if (!text) throw new Incomplete(gettext("Write your answer first."));
      return { text };
    },
  };
}

const KINDS = { single, multiple, ranking, rating, wordcloud, open_text: openText };

// Word clouds and open questions send an answer; the other polls take a vote.
function submitLabel(poll) {
  return poll.type === "wordcloud" || poll.type === "open_text"
    ? pgettext("action", "Send")
    : pgettext("action", "Vote");
}

export function ballotForm(poll, { onVote, say }) {
  const prefix = `poll-${poll.id}`;
  const kind = KINDS[poll.type](poll, prefix, say);
  const hintId = `${prefix}-hint`;
  const errorId = `${prefix}-error`;
  const error = h("p", { class: "form-error", id: errorId, role: "alert" });
  const submit = h(
    "button",
    { type: "submit", class: "button" },
    submitLabel(poll),
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
    submit.textContent = gettext("Sending…");
    try {
      await onVote(answer);
    } catch (problem) {
      error.textContent = problem.message;
      submit.disabled = false;
      submit.textContent = submitLabel(poll);
    }
  });
  return form;
}
