// The live panel of a session page: polls to vote in, their results, and the Q&A.
import { ballotForm } from "./ballot.js";
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
  throttle,
} from "./dom.js";
import { keepingFocus, questionItem } from "./qa.js";
import {
  TYPE_LABELS,
  describeAnswer,
  hiddenResultsNote,
  renderResults,
  summarise,
} from "./results.js";
import { LiveSocket, statusText } from "./socket.js";
import { LiveState, pollOrder, publicResultsVisible, sortQuestions } from "./state.js";

const STATUS_LABELS = {
  open: pgettext("status", "Open"),
  closed: pgettext("status", "Closed"),
  draft: pgettext("status", "Draft"),
};

function timerText(seconds) {
  return ` · ${interpolate(gettext("%(seconds)s s left"), { seconds })}`;
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function start(root) {
  const sessionId = Number(root.dataset.session);
  const joinCode = root.dataset.join || "";
  const approved = root.dataset.voteStatus === "approved";
  const state = new LiveState(sessionId);
  const say = announcer(root.querySelector("[data-role=announcer]"));
  const connection = root.querySelector("[data-role=connection]");
  const pollsBox = root.querySelector("[data-role=polls]");
  const qaBox = root.querySelector("[data-role=qa]");
  const notice = root.querySelector("[data-role=vote-notice]");
  const cards = new Map(); // poll id -> {el, head, body, results, summary, bodyKey, say}
  const editing = new Set(); // polls whose voter is changing their vote
  let order = "votes";
  let joined = false;
  let socket;

  // --- polls --------------------------------------------------------------------------------

  function bodyKey(poll) {
    const left = secondsLeft(poll);
    return [
      poll.status,
      state.myBallots.has(poll.id),
      state.canVote,
      editing.has(poll.id),
      left === 0,
      poll.allow_change,
    ].join("|");
  }

  function thanks(poll) {
    const answer = state.myBallots.get(poll.id);
    const text = describeAnswer(poll, answer);
    return h(
      "div",
      { class: "poll-thanks", tabindex: "-1" },
      h(
        "p",
        { class: "thanks" },
        h("strong", {}, gettext("Thanks — your vote counts.")),
        poll.type === "open_text"
          ? ` ${gettext("Answers are shown once a moderator approves them.")}`
          : null,
      ),
      text ? h(
            "p",
            { class: "muted your-answer" },
            interpolate(gettext("Your answer: %(answer)s"), { answer: text }),
          ) : null,
      poll.status === "open" && poll.allow_change
        ? h(
            "button",
            {
              type: "button",
              class: "button secondary small",
              onclick: () => {
                editing.add(poll.id);
                drawPoll(poll.id);
                cards.get(poll.id).body.querySelector("input, textarea, button")?.focus();
              },
            },
            gettext("Change my vote"),
          )
        : null,
    );
  }

  async function vote(poll, answer) {
    const reply = await socket.request("poll.vote", { poll: poll.id, answer });
    state.myBallots.set(poll.id, reply.data.answer);
    editing.delete(poll.id);
    drawPoll(poll.id);
    const card = cards.get(poll.id);
    card.body.querySelector(".poll-thanks")?.focus();
    say(gettext("Thanks — your vote counts."));
  }

  function body(poll) {
    const voted = state.myBallots.has(poll.id);
    if (poll.status !== "open") {
      return voted ? thanks(poll) : h("p", { class: "muted" }, gettext("Voting is closed."));
    }
    if (voted && !editing.has(poll.id)) return thanks(poll);
    if (!state.canVote) {
      return h("p", { class: "muted" }, gettext("Only approved participants of this event vote here."));
    }
    if (secondsLeft(poll) === 0) {
      return h("p", { class: "muted" }, gettext("Time is up for this question."));
    }
    return ballotForm(poll, {
      say,
      onVote: async (answer) => {
        try {
          await vote(poll, answer);
        } catch (error) {
          if (error.code === "already_voted") {
            state.myBallots.set(poll.id, null);
            editing.delete(poll.id);
            drawPoll(poll.id);
            return;
          }
          throw error;
        }
      },
    });
  }

  function meta(poll) {
    const left = secondsLeft(poll);
    return h(
      "p",
      { class: "poll-meta" },
      h("span", { class: `badge status-${poll.status}` }, STATUS_LABELS[poll.status]),
      " ",
      poll.quiz ? gettext("Quiz question") : TYPE_LABELS[poll.type],
      left === null
        ? null
        : h("span", { class: "timer", dataset: { timer: poll.id } }, timerText(left)),
    );
  }

  function results(poll) {
    if (poll.results && publicResultsVisible(poll)) {
      return h("div", {}, h("p", { class: "results-title" }, gettext("Results")), renderResults(poll));
    }
    return h("p", { class: "muted results-hidden" }, hiddenResultsNote(poll));
  }

  function newCard(poll) {
    const titleId = `poll-${poll.id}-title`;
    const card = {
      head: h("header", { class: "poll-head" }),
      body: h("div", { class: "poll-body" }),
      results: h("div", { class: "poll-results" }),
      summary: h("p", { class: "visually-hidden", "aria-live": "polite" }),
      bodyKey: null,
    };
    card.el = h(
      "article",
      { class: "poll-card", dataset: { poll: poll.id }, "aria-labelledby": titleId },
      card.head,
      card.body,
      card.results,
      card.summary,
    );
    card.say = throttle((text) => {
      card.summary.textContent = text;
    }, 10000);
    cards.set(poll.id, card);
    return card;
  }

  function drawPoll(id) {
    const poll = state.polls.get(id);
    const card = cards.get(id) || newCard(poll);
    card.head.replaceChildren(
      h("h4", { id: `poll-${poll.id}-title`, class: "poll-question" }, poll.question),
      meta(poll),
    );
    const key = bodyKey(poll);
    if (key !== card.bodyKey) {
      card.bodyKey = key;
      card.body.replaceChildren(body(poll));
    }
    card.results.replaceChildren(results(poll));
    return card;
  }

  function drawPolls() {
    const polls = pollOrder([...state.polls.values()].filter((p) => p.status !== "draft"));
    for (const id of cards.keys()) {
      if (!polls.some((p) => p.id === id)) cards.delete(id);
    }
    const elements = polls.map((poll) => drawPoll(poll.id).el);
    if (elements.length) keepOrder(pollsBox, elements);
    else pollsBox.replaceChildren(h("p", { class: "muted" }, gettext("No poll is open yet.")));
  }

  function onPoll(poll) {
    const previous = state.applyPoll(poll);
    if (previous === undefined) return;
    if (poll.status === "draft") return;
    const current = state.polls.get(poll.id);
    if (!previous || previous.status !== current.status) {
      drawPolls();
      const values = { question: current.question };
      if (current.status === "open") say(interpolate(gettext("New poll: %(question)s"), values));
      if (current.status === "closed") {
        say(interpolate(gettext("Voting closed: %(question)s"), values));
      }
    } else {
      drawPoll(poll.id);
    }
    if (state.myBallots.has(poll.id) && current.results && publicResultsVisible(current)) {
      cards.get(poll.id)?.say(summarise(current));
    }
  }

  window.setInterval(() => {
    for (const [id, card] of cards) {
      const poll = state.polls.get(id);
      const left = poll && secondsLeft(poll);
      if (left === null || left === undefined) continue;
      const timer = card.head.querySelector("[data-timer]");
      if (timer) timer.textContent = timerText(left);
      if (bodyKey(poll) !== card.bodyKey) drawPoll(id);
    }
  }, 1000);

  // --- questions ----------------------------------------------------------------------------

  const qa = {
    sortGroup: null,
    form: null,
    formKey: null,
    list: h("ol", { class: "questions", "aria-label": gettext("Questions, in the order chosen above"),
    }),
    empty: h("p", { class: "muted" }, gettext("No questions yet.")),
    closed: h("p", { class: "muted" }, gettext("Questions are closed for this session.")),
  };

  function sortButton(value, label) {
    return h(
      "button",
      {
        type: "button",
        class: "segment",
        "aria-pressed": order === value ? "true" : "false",
        dataset: { sort: value },
        onclick: () => {
          order = value;
          for (const b of qa.sortGroup.querySelectorAll("button")) {
            b.setAttribute("aria-pressed", b.dataset.sort === order ? "true" : "false");
          }
          drawQuestions();
        },
      },
      label,
    );
  }

  function askForm() {
    const status = h("p", { class: "form-status", role: "status" });
    const error = h("p", { class: "form-error", role: "alert" });
    const text = h("textarea", {
      id: "ask-text",
      name: "text",
      rows: 3,
      maxlength: 1000,
      minlength: 3,
      required: true,
    });
    const anonymous = state.qa.anonymous_allowed
      ? h("input", { type: "checkbox", id: "ask-anonymous", name: "anonymous" })
      : null;
    const button = h("button", { type: "submit", class: "button" }, pgettext("action", "Ask"));
    const form = h(
      "form",
      { class: "ask-form", novalidate: true },
      h("label", { for: "ask-text" }, gettext("Your question")),
      text,
      anonymous
        ? h(
            "p",
            { class: "check" },
            anonymous,
            h("label", { for: "ask-anonymous" }, gettext("Ask anonymously")),
          )
        : null,
      state.qa.moderated
        ? h("p", { class: "hint" }, gettext("Questions appear once a moderator approves them."))
        : null,
      error,
      button,
      status,
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.textContent = "";
      status.textContent = "";
      const value = text.value.trim();
      if (value.length < 3) {
        error.textContent = gettext("Write your question first (at least 3 characters).");
        text.focus();
        return;
      }
      button.disabled = true;
      try {
        const reply = await socket.request("qa.ask", {
          session: sessionId,
          text: value,
          anonymous: Boolean(anonymous && anonymous.checked),
        });
        text.value = "";
        status.textContent =
          reply.data.status === "pending"
            ? gettext("Thanks — your question will appear once a moderator approves it.")
            : gettext("Thanks — your question is posted.");
      } catch (problem) {
        error.textContent = problem.message;
      } finally {
        button.disabled = false;
      }
    });
    return form;
  }

  async function upvote(question) {
    const item = qa.list.querySelector(`[data-question="${question.id}"]`);
    item?.querySelector(".upvote")?.setAttribute("disabled", "");
    try {
      const reply = await socket.request("qa.upvote", { question: question.id });
      state.myUpvotes.add(question.id);
      const known = state.questions.get(question.id);
      if (known) known.upvotes = Math.max(known.upvotes, reply.data.upvotes);
      const count = reply.data.upvotes;
      say(
        interpolate(ngettext("Upvoted. %(count)s vote.", "Upvoted. %(count)s votes.", count), {
          count: fmt.count(count),
        }),
      );
    } catch (problem) {
      if (problem.code === "already_upvoted") state.myUpvotes.add(question.id);
      else say(problem.message);
    }
    drawQuestions();
    qa.list.querySelector(`[data-question="${question.id}"]`)?.focus();
  }

  function drawQa() {
    if (!state.qa.enabled) {
      qaBox.replaceChildren(qa.closed, qa.list);
      drawQuestions();
      return;
    }
    qa.sortGroup ||= h(
      "div",
      { class: "segmented", role: "group", "aria-label": gettext("Sort questions") },
      sortButton("votes", gettext("Most votes")),
      sortButton("newest", gettext("Newest")),
    );
    const key = [state.canAsk, state.qa.anonymous_allowed, state.qa.moderated].join("|");
    if (key !== qa.formKey) {
      qa.formKey = key;
      qa.form = state.canAsk ? askForm() : null;
    }
    qaBox.replaceChildren(...[qa.form, qa.sortGroup, qa.empty, qa.list].filter(Boolean));
    drawQuestions();
  }

  function drawQuestions() {
    const visible = sortQuestions(
      [...state.questions.values()].filter((q) => q.status === "approved"),
      order,
    );
    qa.empty.hidden = visible.length > 0;
    keepingFocus(qa.list, () => {
      qa.list.replaceChildren(
        ...visible.map((q) =>
          questionItem(q, {
            upvoted: state.myUpvotes.has(q.id),
            canUpvote: state.canAsk,
            onUpvote: upvote,
          }),
        ),
      );
    });
  }

  // --- connection ---------------------------------------------------------------------------

  async function joinRoom(s) {
    if (!joinCode || approved) return;
    const store = storage();
    const key = `clustermeet.room.${joinCode}`;
    const token = store?.getItem(key);
    try {
      const reply = await s.request("join", token ? { code: joinCode, token } : { code: joinCode });
      store?.setItem(key, reply.data.token);
      joined = true;
    } catch (problem) {
      if (problem.code !== "bad_code") throw problem;
    }
  }

  function showNotice() {
    if (!notice) return;
    const room = notice.querySelector("[data-role=room-voting]");
    if (room) room.hidden = !(joined && state.canVote);
    const needed = notice.querySelector("[data-role=vote-needed]");
    if (needed) needed.hidden = joined && state.canVote;
  }

  socket = new LiveSocket(root.dataset.ws, {
    onOpen: async (s) => {
      await joinRoom(s);
      const reply = await s.request("subscribe", { session: sessionId });
      state.applySnapshot(reply.data);
      showNotice();
      drawPolls();
      drawQa();
    },
    onEvent: (message) => {
      if (!state.ready) return;
      if (message.type === "poll.update") onPoll(message.data);
      else if (message.type === "question.update" && state.applyQuestion(message.data)) {
        drawQuestions();
      }
    },
    onStatus: (status, detail) => {
      // A session that is over keeps its results but is no longer "Live".
      const over = status === "online" && root.dataset.ended !== undefined;
      connection.textContent = over ? gettext("Session over") : statusText(status, detail);
      connection.dataset.state = status;
    },
  });
  socket.start();
}
