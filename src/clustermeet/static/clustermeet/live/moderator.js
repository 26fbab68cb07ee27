// The moderator console: open and close polls, choose who sees results, approve open-text
// answers, moderate the Q&A. Every action is a websocket message; the page changes when the
// server's update comes back (so two moderators see the same thing).
import {
  announcer,
  fmt,
  gettext,
  h,
  interpolate,
  keepOrder,
  ngettext,
  pgettext,
  secondsLeft,
} from "./dom.js";
import { keepingFocus, questionItem } from "./qa.js";
import { TYPE_LABELS, renderResults } from "./results.js";
import { LiveSocket, statusText } from "./socket.js";
import { LiveState, sortQuestions } from "./state.js";

const STATUS_LABELS = {
  open: pgettext("status", "Open"),
  closed: pgettext("status", "Closed"),
  draft: pgettext("status", "Draft"),
};
const VISIBILITY = [
  ["live", gettext("Live, while voting")],
  ["after_close", gettext("After closing")],
  ["never", gettext("Never")],
];

export function start(root) {
  const sessionId = Number(root.dataset.session);
  const state = new LiveState(sessionId);
  const say = announcer(root.querySelector("[data-role=announcer]"));
  const connection = root.querySelector("[data-role=connection]");
  const pollsBox = root.querySelector("[data-role=polls]");
  const qaBox = root.querySelector("[data-role=qa]");
  const cards = new Map();
  let socket;

  // --- polls --------------------------------------------------------------------------------

  function card(poll) {
    let found = cards.get(poll.id);
    if (found) return found;
    let el = pollsBox.querySelector(`[data-poll="${poll.id}"]`);
    if (!el) {
      el = h(
        "article",
        {
          class: "poll-card console-poll",
          dataset: { poll: poll.id },
          "aria-labelledby": `poll-${poll.id}-title`,
        },
        h("header", { class: "poll-head", dataset: { slot: "head" } }),
        h("div", { dataset: { slot: "controls" } }),
        h("div", { dataset: { slot: "pending" } }),
        h("div", { class: "poll-results", dataset: { slot: "results" } }),
      );
    }
    const slot = (name) => el.querySelector(`[data-slot="${name}"]`);
    found = {
      el,
      head: slot("head"),
      controls: slot("controls"),
      pending: slot("pending"),
      results: slot("results"),
      controlsKey: null,
      pendingKey: null,
    };
    cards.set(poll.id, found);
    return found;
  }

  async function act(poll, type, data, errorBox) {
    errorBox.textContent = "";
    try {
      await socket.request(type, { poll: poll.id, ...data });
      return true;
    } catch (problem) {
      errorBox.textContent = problem.message;
      return false;
    }
  }

  // Disables `button` while `action` runs; enables it again if the action failed.
  async function press(button, action) {
    button.disabled = true;
    if (!(await action())) button.disabled = false;
  }

  function controls(poll) {
    const error = h("p", { class: "form-error", role: "alert" });
    const buttons = [];
    if (poll.status === "open") {
      buttons.push(
        h(
          "button",
          {
            type: "button",
            class: "button danger",
            dataset: { action: "close" },
            onclick: (e) => press(e.currentTarget, () => act(poll, "poll.close", {}, error)),
          },
          gettext("Close voting"),
        ),
      );
    } else {
      buttons.push(
        h(
          "button",
          {
            type: "button",
            class: poll.status === "draft" ? "button" : "button secondary",
            dataset: { action: "open" },
            onclick: (e) => press(e.currentTarget, () => act(poll, "poll.open", {}, error)),
          },
          poll.status === "draft" ? gettext("Open voting") : gettext("Reopen voting"),
        ),
      );
    }
    const selectId = `visibility-${poll.id}`;
    const select = h(
      "select",
      { id: selectId },
      VISIBILITY.map(([value, label]) =>
        h("option", { value, selected: value === poll.results_visibility }, label),
      ),
    );
    select.addEventListener("change", async () => {
      const ok = await act(poll, "poll.results_visibility", { visibility: select.value }, error);
      if (!ok) select.value = state.polls.get(poll.id).results_visibility;
    });
    return h(
      "div",
      { class: "poll-controls" },
      buttons,
      h(
        "span",
        { class: "visibility" },
        h("label", { for: selectId }, gettext("Results for participants")),
        select,
      ),
      error,
    );
  }

  function pending(poll) {
    const items = poll.pending || [];
    if (!items.length) return [];
    const error = h("p", { class: "form-error", role: "alert" });
    const moderate = async (ballot, approve) => {
      error.textContent = "";
      try {
        await socket.request("poll.moderate_text", { ballot, approve });
      } catch (problem) {
        error.textContent = problem.message;
      }
    };
    return [
      h(
        "h4",
        {},
        interpolate(gettext("Answers awaiting approval (%(count)s)"), {
          count: fmt.count(items.length),
        }),
      ),
      h(
        "ul",
        { class: "pending-answers" },
        items.map((item) =>
          h(
            "li",
            { dataset: { question: `b${item.ballot}` } },
            h("p", {}, item.text),
            h(
              "span",
              { class: "actions" },
              h(
                "button",
                {
                  type: "button",
                  class: "button small",
                  dataset: { action: "approve" },
                  onclick: () => moderate(item.ballot, true),
                },
                gettext("Approve"),
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "button secondary small",
                  dataset: { action: "reject" },
                  onclick: () => moderate(item.ballot, false),
                },
                gettext("Reject"),
              ),
            ),
          ),
        ),
      ),
      error,
    ];
  }

  function drawPoll(poll) {
    const c = card(poll);
    const left = secondsLeft(poll);
    const voters = poll.results ? poll.results.voters : 0;
    c.head.replaceChildren(
      ...[
      h("h3", { class: "poll-question", id: `poll-${poll.id}-title` }, poll.question),
      h(
        "p",
        { class: "poll-meta" },
        h("span", { class: `badge status-${poll.status}` }, STATUS_LABELS[poll.status]),
        " ",
        poll.quiz ? gettext("Quiz question") : TYPE_LABELS[poll.type],
        ` · ${interpolate(ngettext("%(count)s ballot", "%(count)s ballots", voters), {
          count: fmt.count(voters),
        })}`,
        left === null
          ? null
          : ` · ${interpolate(gettext("%(seconds)s s left"), { seconds: left })}`,
      ),
      poll.status === "draft" && poll.options.length
        ? h("ol", { class: "option-list" }, poll.options.map((o) => h("li", {}, o.label)))
        : null,
      ].filter(Boolean),
    );
    const controlsKey = `${poll.status}|${poll.results_visibility}`;
    if (controlsKey !== c.controlsKey) {
      const hadFocus = c.controls.contains(document.activeElement);
      c.controlsKey = controlsKey;
      c.controls.replaceChildren(controls(poll));
      if (hadFocus) c.controls.querySelector("button, select")?.focus();
    }
    const pendingKey = JSON.stringify(poll.pending || []);
    if (pendingKey !== c.pendingKey) {
      c.pendingKey = pendingKey;
      keepingFocus(c.pending, () => c.pending.replaceChildren(...pending(poll)));
    }
    c.results.replaceChildren(
      poll.status === "draft"
        ? h("p", { class: "muted" }, gettext("Voting has not been opened yet."))
        : renderResults(poll),
    );
    return c.el;
  }

  function drawPolls() {
    const polls = [...state.polls.values()];
    const elements = polls.map((poll) => drawPoll(poll));
    if (elements.length) keepOrder(pollsBox, elements);
    else pollsBox.replaceChildren(h("p", { class: "muted" }, gettext("This session has no polls yet.")));
  }

  // --- questions ----------------------------------------------------------------------------

  const ACTIONS = {
    pending: [
      ["approve", gettext("Approve")],
      ["reject", gettext("Reject")],
    ],
    approved: [
      ["pin", gettext("Pin"), (q) => !q.pinned],
      ["unpin", gettext("Unpin"), (q) => q.pinned],
      ["answered", gettext("Mark answered"), (q) => !q.answered],
      ["unanswered", gettext("Mark not answered"), (q) => q.answered],
      ["reject", gettext("Reject")],
    ],
    rejected: [["approve", gettext("Approve")]],
  };

  const qaError = h("p", { class: "form-error", role: "alert" });

  async function moderateQuestion(question, action) {
    qaError.textContent = "";
    try {
      await socket.request("qa.moderate", { question: question.id, action });
    } catch (problem) {
      qaError.textContent = problem.message;
    }
  }

  function actionsFor(q) {
    return ACTIONS[q.status]
      .filter(([, , when]) => !when || when(q))
      .map(([action, label]) =>
        h(
          "button",
          {
            type: "button",
            class: `button small${action === "reject" ? " secondary" : ""}`,
            dataset: { action },
            "aria-label": interpolate(gettext("%(action)s: %(question)s"), {
              action: label,
              question: q.text.slice(0, 60),
            }),
            onclick: () => moderateQuestion(q, action),
          },
          label,
        ),
      );
  }

  const lists = {
    pending: h("ol", { class: "questions" }),
    approved: h("ol", { class: "questions" }),
    rejected: h("ol", { class: "questions" }),
  };
  const headings = {
    pending: h("h3", {}),
    approved: h("h3", {}),
    rejected: h("summary", {}),
  };
  let qaBuilt = false;

  function drawQuestions() {
    if (!qaBuilt) {
      qaBuilt = true;
      qaBox.replaceChildren(
        ...[
          state.qa.enabled
            ? null
            : h("p", { class: "muted" }, gettext("Questions are closed for this session.")),
          qaError,
          headings.pending,
          lists.pending,
          headings.approved,
          lists.approved,
          h("details", { class: "rejected" }, headings.rejected, lists.rejected),
        ].filter(Boolean),
      );
    }
    const all = [...state.questions.values()];
    const titles = {
      pending: gettext("Awaiting approval"),
      approved: gettext("Published"),
      rejected: pgettext("questions", "Rejected"),
    };
    for (const status of ["pending", "approved", "rejected"]) {
      const questions = sortQuestions(
        all.filter((q) => q.status === status),
        status === "approved" ? "votes" : "newest",
      );
      headings[status].textContent = interpolate(gettext("%(title)s (%(count)s)"), {
        title: titles[status],
        count: fmt.count(questions.length),
      });
      keepingFocus(lists[status], () =>
        lists[status].replaceChildren(
          ...questions.map((q) => questionItem(q, { actions: actionsFor(q) })),
        ),
      );
    }
  }

  // --- connection ---------------------------------------------------------------------------

  socket = new LiveSocket(root.dataset.ws, {
    onOpen: async (s) => {
      const reply = await s.request("subscribe", { session: sessionId });
      state.applySnapshot(reply.data);
      drawPolls();
      drawQuestions();
    },
    onEvent: (message) => {
      if (!state.ready) return;
      if (message.type === "poll.update") {
        const previous = state.applyPoll(message.data);
        if (previous === undefined) return;
        const poll = state.polls.get(message.data.id);
        if (previous === null) drawPolls();
        else drawPoll(poll);
      } else if (message.type === "question.update") {
        const before = state.questions.get(message.data.id);
        if (!state.applyQuestion(message.data)) return;
        if (!before && message.data.status === "pending") say(gettext("New question awaiting approval."));
        drawQuestions();
      }
    },
    onStatus: (status, detail) => {
      connection.textContent = statusText(status, detail);
      connection.dataset.state = status;
    },
  });
  socket.start();

  window.setInterval(() => {
    for (const poll of state.polls.values()) {
      if (secondsLeft(poll) !== null) drawPoll(poll);
    }
  }, 1000);
}
