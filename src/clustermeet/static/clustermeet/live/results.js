// Poll results as HTML, for every poll type (shapes: clustermeet/live/tally.py). Shared by the
// session page, the moderator console and the presenter view.
import { fmt, gettext, h, interpolate, ngettext } from "./dom.js";

export const TYPE_LABELS = {
  single: gettext("Single choice"),
  multiple: gettext("Multiple choice"),
  ranking: gettext("Ranking"),
  rating: gettext("Rating"),
  wordcloud: gettext("Word cloud"),
  open_text: gettext("Open question"),
};

// "3 votes", "1 voter"…: a count with its noun, as a real plural.
const counted = {
  votes: (n) => interpolate(ngettext("%(count)s vote", "%(count)s votes", n), { count: fmt.count(n) }),
  voters: (n) =>
    interpolate(ngettext("%(count)s voter", "%(count)s voters", n), { count: fmt.count(n) }),
  participants: (n) =>
    interpolate(ngettext("%(count)s participant", "%(count)s participants", n), {
      count: fmt.count(n),
    }),
  words: (n) =>
    interpolate(ngettext("%(count)s different word", "%(count)s different words", n), {
      count: fmt.count(n),
    }),
  answers: (n) =>
    interpolate(ngettext("%(count)s answer", "%(count)s answers", n), { count: fmt.count(n) }),
  points: (n) =>
    interpolate(ngettext("%(count)s point", "%(count)s points", n), { count: fmt.count(n) }),
};

export function optionLabels(poll) {
  return new Map(poll.options.map((o) => [o.id, o.label]));
}

function bar(percent) {
  return h(
    "span",
    { class: "bar-track", "aria-hidden": "true" },
    h("span", { class: "bar-fill", style: { width: `${Math.max(0, Math.min(100, percent))}%` } }),
  );
}

function votersLine(results) {
  return h("p", { class: "results-meta" }, counted.votes(results.voters));
}

function choiceResults(poll, results) {
  const labels = optionLabels(poll);
  const correct = new Set(results.correct || []);
  const top = Math.max(0, ...results.options.map((o) => o.count));
  const list = h(
    "ul",
    { class: "bars" },
    results.options.map((o) =>
      h(
        "li",
        { class: `bar-row${top > 0 && o.count === top ? " leading" : ""}` },
        h(
          "span",
          { class: "bar-label" },
          labels.get(o.id) ?? o.label ?? "",
          correct.has(o.id) ? h("span", { class: "correct" }, ` ✓ ${gettext("correct answer")}`) : null,
        ),
        h(
          "span",
          { class: "bar-value" },
          fmt.percent(o.percent),
          h("span", { class: "bar-count" }, ` (${fmt.count(o.count)})`),
        ),
        bar(o.percent),
      ),
    ),
  );
  const meta =
    poll.type === "multiple"
      ? h(
          "p",
          { class: "results-meta" },
          interpolate(
            gettext(
              "%(voters)s · each could choose several options, so the shares can add up to more than 100 %",
            ),
            { voters: counted.voters(results.voters) },
          ),
        )
      : votersLine(results);
  return [list, meta];
}

function rankingResults(poll, results) {
  const labels = optionLabels(poll);
  const byId = new Map(results.options.map((o) => [o.id, o]));
  const most = Math.max(0, ...results.options.map((o) => o.points));
  const n = poll.options.length;
  return [
    h("p", { class: "results-note" }, gettext("1 = most selected")),
    h(
      "ol",
      { class: "bars ranking-results" },
      results.ranked.map((id) => {
        const o = byId.get(id);
        return h(
          "li",
          { class: `bar-row${o.rank === 1 && most > 0 ? " leading" : ""}` },
          h("span", { class: "rank-number" }, String(o.rank)),
          h("span", { class: "bar-label" }, labels.get(id) ?? o.label ?? ""),
          h(
            "span",
            { class: "bar-value" },
            o.average == null
              ? "–"
              : interpolate(gettext("%(average)s points"), { average: fmt.decimal2(o.average) }),
          ),
          bar(most ? (o.points / most) * 100 : 0),
        );
      }),
    ),
    h(
      "p",
      { class: "results-meta" },
      interpolate(
        ngettext(
          "%(voters)s · score: %(count)s point for a first place down to 1 for the last, averaged over the voters",
          "%(voters)s · score: %(count)s points for a first place down to 1 for the last, averaged over the voters",
          n,
        ),
        { voters: counted.voters(results.voters), count: n },
      ),
    ),
  ];
}

function ratingResults(poll, results) {
  const scale = poll.scale_max;
  const rows = [];
  for (let rating = 1; rating <= scale; rating += 1) {
    const count = results.distribution[String(rating)] || 0;
    const percent = results.voters ? (count / results.voters) * 100 : 0;
    rows.push(
      h(
        "li",
        { class: "bar-row" },
        h("span", { class: "bar-label" }, String(rating)),
        h(
          "span",
          { class: "bar-value" },
          fmt.percent(Math.round(percent * 10) / 10),
          h("span", { class: "bar-count" }, ` (${fmt.count(count)})`),
        ),
        bar(percent),
      ),
    );
  }
  return [
    h(
      "p",
      { class: "rating-average" },
      results.average == null
        ? gettext("No rating yet")
        : [
            h("strong", {}, fmt.decimal2(results.average)),
            // Translators: follows the average rating in bold, e.g. "3.50 average out of 5".
            interpolate(gettext(" average out of %(max)s"), { max: scale }),
          ],
      results.median == null
        ? null
        : h(
            "span",
            { class: "muted" },
            interpolate(gettext(" · median %(median)s"), { median: fmt.decimal1(results.median) }),
          ),
    ),
    h("ul", { class: "bars rating-results", "aria-label": gettext("Distribution of ratings") }, rows),
    votersLine(results),
  ];
}

// Largest words in the middle: alternate them to the right and to the left.
function cloudOrder(words) {
  const out = [];
  words.forEach((word, index) => (index % 2 ? out.unshift(word) : out.push(word)));
  return out;
}

function wordcloudResults(poll, results, large) {
  if (!results.words.length) return [h("p", { class: "muted" }, gettext("No words yet."))];
  const [small, big] = large ? [1.4, 5.2] : [0.95, 2.4];
  return [
    h(
      "div",
      { class: "cloud", "aria-hidden": "true" },
      cloudOrder(results.words).map((w, index) =>
        h(
          "span",
          {
            class: `cloud-word tone-${index % 4}`,
            style: { fontSize: `${(small + (big - small) * w.weight).toFixed(2)}rem` },
            title: `${w.text}: ${w.count}`,
          },
          w.text,
        ),
      ),
    ),
    h(
      "ol",
      { class: "visually-hidden" },
      results.words.map((w) => h("li", {}, `${w.text}: ${fmt.count(w.count)}`)),
    ),
    h(
      "p",
      { class: "results-meta" },
      `${counted.participants(results.voters)} · ${counted.words(results.distinct_words)}`,
    ),
  ];
}

function openTextResults(poll, results) {
  const shown = results.approved.length;
  return [
    shown
      ? h("ul", { class: "answers" }, results.approved.map((text) => h("li", {}, text)))
      : h("p", { class: "muted" }, gettext("No answer has been approved for display yet.")),
    h(
      "p",
      { class: "results-meta" },
      // Translators: %(count)s is the number of answers shown.
      interpolate(gettext("%(answers)s · %(count)s shown after moderation"), {
        answers: counted.answers(results.voters),
        count: fmt.count(shown),
      }),
    ),
  ];
}

function leaderboard(results) {
  if (!results.leaderboard || !results.leaderboard.length) return null;
  return h(
    "div",
    { class: "leaderboard" },
    h("h4", {}, gettext("Leaderboard")),
    h(
      "ol",
      {},
      results.leaderboard.map((row) =>
        h(
          "li",
          {},
          h("span", { class: "rank-number" }, String(row.rank)),
          h("span", { class: "leader-name" }, row.name),
          h("span", { class: "leader-points" }, counted.points(row.points)),
        ),
      ),
    ),
  );
}

// The results of `poll` as an element; `large` for the presenter view.
export function renderResults(poll, { large = false } = {}) {
  const results = poll.results;
  const box = h("div", { class: "results" });
  if (!results) return box;
  let parts;
  if (poll.type === "single" || poll.type === "multiple") parts = choiceResults(poll, results);
  else if (poll.type === "ranking") parts = rankingResults(poll, results);
  else if (poll.type === "rating") parts = ratingResults(poll, results);
  else if (poll.type === "wordcloud") parts = wordcloudResults(poll, results, large);
  else parts = openTextResults(poll, results);
  box.append(...parts.filter(Boolean));
  const board = leaderboard(results);
  if (board) box.append(board);
  return box;
}

// Why results are not shown, for participants.
export function hiddenResultsNote(poll) {
  if (poll.results_visibility === "after_close" && poll.status !== "closed") {
    return gettext("Results will be shown when voting closes.");
  }
  return gettext("The results of this poll are not shown to participants.");
}

// One sentence about the results, for a screen reader's live region.
export function summarise(poll) {
  const r = poll.results;
  if (!r) return "";
  const labels = optionLabels(poll);
  const values = { question: poll.question, votes: counted.votes(r.voters) };
  if ((poll.type === "single" || poll.type === "multiple") && r.voters) {
    const lead = r.options.find((o) => o.id === r.ranked[0]);
    return interpolate(gettext("%(question)s: %(votes)s; leading: %(option)s, %(percent)s."), {
      ...values,
      option: labels.get(lead.id),
      percent: fmt.percent(lead.percent),
    });
  }
  if (poll.type === "ranking" && r.voters) {
    return interpolate(gettext("%(question)s: %(votes)s; ranked first: %(option)s."), {
      ...values,
      option: labels.get(r.ranked[0]),
    });
  }
  if (poll.type === "rating" && r.average != null) {
    return interpolate(gettext("%(question)s: %(votes)s; average %(average)s out of %(max)s."), {
      ...values,
      average: fmt.decimal2(r.average),
      max: poll.scale_max,
    });
  }
  if (poll.type === "wordcloud" && r.words.length) {
    return interpolate(gettext("%(question)s: %(votes)s; most frequent: %(word)s."), {
      ...values,
      word: r.words[0].text,
    });
  }
  if (poll.type === "open_text") {
    const shown = r.approved.length;
    // Translators: %(count)s is the number of answers shown.
    return interpolate(gettext("%(question)s: %(votes)s; %(count)s shown."), {
      ...values,
      count: fmt.count(shown),
    });
  }
  return interpolate(gettext("%(question)s: %(votes)s."), values);
}

// The answer as stored (the `ack`'s `answer`, or `my_ballots`), in words.
export function describeAnswer(poll, answer) {
  if (!answer || typeof answer !== "object") return "";
  const labels = optionLabels(poll);
  if ("choice" in answer) return labels.get(answer.choice) || "";
  if ("choices" in answer) return answer.choices.map((id) => labels.get(id)).join(", ");
  if ("ranking" in answer) {
    return answer.ranking.map((id, i) => `${i + 1}. ${labels.get(id)}`).join(", ");
  }
  if ("rating" in answer) {
    return interpolate(gettext("%(rating)s out of %(max)s"), {
      rating: answer.rating,
      max: poll.scale_max,
    });
  }
  if ("words" in answer) return answer.words.join(", ");
  if ("text" in answer) return answer.text;
  return "";
}
