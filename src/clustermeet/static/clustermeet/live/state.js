// What a client knows of one session: polls (per poll the payload with the highest version),
// questions (replaced by id), this person's ballots and upvotes. Applying an event twice, or an
// old one late, changes nothing. Polls are kept in the page's language: `question` and the
// options' `label` are the organisers' translations when they gave one (`original_question`,
// `original_label` keep the originals).
import { localised } from "./dom.js";

export function localisePoll(poll) {
  return {
    ...poll,
    original_question: poll.question,
    question: localised(poll.question, poll.translations),
    options: (poll.options || []).map((o) => ({
      ...o,
      original_label: o.label,
      label: localised(o.label, o.translations),
    })),
  };
}

// A moderator's connection is in both audiences' groups, so it gets each poll update twice with
// the same version: the moderators' payload (results, pending answers) is the richer one.
function richness(poll) {
  let score = 0;
  if (poll.results) score += 1;
  if ("pending" in poll) score += 1;
  if (poll.results && "correct" in poll.results) score += 1;
  return score;
}

export class LiveState {
  constructor(sessionId) {
    this.sessionId = sessionId;
    this.polls = new Map();
    this.questions = new Map();
    this.myBallots = new Map();
    this.myUpvotes = new Set();
    this.moderator = false;
    this.canVote = false;
    this.canAsk = false;
    this.qa = { enabled: false, moderated: true, anonymous_allowed: false };
    this.ready = false;
  }

  applySnapshot(data) {
    const polls = new Map();
    for (const payload of data.polls) {
      const poll = localisePoll(payload);
      const known = this.polls.get(poll.id);
      polls.set(poll.id, known && this.newer(known, poll) ? known : poll);
    }
    this.polls = polls;
    this.questions = new Map(data.questions.map((q) => [q.id, q]));
    this.myBallots = new Map(Object.entries(data.my_ballots).map(([id, a]) => [Number(id), a]));
    this.myUpvotes = new Set(data.my_upvotes);
    this.moderator = data.moderator;
    this.canVote = data.can_vote;
    this.canAsk = data.can_ask;
    this.qa = data.qa;
    this.ready = true;
  }

  // True when `a` should be kept over `b`.
  newer(a, b) {
    if (a.version !== b.version) return a.version > b.version;
    return richness(a) >= richness(b);
  }

  // Returns the previous payload (or null) when the update was applied, undefined otherwise.
  applyPoll(payload) {
    const poll = localisePoll(payload);
    if (poll.session !== this.sessionId) return undefined;
    const known = this.polls.get(poll.id);
    if (known && this.newer(known, poll)) return undefined;
    this.polls.set(poll.id, poll);
    return known || null;
  }

  applyQuestion(question) {
    if (question.session !== this.sessionId) return false;
    if (question.status === "removed") {
      // Moderators get every question in full from their own group; "removed" is what the
      // participants' group says of a question they may not see.
      if (this.moderator) return false;
      return this.questions.delete(question.id);
    }
    this.questions.set(question.id, question);
    return true;
  }
}

// Results as participants see them (messages.results_visible on the server).
export function publicResultsVisible(poll) {
  if (poll.results_visibility === "live") return poll.status !== "draft";
  if (poll.results_visibility === "after_close") return poll.status === "closed";
  return false;
}

// Questions in display order: pinned first, then by votes (ties: oldest first) or newest first.
export function sortQuestions(questions, order) {
  const time = (q) => Date.parse(q.created_at);
  return [...questions].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (order === "newest") return time(b) - time(a) || b.id - a.id;
    return b.upvotes - a.upvotes || time(a) - time(b) || a.id - b.id;
  });
}

// Polls for participants: open ones first, then closed ones, the most recently opened first.
export function pollOrder(polls) {
  const rank = { open: 0, closed: 1, draft: 2 };
  const opened = (p) => (p.opened_at ? Date.parse(p.opened_at) : 0);
  return [...polls].sort(
    (a, b) => rank[a.status] - rank[b.status] || opened(b) - opened(a) || a.id - b.id,
  );
}
