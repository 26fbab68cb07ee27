// The presenter view (stage screen, stream overlay): the open poll — or the one opened last —
// with its results when participants may see them (or when "Show results" reveals them), else
// the top questions. It follows the session by itself; the toolbar (keys A, P, Q, R) overrides.
import { announcer, fmt, gettext, h, interpolate, ngettext, secondsLeft } from "./dom.js";
import { TYPE_LABELS, hiddenResultsNote, renderResults } from "./results.js";
import { LiveSocket, statusText } from "./socket.js";
import { LiveState, publicResultsVisible, sortQuestions } from "./state.js";

const TOP_QUESTIONS = 5;

export function start(root) {
  const sessionId = Number(root.dataset.session);
  const state = new LiveState(sessionId);
  const stage = root.querySelector("[data-role=stage]");
  const connection = root.querySelector("[data-role=connection]");
  const reveal = root.querySelector("[data-role=reveal]");
  const say = announcer(root.querySelector("[data-role=announcer]"));
  const shortLink = root.dataset.shortLink;
  const revealed = new Set();
  let mode = root.dataset.show || "auto";
  let focusId = null;
  let frame = null;
  let shown = "";

  function latest(polls) {
    const opened = (p) => (p.opened_at ? Date.parse(p.opened_at) : 0);
    return [...polls].sort((a, b) => opened(b) - opened(a) || b.id - a.id)[0] || null;
  }

  // The poll on screen: the one that opened last while we watched, else the open one opened
  // last, else the closed one opened last.
  function currentPoll() {
    const focused = state.polls.get(focusId);
    if (focused && focused.status !== "draft") return focused;
    const polls = [...state.polls.values()];
    return (
      latest(polls.filter((p) => p.status === "open")) ||
      latest(polls.filter((p) => p.status === "closed"))
    );
  }

  function resultsShown(poll) {
    return Boolean(poll.results) && (publicResultsVisible(poll) || revealed.has(poll.id));
  }

  function pollView(poll) {
    const left = secondsLeft(poll);
    const voters = poll.results ? poll.results.voters : 0;
    const kicker = [
      poll.status === "open" ? gettext("Vote now") : gettext("Voting closed"),
      poll.quiz ? gettext("Quiz") : TYPE_LABELS[poll.type],
      interpolate(
        poll.type === "open_text"
          ? ngettext("%(count)s answer", "%(count)s answers", voters)
          : ngettext("%(count)s vote", "%(count)s votes", voters),
        { count: fmt.count(voters) },
      ),
    ];
    if (left !== null) kicker.push(interpolate(gettext("%(seconds)s s left"), { seconds: left }));
    let body;
    if (resultsShown(poll)) {
      body = renderResults(poll, { large: true });
    } else {
      body = h(
        "div",
        { class: "results" },
        poll.options.length
          ? h("ol", { class: "stage-options" }, poll.options.map((o) => h("li", {}, o.label)))
          : null,
        h("p", { class: "stage-note" }, hiddenResultsNote(poll)),
      );
    }
    return h(
      "div",
      { class: "stage-poll", dataset: { poll: poll.id } },
      h("p", { class: "stage-kicker" }, kicker.join(" · ")),
      h("h1", { class: "stage-question" }, poll.question),
      body,
    );
  }

  function authorLine(q) {
    if (!q.author) return gettext("Anonymous");
    if (!q.organisation) return q.author;
    return interpolate(gettext("%(name)s, %(organisation)s"), {
      name: q.author,
      organisation: q.organisation,
    });
  }

  function qaView() {
    const open = [...state.questions.values()].filter((q) => q.status === "approved");
    const unanswered = open.filter((q) => !q.answered);
    const shown = unanswered.length ? unanswered : open;
    const top = sortQuestions(shown, "votes").slice(0, TOP_QUESTIONS);
    return h(
      "div",
      { class: "stage-qa" },
      h("p", { class: "stage-kicker" }, gettext("Questions from the audience")),
      top.length
        ? h(
            "ol",
            { class: "stage-questions" },
            top.map((q) =>
              h(
                "li",
                { class: q.pinned ? "is-pinned" : null, dataset: { question: q.id } },
                h("span", { class: "stage-votes" }, `▲ ${fmt.count(q.upvotes)}`),
                h(
                  "span",
                  { class: "stage-question-text" },
                  q.text,
                  h("span", { class: "stage-author" }, authorLine(q)),
                ),
              ),
            ),
          )
        : h(
            "p",
            { class: "stage-note" },
            interpolate(gettext("Ask your questions at %(link)s"), { link: shortLink }),
          ),
    );
  }

  function draw() {
    frame = null;
    if (!state.ready) return;
    const poll = mode === "qa" ? null : currentPoll();
    let view;
    let label;
    if (poll) {
      view = pollView(poll);
      label = `poll ${poll.id}`;
    } else if (mode === "poll") {
      view = h("p", { class: "stage-waiting" }, gettext("No poll has been opened yet."));
      label = "no poll";
    } else {
      view = qaView();
      label = "questions";
    }
    stage.replaceChildren(view);
    if (label !== shown) {
      shown = label;
      say(
        poll
          ? interpolate(gettext("Showing: %(question)s"), { question: poll.question })
          : gettext("Showing the questions."),
      );
    }
    const canReveal = poll && poll.results && !publicResultsVisible(poll);
    reveal.disabled = !canReveal;
    const pressed = Boolean(poll && revealed.has(poll.id) && canReveal);
    reveal.setAttribute("aria-pressed", pressed ? "true" : "false");
    reveal.textContent = pressed ? gettext("Hide results") : gettext("Show results");
  }

  function redraw() {
    if (!frame) frame = window.setTimeout(draw, 30);
  }

  function setMode(value) {
    mode = value;
    for (const button of root.querySelectorAll("[data-show]")) {
      if (button.tagName === "BUTTON") {
        button.setAttribute("aria-pressed", button.dataset.show === mode ? "true" : "false");
      }
    }
    redraw();
  }

  function toggleReveal() {
    const poll = mode === "qa" ? null : currentPoll();
    if (!poll || reveal.disabled) return;
    if (revealed.has(poll.id)) revealed.delete(poll.id);
    else revealed.add(poll.id);
    redraw();
  }

  for (const button of root.querySelectorAll("button[data-show]")) {
    button.addEventListener("click", () => setMode(button.dataset.show));
  }
  reveal.addEventListener("click", toggleReveal);
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "a") setMode("auto");
    else if (key === "p") setMode("poll");
    else if (key === "q") setMode("qa");
    else if (key === "r") toggleReveal();
  });

  // The toolbar shows while the pointer moves or the keyboard is used, then fades out.
  let idle = null;
  const wake = () => {
    document.body.classList.add("tools-visible");
    window.clearTimeout(idle);
    idle = window.setTimeout(() => document.body.classList.remove("tools-visible"), 4000);
  };
  document.addEventListener("pointermove", wake);
  document.addEventListener("keydown", wake);

  const socket = new LiveSocket(root.dataset.ws, {
    onOpen: async (s) => {
      const reply = await s.request("subscribe", { session: sessionId, presenter: true });
      state.applySnapshot(reply.data);
      redraw();
    },
    onEvent: (message) => {
      if (!state.ready) return;
      if (message.type === "poll.update") {
        const previous = state.applyPoll(message.data);
        if (previous === undefined) return;
        const poll = state.polls.get(message.data.id);
        if (poll.status === "open" && (!previous || previous.status !== "open")) focusId = poll.id;
        redraw();
      } else if (message.type === "question.update" && state.applyQuestion(message.data)) {
        redraw();
      }
    },
    onStatus: (status, detail) => {
      connection.textContent = statusText(status, detail);
      connection.dataset.state = status;
    },
  });
  socket.start();

  window.setInterval(() => {
    const poll = currentPoll();
    if (poll && secondsLeft(poll) !== null) redraw();
  }, 1000);
}
