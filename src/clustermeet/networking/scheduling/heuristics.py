"""Greedy scheduling, local improvement, idle gaps and relaxation bounds (no solver).

A solution is a list `slot_of[k]`: the slot index of meeting k, or -1 when unscheduled. Every
function here is deterministic: no clocks, no randomness; loops are bounded by counts.
"""

from __future__ import annotations

from clustermeet.networking.scheduling.problem import Instance


class Board:
    """A partial schedule with the bookkeeping to test and apply moves in O(1)."""

    def __init__(self, inst: Instance):
        self.inst = inst
        self.slot_of = [-1] * inst.n_meetings
        self.busy: list[dict[int, int]] = [{} for _ in range(inst.n_people)]  # slot → meeting
        self.count = [0] * inst.n_people
        self.load = [0] * inst.n_slots
        self.members: list[set[int]] = [set() for _ in range(inst.n_slots)]
        self.weight = 0
        for k, slot in enumerate(inst.fixed):
            if slot >= 0:
                self.place(k, slot)

    def fits(self, k: int, slot: int) -> bool:
        inst = self.inst
        a, b = inst.a[k], inst.b[k]
        return (
            self.load[slot] < inst.tables[slot]
            and slot not in self.busy[a]
            and slot not in self.busy[b]
            and self.count[a] < inst.max_meetings[a]
            and self.count[b] < inst.max_meetings[b]
        )

    def place(self, k: int, slot: int) -> None:
        inst = self.inst
        for person in (inst.a[k], inst.b[k]):
            self.busy[person][slot] = k
            self.count[person] += 1
        self.load[slot] += 1
        self.members[slot].add(k)
        self.slot_of[k] = slot
        self.weight += inst.w[k]

    def remove(self, k: int) -> None:
        inst = self.inst
        slot = self.slot_of[k]
        for person in (inst.a[k], inst.b[k]):
            del self.busy[person][slot]
            self.count[person] -= 1
        self.load[slot] -= 1
        self.members[slot].discard(k)
        self.slot_of[k] = -1
        self.weight -= inst.w[k]

    def first_fit(self, k: int, exclude: int = -1) -> bool:
        for slot in self.inst.candidates[k]:
            if slot != exclude and self.fits(k, slot):
                self.place(k, slot)
                return True
        return False

    def gaps_of(self, person: int) -> int:
        """Idle gaps of one person: available slots strictly between their first and last
        meeting in which they have no meeting."""
        busy = self.busy[person]
        if len(busy) < 2:
            return 0
        positions = [i for i, slot in enumerate(self.inst.available[person]) if slot in busy]
        return positions[-1] - positions[0] + 1 - len(positions)


def by_weight(inst: Instance) -> list[int]:
    """The free meetings, heaviest first (by the scaled weight, then the exact one, then input
    order)."""
    free = (k for k in range(inst.n_meetings) if inst.fixed[k] < 0)
    if inst.exact:
        return sorted(free, key=lambda k: -inst.w[k])
    return sorted(free, key=lambda k: (-inst.w[k], -inst.weights[k]))


def first_fit(inst: Instance) -> Board:
    """The baseline: fixed meetings, then each meeting by decreasing weight into the first slot
    (in slot order) where it fits."""
    board = Board(inst)
    for k in by_weight(inst):
        board.first_fit(k)
    return board


def idle_gaps(inst: Instance, slot_of: list[int]) -> int:
    busy: list[set[int]] = [set() for _ in range(inst.n_people)]
    for k, slot in enumerate(slot_of):
        if slot >= 0:
            busy[inst.a[k]].add(slot)
            busy[inst.b[k]].add(slot)
    total = 0
    for person, slots in enumerate(busy):
        if len(slots) >= 2:
            positions = [i for i, slot in enumerate(inst.available[person]) if slot in slots]
            total += positions[-1] - positions[0] + 1 - len(positions)
    return total


# --- local improvement --------------------------------------------------------------------


def _relocate_all(board: Board, moved: list[int], slot: int) -> bool:
    """Move each meeting in `moved` (already removed) to another slot than `slot`."""
    return all(board.first_fit(k, exclude=slot) for k in moved)


def _insert_by_moves(board: Board, k: int) -> bool:
    """Schedule k in one of its slots after moving the meetings in its way elsewhere."""
    inst = board.inst
    a, b = inst.a[k], inst.b[k]
    if board.count[a] >= inst.max_meetings[a] or board.count[b] >= inst.max_meetings[b]:
        return False
    for slot in inst.candidates[k]:
        blockers = sorted(
            {m for m in (board.busy[a].get(slot), board.busy[b].get(slot)) if m is not None}
        )
        if any(inst.fixed[m] >= 0 for m in blockers):
            continue
        if not blockers and board.load[slot] >= inst.tables[slot]:
            # A full slot: try to move out one meeting of the slot (lightest first, bounded).
            movable = sorted(
                (m for m in board.members[slot] if inst.fixed[m] < 0), key=lambda m: (inst.w[m], m)
            )
            blockers = []
            for m in movable[:8]:
                board.remove(m)
                if board.first_fit(m, exclude=slot):
                    blockers = [m]
                    break
                board.place(m, slot)
            if not blockers:
                continue
            if board.fits(k, slot):
                board.place(k, slot)
                return True
            continue
        if not blockers:
            board.place(k, slot)
            return True
        saved: list[int] = []
        for m in blockers:
            saved.append(board.slot_of[m])
            board.remove(m)
        moved_ok = _relocate_all(board, blockers, slot)
        if moved_ok and board.fits(k, slot):
            board.place(k, slot)
            return True
        for m, original in zip(blockers, saved, strict=True):
            if board.slot_of[m] >= 0:
                board.remove(m)
            board.place(m, original)
    return False


def _lightest(board: Board, person: int, exclude: set[int]) -> int | None:
    inst = board.inst
    options = [m for m in board.busy[person].values() if inst.fixed[m] < 0 and m not in exclude]
    return min(options, key=lambda m: (inst.w[m], m)) if options else None


def _ejections(board: Board, k: int, slot: int) -> list[int] | None:
    """The meetings to unschedule so that k fits in `slot`, or None if a fixed one is in the way."""
    inst = board.inst
    a, b = inst.a[k], inst.b[k]
    out: set[int] = set()
    for person in (a, b):
        m = board.busy[person].get(slot)
        if m is not None:
            if inst.fixed[m] >= 0:
                return None
            out.add(m)
    if board.load[slot] - len(out) >= inst.tables[slot]:
        options = [m for m in board.members[slot] if inst.fixed[m] < 0 and m not in out]
        if not options:
            return None
        out.add(min(options, key=lambda m: (inst.w[m], m)))
    for person in (a, b):
        leaving = sum(1 for m in out if person in (inst.a[m], inst.b[m]))
        if board.count[person] - leaving >= inst.max_meetings[person]:
            m = _lightest(board, person, out)
            if m is None:
                return None
            out.add(m)
    return sorted(out)


def _insert_by_swap(board: Board, k: int) -> bool:
    """Schedule k by unscheduling lighter meetings (strict weight gain), then re-place them."""
    inst = board.inst
    best: tuple[int, int, list[int]] | None = None
    for slot in inst.candidates[k]:
        out = _ejections(board, k, slot)
        if out is None:
            continue
        loss = sum(inst.w[m] for m in out)
        if loss < inst.w[k] and (best is None or loss < best[0]):
            best = (loss, slot, out)
    if best is None:
        return False
    _, slot, out = best
    for m in out:
        board.remove(m)
    board.place(k, slot)
    for m in out:
        board.first_fit(m) or _insert_by_moves(board, m)
    return True


def improve(board: Board, passes: int = 4) -> Board:
    """Local improvement: insert unscheduled meetings by moving others to other slots, or by
    swapping out lighter ones; then reduce idle gaps by moving meetings between slots."""
    inst = board.inst
    order = by_weight(inst)
    for _ in range(passes):
        before = board.weight
        for k in order:
            if board.slot_of[k] >= 0 or not inst.candidates[k]:
                continue
            if not (board.first_fit(k) or _insert_by_moves(board, k)) and inst.w[k] > 0:
                _insert_by_swap(board, k)
        if board.weight == before:
            break
    compact(board)
    return board


def compact(board: Board, passes: int = 4) -> None:
    """Lower the idle gaps without changing which meetings are scheduled: move single meetings
    to other slots, and swap the slots of two meetings of one person."""
    for _ in range(passes):
        moved = _move_pass(board)
        swapped = _swap_pass(board)
        if not (moved or swapped):
            break


def _move_pass(board: Board) -> bool:
    inst = board.inst
    changed = False
    for k in range(inst.n_meetings):
        current = board.slot_of[k]
        if current < 0 or inst.fixed[k] >= 0:
            continue
        a, b = inst.a[k], inst.b[k]
        base = board.gaps_of(a) + board.gaps_of(b)
        if base == 0:
            continue
        board.remove(k)
        best_slot, best_gaps = current, base
        for slot in inst.candidates[k]:
            if slot != current and board.fits(k, slot):
                board.place(k, slot)
                gaps = board.gaps_of(a) + board.gaps_of(b)
                board.remove(k)
                if gaps < best_gaps:
                    best_slot, best_gaps = slot, gaps
        board.place(k, best_slot)
        changed |= best_slot != current
    return changed


def _swap_pass(board: Board) -> bool:
    """For each person with gaps, the first swap of two of their meetings' slots that lowers
    the gaps of the three people involved."""
    inst = board.inst
    changed = False
    for person in range(inst.n_people):
        if board.gaps_of(person) > 0:
            changed |= _swap_for(board, person)
    return changed


def _swap_for(board: Board, person: int) -> bool:
    inst = board.inst
    own = sorted((slot, k) for slot, k in board.busy[person].items() if inst.fixed[k] < 0)
    for i, (slot1, k1) in enumerate(own):
        q1 = inst.b[k1] if inst.a[k1] == person else inst.a[k1]
        for slot2, k2 in own[i + 1 :]:
            q2 = inst.b[k2] if inst.a[k2] == person else inst.a[k2]
            if (
                q1 == q2
                or slot2 in board.busy[q1]
                or slot1 in board.busy[q2]
                or slot2 not in inst.candidates[k1]
                or slot1 not in inst.candidates[k2]
            ):
                continue
            before = board.gaps_of(person) + board.gaps_of(q1) + board.gaps_of(q2)
            for k in (k1, k2):
                board.remove(k)
            board.place(k1, slot2)
            board.place(k2, slot1)
            if board.gaps_of(person) + board.gaps_of(q1) + board.gaps_of(q2) < before:
                return True
            for k in (k1, k2):
                board.remove(k)
            board.place(k1, slot1)
            board.place(k2, slot2)
    return False


def lp_rounding(
    inst: Instance, var_meeting: list[int], var_slot: list[int], values: list[float]
) -> Board:
    """Place meetings in the slots the LP relaxation prefers (largest LP value first), then
    first fit by weight for the rest."""
    board = Board(inst)
    order = sorted(
        (var for var, value in enumerate(values) if value > 1e-6),
        key=lambda var: (-values[var], -inst.w[var_meeting[var]], var),
    )
    for var in order:
        k, slot = var_meeting[var], var_slot[var]
        if board.slot_of[k] < 0 and board.fits(k, slot):
            board.place(k, slot)
    for k in by_weight(inst):
        if board.slot_of[k] < 0:
            board.first_fit(k)
    return board
