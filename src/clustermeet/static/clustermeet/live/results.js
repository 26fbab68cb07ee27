// Poll results as HTML, for every poll type (shapes: clustermeet/live/tally.py). Shared by the
// session page, the moderator console and the presenter view.
import { fmt, h } from "./dom.js";

export const TYPE_LABELS = {
  single: "Single choice",
  multiple: "Multiple choice",
  ranking: "Ranking",
  rating: "Rating",
  wordcloud: "Word cloud",
  open_text: "Open question",
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

function votersLine(results, one = "vote", many = "votes") {
  return h("p", { class: "results-meta" }, fmt.plural(results.voters, one, many));
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
          correct.has(o.id) ? h("span", { class: "correct" }, " ✓ correct answer") : null,
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
          `${fmt.plural(results.voters, "voter", "voters")} · each could choose several ` +
            "options, so the shares can add up to more than 100 %",
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
    h("p", { class: "results-note" }, "1 = most selected"),
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
            o.average == null ? "–" : `${fmt.decimal2(o.average)} points`,
          ),
          bar(most ? (o.points / most) * 100 : 0),
        );
      }),
    ),
    h(
      "p",
      { class: "results-meta" },
      `${fmt.plural(results.voters, "voter", "voters")} · score: ${n} points for a first place ` +
        "down to 1 for the last, averaged over the voters",
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
        ? "No rating yet"
        : [h("strong", {}, fmt.decimal2(results.average)), ` average out of ${scale}`],
      results.median == null
        ? null
        : h("span", { class: "muted" }, ` · median ${fmt.decimal1(results.median)}`),
    ),
    h("ul", { class: "bars rating-results", "aria-label": "Distribution of ratings" }, rows),
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
  if (!results.words.length) return [h("p", { class: "muted" }, "No words yet.")];
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
      `${fmt.plural(results.voters, "participant", "participants")} · ` +
        `${fmt.plural(results.distinct_words, "different word", "different words")}`,
    ),
  ];
}

function openTextResults(poll, results) {
  const shown = results.approved.length;
  return [
    shown
      ? h("ul", { class: "answers" }, results.approved.map((text) => h("li", {}, text)))
      : h("p", { class: "muted" }, "No answer has been approved for display yet."),
    h(
      "p",
      { class: "results-meta" },
      `${fmt.plural(results.voters, "answer", "answers")} · ${fmt.count(shown)} shown ` +
        "after moderation",
    ),
  ];
}

function leaderboard(results) {
  if (!results.leaderboard || !results.leaderboard.length) return null;
  return h(
    "div",
    { class: "leaderboard" },
    h("h4", {}, "Leaderboard"),
    h(
      "ol",
      {},
      results.leaderboard.map((row) =>
        h(
          "li",
          {},
          h("span", { class: "rank-number" }, String(row.rank)),
          h("span", { class: "leader-name" }, row.name),
          h("span", { class: "leader-points" }, fmt.plural(row.points, "point", "points")),
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
    return "Results will be shown when voting closes.";
  }
  return "The results of this poll are not shown to participants.";
}

// One sentence about the results, for a screen reader's live region.
export function summarise(poll) {
  const r = poll.results;
  if (!r) return "";
  const labels = optionLabels(poll);
  const head = `${poll.question}: ${fmt.plural(r.voters, "vote", "votes")}`;
  if ((poll.type === "single" || poll.type === "multiple") && r.voters) {
    const lead = r.options.find((o) => o.id === r.ranked[0]);
    return `${head}; leading: ${labels.get(lead.id)}, ${fmt.percent(lead.percent)}.`;
  }
  if (poll.type === "ranking" && r.voters) {
    return `${head}; ranked first: ${labels.get(r.ranked[0])}.`;
  }
  if (poll.type === "rating" && r.average != null) {
    return `${head}; average ${fmt.decimal2(r.average)} out of ${poll.scale_max}.`;
  }
  if (poll.type === "wordcloud" && r.words.length) {
    return `${head}; most frequent: ${r.words[0].text}.`;
  }
  if (poll.type === "open_text") return `${head}; ${fmt.count(r.approved.length)} shown.`;
  return `${head}.`;
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
  if ("rating" in answer) return `${answer.rating} out of ${poll.scale_max}`;
  if ("words" in answer) return answer.words.join(", ");
  if ("text" in answer) return answer.text;
  return "";
}
