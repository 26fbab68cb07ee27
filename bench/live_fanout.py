"""Live fan-out benchmark: N websocket participants of one session vote in live polls while every
one of them receives the coalesced results.

    python bench/live_fanout.py --clients 2000 --rate 200 --duration 30 [--production]
                                [--find-max] [--steps 2000,4000,6000,8000,10000]

What it does, one run:

1. Starts the server itself. Embedded default: one uvicorn process, a fresh SQLite database (WAL)
   in a temporary folder, the in-memory channel layer. `--production`: a throwaway PostgreSQL
   and Redis (tests/harness) and two uvicorn worker processes sharing them (channels_redis
   pub/sub layer); no proxy: clients are split between the two ports.
2. Migrates and seeds with bulk_create: an event, a session, N approved participants (each with
   a Django session row, i.e. logged in), a moderator, and ceil(rate * duration / N) draft
   single-choice polls of four options.
3. Connects the N participants (asyncio + websockets, one load-generator process) and subscribes
   each to the session. 2% of participants also open a second connection ("twin", on the other
   worker in production mode) that never subscribes and is used only to vote in parallel.
4. The moderator opens the polls in turn. Votes go out at `--rate` votes/s in aggregate; every
   participant votes once per poll, in random order. Duplicate attempts: every vote of a
   participant with a twin is sent at the same moment through the twin too (a real race between
   two connections, on two workers in production mode), and 3% of the other votes are sent a
   second time on the same socket. A poll is closed once all its votes have been answered.
5. At the end it reads the database: the ballots of the bench polls.

Figures (one JSON line on stdout; progress on stderr):

- votes_sent: first attempts (one per participant per poll); duplicates are counted apart
  (duplicates_sent) and must all be refused with `already_voted`.
- votes_acked: `ack` replies, first attempts and duplicates together.
- votes_counted: ballots in the database. Must equal votes_acked.
- double_votes_accepted: (participant, poll) pairs with more than one ack, plus ballots beyond one
  per (poll, voter) in the database. Must be 0.
- e2e_p50/p95/p99/max_ms (the headline): end-to-end latency of a vote. For every acknowledged
  ballot: the time from the moment its voter sent the vote (the first attempt, also when the
  twin's duplicate won the race) to the first moment that voter's own subscribed connection held
  a `poll.update` of that poll whose results count the ballot (version >= the version in the
  ack; it may arrive before the ack). A ballot whose update never reaches its voter counts as
  infinitely late (e2e_missing). The run passes when e2e_p95_ms <= 1000.
- ack_p50/p95/max_ms: vote sent -> its `ack` arrived (acks only; reply_* also count refusals).
- update_p50/p95/p99_ms: update latency. For every ack (which carries the poll's `version`) and
  EVERY subscribed participant: the time from the moment the ack arrived to the first moment that
  participant had received a `poll.update` of that poll with version >= the ack's version (0 when
  it had one already). Exact over all (ack, participant) pairs, accumulated in a 0.1 ms histogram;
  a pair whose update never arrives counts as infinitely late (updates_missing). Both times are
  taken in the load generator when its event loop handles the frame, so they include its own
  delays (it shares the 2 cores with the server).
- max_clients_ok (`--find-max`): the ramp runs fresh runs at growing client counts and stops at
  the first one that fails (e2e p95 > 1000 ms, a connection failure, a missing update, or an
  integrity failure); the figure is the largest count that passed (null without --find-max).

Extra fields describe the run (rates achieved, duplicates refused, CPU seconds per process).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import random
import re
import resource
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SLUG = "bench-live"
P95_LIMIT_MS = 1000.0
TWIN_SHARE = 0.02
SAME_SOCKET_DUPLICATE_SHARE = 0.03
CONNECT_CONCURRENCY = 64
OPTIONS = ["Increase public investments", "Collaborate", "Simplify rules", "Train people"]
HIST_BIN_MS = 0.1
HIST_MAX_MS = 120_000.0


def log(*parts) -> None:
    print("live_fanout:", *parts, file=sys.stderr, flush=True)


# --- inside Django (subprocesses: seeding and counting run against the run's database) ----------


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")
    import django

    django.setup()


def seed(clients: int, polls: int, out: Path) -> None:
    _django()
    import datetime as dt

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session as DjangoSession
    from django.db import transaction
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from clustermeet.events.models import Event
    from clustermeet.live.models import LiveSettings, Poll, PollOption
    from clustermeet.people.models import Person, Registration
    from clustermeet.programme.models import Session, SessionSpeaker

    now = timezone.now()
    with transaction.atomic():
        event = Event.objects.create(
            slug=SLUG,
            name="Live fan-out benchmark",
            start_date=now.date(),
            end_date=now.date(),
        )
        session = Session.objects.create(
            event=event,
            slug="plenary",
            title="Plenary",
            type=Session.Type.PANEL,
            starts_at=now,
            ends_at=now + dt.timedelta(hours=2),
        )
        LiveSettings.objects.create(session=session)
        unusable = make_password(None)
        people = Person.objects.bulk_create(
            [
                Person(
                    email=f"p{n}@bench.example.org",
                    first_name=f"P{n}",
                    last_name="Bench",
                    slug=f"bench-{n}",
                    password=unusable,
                )
                for n in range(clients + 1)
            ],
            batch_size=2000,
        )
        moderator, participants = people[0], people[1:]
        Registration.objects.bulk_create(
            [
                Registration(
                    event=event,
                    person=p,
                    status=Registration.Status.APPROVED,
                    terms_accepted_at=now,
                )
                for p in people
            ],
            batch_size=2000,
        )
        SessionSpeaker.objects.create(
            session=session, person=moderator, role=SessionSpeaker.Role.MODERATOR
        )
        poll_rows = []
        for n in range(polls):
            poll = Poll.objects.create(
                session=session, question=f"Benchmark question {n + 1}?", type="single"
            )
            PollOption.objects.bulk_create(
                PollOption(poll=poll, label=label, position=i) for i, label in enumerate(OPTIONS)
            )
            poll_rows.append([poll.pk, list(poll.options.values_list("pk", flat=True))])
        store = SessionStore()
        expire = now + dt.timedelta(days=1)
        keys, rows = [], []
        for person in people:
            key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
            data = {
                SESSION_KEY: str(person.pk),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: person.get_session_auth_hash(),
            }
            rows.append(
                DjangoSession(session_key=key, session_data=store.encode(data), expire_date=expire)
            )
            keys.append(key)
        DjangoSession.objects.bulk_create(rows, batch_size=2000)
    out.write_text(
        json.dumps(
            {
                "session": session.pk,
                "polls": poll_rows,
                "moderator": f"sessionid={keys[0]}",
                "cookies": [f"sessionid={k}" for k in keys[1:]],
                "voters": [f"p{p.pk}" for p in participants],
            }
        )
    )


def count(poll_ids: list[int]) -> None:
    _django()
    from clustermeet.live.models import Ballot, Poll

    ballots = list(
        Ballot.objects.filter(poll_id__in=poll_ids).values_list("poll_id", "voter_key", "pk")
    )
    versions = dict(Poll.objects.filter(pk__in=poll_ids).values_list("pk", "version"))
    print(json.dumps({"ballots": ballots, "versions": versions}))


# --- the server -----------------------------------------------------------------------------


def django_command(env: dict, *argv: str) -> str:
    result = subprocess.run(
        [sys.executable, *argv], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"live_fanout: {' '.join(argv)} failed:\n{result.stderr}")
    return result.stdout


@contextlib.contextmanager
def uvicorn_workers(count: int, env: dict, folder: Path, deflate: bool):
    """The server's worker processes (tests.harness.uvicorn); their ports and pids. Their logs'
    tails are printed when they stop."""
    from tests.harness.process import HarnessError  # the repository root is on sys.path by now
    from tests.harness.uvicorn import uvicorn_workers as start

    args = ["--log-level", "warning", "--backlog", "4096"]
    args += ["--ws-per-message-deflate", "true" if deflate else "false"]
    workers = []
    try:
        with start(count, env, folder, args=args) as workers:
            yield [w.port for w in workers], [w.pid for w in workers]
    except HarnessError as error:
        raise SystemExit(f"live_fanout: {error}") from None
    finally:
        for worker in workers:
            text = worker.log.read_text(errors="replace").strip()
            if text:
                log(f"{worker.log.name}:", text[-3000:])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (and its waited-for children), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(f) for f in fields[11:15]) / ticks


def machine_busy() -> tuple[int, int]:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


# --- the load generator -----------------------------------------------------------------------

UPDATE_PREFIX = '{"type":"poll.update"'
POLL_RE = re.compile(r'"data":\{"id":(\d+)')
VERSION_RE = re.compile(r'"version":(\d+)')


class Conn:
    """One websocket connection of the load generator."""

    def __init__(self, index: int, ws, run: Run, watch: bool):
        self.index = index
        self.ws = ws
        self.run = run
        self.watch = watch  # keeps its last update per poll in full (for the final results)
        self.updates: list[tuple[int, int, float]] = []  # (poll, version, arrival time)
        self.last: dict[int, str] = {}
        self.best: dict[int, int] = {}  # poll -> highest version received
        self.pending: dict[str, asyncio.Future] = {}
        self.closed = False
        self._next = 0
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        run = self.run
        try:
            async for raw in self.ws:
                now = time.monotonic()
                if raw.startswith(UPDATE_PREFIX):
                    poll = int(POLL_RE.search(raw)[1])
                    version = int(VERSION_RE.search(raw)[1])
                    self.updates.append((poll, version, now))
                    if version > self.best.get(poll, 0):
                        self.best[poll] = version
                    if self.watch:
                        self.last[poll] = raw
                    continue
                message = json.loads(raw)
                mid = message.get("id") or ""
                future = self.pending.pop(mid, None)
                if future is not None and not future.done():
                    future.set_result(message)
                elif mid.startswith("v"):
                    run.on_vote_reply(self, mid, message, now)
                else:
                    run.unexpected[message.get("type", "?")] += 1
        except ConnectionClosed:
            pass
        finally:
            self.closed = True
            for future in self.pending.values():
                if not future.done():
                    future.set_exception(ConnectionError("connection closed"))

    async def call(self, type: str, data: dict, timeout: float = 300) -> dict:
        self._next += 1
        mid = f"c{self._next}"
        future = asyncio.get_running_loop().create_future()
        self.pending[mid] = future
        await self.ws.send(json.dumps({"type": type, "id": mid, "data": data}))
        return await asyncio.wait_for(future, timeout)


class Run:
    def __init__(self, args, plan: dict, ports: list[int]):
        self.args = args
        self.plan = plan
        self.ports = ports
        self.polls = [p for p, _ in plan["polls"]]
        self.options = dict(plan["polls"])
        self.votes: dict[str, tuple[int, int, str, float]] = {}  # id -> who, poll, kind, sent
        self.acks: list[tuple[int, int, float, int, int]] = []  # poll, version, t, who, ballot
        self.refusals: Counter = Counter()  # (kind, code)
        self.unexpected: Counter = Counter()
        self.answered: Counter = Counter()  # poll -> replies received
        self.sent_per_poll: Counter = Counter()
        self.all_answered: dict[int, asyncio.Event] = {}
        self.reply_ms: list[float] = []  # vote sent -> its ack or error arrived
        self.ack_ms: list[float] = []  # vote sent -> its ack arrived (acks only)
        self.first_sent: dict[tuple[int, int], float] = {}  # (poll, who) -> first attempt sent
        self.open_s: list[float] = []  # how long each poll.open took to be answered
        self.lag_max = 0.0  # the furthest the vote schedule fell behind (s)

    def on_vote_reply(self, conn: Conn, mid: str, message: dict, now: float) -> None:
        who, poll, kind, sent = self.votes[mid]
        self.answered[poll] += 1
        self.reply_ms.append((now - sent) * 1000)
        if message["type"] == "ack":
            data = message["data"]
            self.acks.append((poll, data["version"], now, who, data["ballot"]))
            self.ack_ms.append((now - sent) * 1000)
        else:
            self.refusals[(kind, message["data"].get("code", "?"))] += 1
        event = self.all_answered.get(poll)
        if event is not None and self.answered[poll] >= self.sent_per_poll[poll]:
            event.set()


async def connect(port: int, cookie: str):
    from websockets.asyncio.client import connect as ws_connect

    return await ws_connect(
        f"ws://{HOST}:{port}/ws/events/{SLUG}/",
        origin=f"http://{HOST}:{port}",
        additional_headers={"Cookie": cookie},
        compression="deflate" if run_options["deflate"] else None,
        proxy=None,
        open_timeout=120,
        ping_interval=None,
        max_queue=None,
        max_size=None,
    )


run_options = {"deflate": False}


async def load(args, plan: dict, ports: list[int], pids: list[int]) -> dict:
    profilers = start_profilers(args.profile, pids)
    try:
        return await _load(args, plan, ports, pids)
    finally:
        stop_profilers(profilers)


async def _load(args, plan: dict, ports: list[int], pids: list[int]) -> dict:
    run = Run(args, plan, ports)
    rng = random.Random(args.seed)
    n = len(plan["cookies"])
    session = plan["session"]
    failures: Counter = Counter()
    participants: list[Conn | None] = [None] * n
    twins: dict[int, Conn] = {}
    twin_owners = set(rng.sample(range(n), max(1, round(n * TWIN_SHARE))))
    semaphore = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def open_participant(i: int) -> None:
        async with semaphore:
            port = ports[i % len(ports)]
            try:
                conn = Conn(i, await connect(port, plan["cookies"][i]), run, watch=i == 0)
                reply = await conn.call("subscribe", {"session": session})
                if reply["type"] != "snapshot":
                    failures[f"subscribe:{reply['data'].get('code')}"] += 1
                    return
                participants[i] = conn
                if i in twin_owners:
                    other = ports[(i + 1) % len(ports)]
                    twins[i] = Conn(i, await connect(other, plan["cookies"][i]), run, watch=False)
            except Exception as error:  # counted, reported: a failed connection fails the run
                failures[type(error).__name__] += 1

    t_connect = time.monotonic()
    moderator = Conn(-1, await connect(ports[0], plan["moderator"]), run, watch=True)
    assert (await moderator.call("subscribe", {"session": session}))["data"]["moderator"]
    await asyncio.gather(*(open_participant(i) for i in range(n)))
    connect_s = time.monotonic() - t_connect
    connected = [c for c in participants if c is not None]
    log(f"{len(connected)}/{n} participants connected in {connect_s:.1f} s", dict(failures))
    await asyncio.sleep(1)

    total = round(args.rate * args.duration)
    schedule: list[tuple[int, int]] = []
    for poll in run.polls:
        order = list(range(n))
        rng.shuffle(order)
        schedule.extend((poll, i) for i in order)
    schedule = [(p, i) for p, i in schedule[:total] if participants[i] is not None]

    interval = 1.0 / args.rate
    serial = 0
    duplicates_sent = 0
    closers: list[asyncio.Task] = []
    close_versions: dict[int, int] = {}
    opened: list[int] = []

    async def close_when_answered(poll: int) -> None:
        event = run.all_answered[poll]
        deadline = time.monotonic() + 120
        while run.answered[poll] < run.sent_per_poll[poll] and time.monotonic() < deadline:
            event.clear()  # it may have been set while the answers had caught up mid-stream
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), max(0.0, deadline - time.monotonic()))
        reply = await moderator.call("poll.close", {"poll": poll})
        close_versions[poll] = reply["data"]["version"]

    def send(conn: Conn, who: int, poll: int, choice: int, kind: str) -> None:
        nonlocal serial
        serial += 1
        mid = f"v{serial}"
        now = time.monotonic()
        run.votes[mid] = (who, poll, kind, now)
        run.first_sent.setdefault((poll, who), now)
        run.sent_per_poll[poll] += 1
        text = json.dumps(
            {"type": "poll.vote", "id": mid, "data": {"poll": poll, "answer": choice}}
        )
        task = asyncio.ensure_future(conn.ws.send(text))
        task.add_done_callback(_ignore_closed)

    load_before = float(Path("/proc/loadavg").read_text().split()[0])
    cpu0 = {pid: cpu_seconds(pid) for pid in pids}
    busy0 = machine_busy()
    rusage0 = resource.getrusage(resource.RUSAGE_SELF)
    t_start = time.monotonic()
    next_at = t_start
    current = None
    openers: dict[int, asyncio.Task] = {}

    async def open_poll(poll: int) -> None:
        t_open = time.monotonic()
        reply = await moderator.call("poll.open", {"poll": poll})
        assert reply["type"] == "ok", reply
        run.open_s.append(round(time.monotonic() - t_open, 3))

    # The moderator opens the next poll when half of the current poll's votes are out (as one
    # does on stage), so that the vote stream does not stop while the server answers the open.
    first_of = {}
    for k, (poll, _) in enumerate(schedule):
        first_of.setdefault(poll, k)
    open_at = {(first_of[a] + first_of[b]) // 2: b for a, b in itertools.pairwise(first_of)}
    for k, (poll, i) in enumerate(schedule):
        if k in open_at:
            run.all_answered.setdefault(open_at[k], asyncio.Event())
            openers[open_at[k]] = asyncio.create_task(open_poll(open_at[k]))
        if poll != current:
            if current is not None:
                closers.append(asyncio.create_task(close_when_answered(current)))
            run.all_answered.setdefault(poll, asyncio.Event())
            if poll not in openers:
                openers[poll] = asyncio.create_task(open_poll(poll))
            await openers[poll]
            opened.append(poll)
            current = poll
            next_at = max(next_at, time.monotonic())
        delay = next_at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            run.lag_max = max(run.lag_max, -delay)
        next_at += interval
        conn = participants[i]
        if conn.closed:
            continue
        options = run.options[poll]
        send(conn, i, poll, options[rng.randrange(len(options))], "first")
        if i in twins and not twins[i].closed:
            send(twins[i], i, poll, options[rng.randrange(len(options))], "duplicate")
            duplicates_sent += 1
        elif rng.random() < SAME_SOCKET_DUPLICATE_SHARE:
            send(conn, i, poll, options[rng.randrange(len(options))], "duplicate")
            duplicates_sent += 1
    send_s = time.monotonic() - t_start
    votes_sent = len(schedule)
    if current is not None:
        closers.append(asyncio.create_task(close_when_answered(current)))
    await asyncio.gather(*closers)
    log(f"{votes_sent} votes sent in {send_s:.1f} s; all polls closed")

    # Wait until every participant has the final (closed) version of every poll.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        behind = sum(
            1
            for c in connected
            if not c.closed and any(c.best.get(p, 0) < v for p, v in close_versions.items())
        )
        if behind == 0:
            break
        await asyncio.sleep(0.5)
    elapsed = time.monotonic() - t_start
    cpu = {f"worker{k}_s": round(cpu_seconds(pid) - cpu0[pid], 1) for k, pid in enumerate(pids)}
    rusage = resource.getrusage(resource.RUSAGE_SELF)
    cpu["loadgen_s"] = round(
        rusage.ru_utime - rusage0.ru_utime + rusage.ru_stime - rusage0.ru_stime, 1
    )
    busy1 = machine_busy()
    cpu["machine_busy_pct"] = round(100 * (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]), 1)
    cpu["wall_s"] = round(elapsed, 1)
    cpu["loadavg_1m_before"] = load_before

    final_results = {}
    for poll in opened:
        raw = moderator.last.get(poll)
        final_results[poll] = json.loads(raw)["data"]["results"]["voters"] if raw else None

    dropped = sum(1 for c in connected if c.closed)
    for conn in [moderator, *connected, *twins.values()]:
        conn.reader.cancel()
    await asyncio.gather(
        *(c.ws.close() for c in [moderator, *connected, *twins.values()]), return_exceptions=True
    )
    latency = latencies(run, connected)
    e2e = end_to_end(run, participants)
    return {
        "votes_sent": votes_sent,
        "duplicates_sent": duplicates_sent,
        "send_s": send_s,
        "run": run,
        "failures": failures,
        "connected": len(connected),
        "connect_s": connect_s,
        "latency": latency,
        "end_to_end": e2e,
        "cpu": cpu,
        "final_results": final_results,
        "opened": opened,
        "closed_connections": dropped,
        "updates_received": sum(len(c.updates) for c in connected),
    }


def start_profilers(prefix: str | None, pids: list[int]) -> list[subprocess.Popen]:
    """py-spy (pip install py-spy) samples each worker; collapsed stacks go to PREFIX-wN.txt."""
    if not prefix:
        return []
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    argv = [spy, "record", "--format", "raw", "--rate", "100", "--nonblocking"]
    argv += shlex.split(os.environ.get("LIVE_FANOUT_PYSPY_ARGS", ""))
    return [
        subprocess.Popen(
            [*argv, "--pid", str(pid), "--output", f"{prefix}-w{n}.txt"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n, pid in enumerate(pids)
    ]


def stop_profilers(profilers: list[subprocess.Popen]) -> None:
    for profiler in profilers:
        profiler.send_signal(signal.SIGINT)
    for profiler in profilers:
        try:
            profiler.wait(timeout=30)
        except subprocess.TimeoutExpired:
            profiler.kill()
            profiler.wait()


def _ignore_closed(task: asyncio.Future) -> None:
    if not task.cancelled():
        task.exception()  # retrieved: a send on a closed socket shows up as a missing reply


def end_to_end(run: Run, participants: list[Conn | None]) -> dict:
    """Per acknowledged ballot: from the moment the voter sent the vote (its first attempt, also
    when the twin's duplicate won the race) to the first moment the voter's own subscribed
    connection held a `poll.update` of that poll whose results include the ballot (version >= the
    ack's version; it may arrive before the ack). A ballot whose update never reached the voter
    counts as infinitely late (missing)."""
    import numpy as np

    seen: dict[tuple[int, int], tuple] = {}  # (who, poll) -> (running max versions, times)

    def updates_of(who: int, poll: int):
        key = (who, poll)
        if key not in seen:
            conn = participants[who]
            rows = [(v, t) for p, v, t in (conn.updates if conn else ()) if p == poll]
            seen[key] = (
                np.maximum.accumulate(np.array([v for v, _ in rows], dtype=np.int64)),
                np.array([t for _, t in rows], dtype=np.float64),
            )
        return seen[key]

    by_who: dict[int, list] = defaultdict(list)
    for poll, version, _t, who, _ballot in run.acks:
        by_who[who].append((poll, version))
    delays: list[float] = []
    missing = 0
    for who, rows in by_who.items():
        for poll, version in rows:
            versions, times = updates_of(who, poll)
            index = int(np.searchsorted(versions, version, side="left")) if len(versions) else 0
            if index >= len(versions):
                missing += 1
                continue
            delays.append((times[index] - run.first_sent[(poll, who)]) * 1000.0)
        seen.clear()  # one voter at a time: keeps memory flat
    result = {"ballots": len(delays) + missing, "missing": missing}
    ordered = sorted(delays) + [math.inf] * missing
    for q in (50, 95, 99):
        value = _percentile_sorted(ordered, q)
        result[q] = None if value is None or math.isinf(value) else round(value, 1)
    result["max"] = None if not ordered or math.isinf(ordered[-1]) else round(ordered[-1], 1)
    return result


def latencies(run: Run, connected: list[Conn]) -> dict:
    """Percentiles of (update arrival - ack arrival) over every (ack, participant) pair."""
    import numpy as np

    bins = int(HIST_MAX_MS / HIST_BIN_MS) + 2  # the last bin holds "never" (missing)
    hist = np.zeros(bins, dtype=np.int64)
    acks_by_poll: dict[int, tuple] = {}
    for poll in {a[0] for a in run.acks}:
        rows = [(v, t) for p, v, t, _, _ in run.acks if p == poll]
        acks_by_poll[poll] = (
            np.array([v for v, _ in rows], dtype=np.int64),
            np.array([t for _, t in rows], dtype=np.float64),
        )
    missing = 0
    pairs = 0
    for conn in connected:
        per_poll: dict[int, list] = defaultdict(list)
        for poll, version, t in conn.updates:
            per_poll[poll].append((version, t))
        for poll, (ack_versions, ack_times) in acks_by_poll.items():
            seen = per_poll.get(poll)
            pairs += len(ack_versions)
            if not seen:
                hist[-1] += len(ack_versions)
                missing += len(ack_versions)
                continue
            versions = np.maximum.accumulate(np.array([v for v, _ in seen], dtype=np.int64))
            times = np.array([t for _, t in seen], dtype=np.float64)
            index = np.searchsorted(versions, ack_versions, side="left")
            found = index < len(versions)
            lost = int((~found).sum())
            missing += lost
            hist[-1] += lost
            delay_ms = (times[index[found]] - ack_times[found]) * 1000.0
            slots = np.clip(np.floor(np.maximum(delay_ms, 0) / HIST_BIN_MS), 0, bins - 2)
            hist += np.bincount(slots.astype(np.int64), minlength=bins)
    result = {"pairs": pairs, "missing": missing}
    cumulative = np.cumsum(hist)
    for q in (50, 95, 99):
        if pairs == 0:
            result[q] = None
            continue
        slot = int(np.searchsorted(cumulative, math.ceil(pairs * q / 100), side="left"))
        result[q] = None if slot >= bins - 1 else round((slot + 1) * HIST_BIN_MS, 1)
    return result


# --- one run ----------------------------------------------------------------------------------


def run_once(args, clients: int) -> dict:
    mode = "production" if args.production else "embedded"
    polls = max(1, math.ceil(args.rate * args.duration / clients))
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="live-fanout-")))
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
        env.update(
            CLUSTERMEET_DATA_DIR=str(folder),
            CLUSTERMEET_SECRET_KEY=secrets.token_urlsafe(40),
            CLUSTERMEET_ALLOWED_HOSTS=HOST,
            CLUSTERMEET_LOG_LEVEL="WARNING",
            # this checkout's code first (also when benchmarking a copy of the tree)
            PYTHONPATH=os.pathsep.join(
                filter(None, [str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH")])
            ),
        )
        workers = 1
        if args.production:
            from tests.harness.postgres import running_postgres
            from tests.harness.redis import running_redis

            env["DATABASE_URL"] = stack.enter_context(running_postgres(announce=False))
            env["REDIS_URL"] = stack.enter_context(running_redis(announce=False))
            workers = 2
        t0 = time.monotonic()
        django_command(env, "-m", "clustermeet.cli", "migrate", "--noinput", "-v0")
        plan_file = folder / "plan.json"
        script = str(Path(__file__).resolve())
        django_command(
            env,
            script,
            "_seed",
            "--clients",
            str(clients),
            "--polls",
            str(polls),
            "--out",
            str(plan_file),
        )
        plan = json.loads(plan_file.read_text())
        log(
            f"{mode}: migrated and seeded {clients} participants, {polls} polls "
            f"in {time.monotonic() - t0:.1f} s"
        )
        with (
            uvicorn_workers(workers, env, folder, args.deflate) as (ports, pids),
            asyncio.Runner(loop_factory=_loop_factory()) as runner,
        ):
            result = runner.run(load(args, plan, ports, pids))
        counted = json.loads(django_command(env, script, "_count", *map(str, result["opened"])))
    return summarise(mode, clients, result, counted, plan)


def _loop_factory():
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def summarise(mode: str, clients: int, result: dict, counted: dict, plan: dict) -> dict:
    run: Run = result["run"]
    ballots = counted["ballots"]
    acks_per_pair = Counter((poll, who) for poll, _, _, who, _ in run.acks)
    db_pairs = Counter((poll, voter) for poll, voter, _ in ballots)
    double = sum(k - 1 for k in acks_per_pair.values() if k > 1)
    double += sum(k - 1 for k in db_pairs.values() if k > 1)
    acked_ballots = {ballot for *_, ballot in run.acks}
    in_db = {pk for *_, pk in ballots}
    latency = result["latency"]
    e2e = result["end_to_end"]
    refused = Counter()
    for (kind, code), k in run.refusals.items():
        refused[f"{kind}:{code}"] += k
    return {
        "mode": mode,
        "clients": clients,
        "votes_sent": result["votes_sent"],
        "votes_acked": len(run.acks),
        "votes_counted": len(ballots),
        "double_votes_accepted": double,
        "e2e_p50_ms": e2e[50],
        "e2e_p95_ms": e2e[95],
        "e2e_p99_ms": e2e[99],
        "e2e_max_ms": e2e["max"],
        "e2e_missing": e2e["missing"],
        "ack_p50_ms": _percentile(run.ack_ms, 50),
        "ack_p95_ms": _percentile(run.ack_ms, 95),
        "ack_max_ms": round(max(run.ack_ms), 1) if run.ack_ms else None,
        "update_p50_ms": latency[50],
        "update_p95_ms": latency[95],
        "update_p99_ms": latency[99],
        "max_clients_ok": None,
        "connected": result["connected"],
        "connect_failures": sum(result["failures"].values()),
        "connect_s": round(result["connect_s"], 1),
        "send_rate": round(result["votes_sent"] / max(result["send_s"], 1e-9), 1),
        "duplicates_sent": result["duplicates_sent"],
        "refused": dict(refused),
        "acked_missing_in_db": len(acked_ballots - in_db),
        "results_voters": sum(v or 0 for v in result["final_results"].values()),
        "updates_missing": latency["missing"],
        "latency_pairs": latency["pairs"],
        "updates_received": result["updates_received"],
        "dropped_connections": result["closed_connections"],
        "unexpected_messages": dict(run.unexpected),
        "polls": len(result["opened"]),
        "reply_p50_ms": _percentile(run.reply_ms, 50),
        "reply_p95_ms": _percentile(run.reply_ms, 95),
        "reply_max_ms": round(max(run.reply_ms), 1) if run.reply_ms else None,
        "poll_open_s": run.open_s,
        "schedule_lag_max_s": round(run.lag_max, 2),
        "cpu": result["cpu"],
    }


def _percentile(values: list[float], q: float) -> float | None:
    value = _percentile_sorted(sorted(values), q)
    return None if value is None else round(value, 1)


def _percentile_sorted(ordered: list[float], q: float) -> float | None:
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, math.ceil(len(ordered) * q / 100) - 1)]


def passed(figures: dict) -> bool:
    return (
        figures["connect_failures"] == 0
        and figures["dropped_connections"] == 0
        and figures["updates_missing"] == 0
        and figures["e2e_missing"] == 0
        and figures["e2e_p95_ms"] is not None
        and figures["e2e_p95_ms"] <= P95_LIMIT_MS
        and figures["votes_counted"] == figures["votes_acked"]
        and figures["double_votes_accepted"] == 0
        and figures["acked_missing_in_db"] == 0
    )


def raise_open_file_limit(clients: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = (
        min(hard, max(soft, clients * 2 + 1000))
        if hard != resource.RLIM_INFINITY
        else (max(soft, clients * 2 + 1000))
    )
    if wanted > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    if clients * 1.1 + 200 > wanted:
        log(f"open-file limit {wanted} may be too low for {clients} clients")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in {"_seed", "_count"}:
        return internal(argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=200.0, help="votes per second, in all")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of voting")
    parser.add_argument("--production", action="store_true")
    parser.add_argument("--find-max", action="store_true")
    parser.add_argument("--steps", default="2000,4000,6000,8000,10000")
    parser.add_argument(
        "--deflate",
        action="store_true",
        help="negotiate permessage-deflate, as browsers do (server and clients compress)",
    )
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument(
        "--profile", metavar="PREFIX", help="sample the workers with py-spy into PREFIX-wN.txt"
    )
    args = parser.parse_args(argv)
    run_options["deflate"] = args.deflate
    steps = [args.clients]
    if args.find_max:
        steps = sorted({args.clients, *(int(s) for s in args.steps.split(","))})
    raise_open_file_limit(max(steps))
    sys.path.insert(0, str(ROOT))

    main_figures, best = None, None
    for clients in steps:
        figures = run_once(args, clients)
        ok = passed(figures)
        log(json.dumps(figures), "PASS" if ok else "FAIL")
        if clients == args.clients:
            main_figures = figures
        if not ok:
            break
        best = clients
    if main_figures is None:  # the ramp stopped before reaching --clients
        main_figures = run_once(args, args.clients)
    if args.find_max:
        main_figures["max_clients_ok"] = best
    print(json.dumps(main_figures), flush=True)
    return 0 if passed(main_figures) else 1


def internal(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    if argv[0] == "_seed":
        parser = argparse.ArgumentParser()
        parser.add_argument("--clients", type=int, required=True)
        parser.add_argument("--polls", type=int, required=True)
        parser.add_argument("--out", type=Path, required=True)
        args = parser.parse_args(argv[1:])
        seed(args.clients, args.polls, args.out)
    else:
        count([int(a) for a in argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
