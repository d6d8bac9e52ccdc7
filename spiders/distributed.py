"""Many crawling processes, one frontier: the only module that touches scrapy-redis.

scrapy-redis gives a Scheduler whose queue and dupefilter live in Redis, so any number of Scrapy
processes on any number of machines share one set of requests to make and one set of requests
already made. Upstream is tested against older Scrapy than ours and its spiders rely on a start
mechanism Scrapy deprecates, so only its scheduler, queue and dupefilter classes are used, each
subclassed here, and start URLs are pushed by `enqueue` instead of a RedisSpider. When an
upgrade breaks scrapy-redis, tests/spiders/test_distributed*.py fail and this file is the one
to change.

What is added to scrapy-redis:

- Rounds. Every `enqueue` opens a round (a number from `PREFIX:round`); its start requests and
  every request followed from them carry the round in `meta["aidledger_round"]`, and the
  dupefilter keeps one set per round (`PREFIX:seen:ROUND`, expiring a week after the round
  began). Within a round each URL is fetched once by whichever worker takes it; the next
  scheduled round fetches (revalidates) every page again. Start URLs pass through the round's
  set too, so a URL enqueued twice in one round is fetched once.
- Leases. Popping a request moves it, in one Lua script, from the queue to the worker's in-flight
  hash (`PREFIX:inflight:WORKER`). It leaves that hash only when its fetch has been stored (the
  worker writes inline, so the item pipeline's return means committed), or when the request is
  handed back to the queue (a retry, a redirect) in the same transaction that pushes the new
  one. Links a page yields are pushed before the page's own item is stored, so a lease released
  means the links are in the queue. Each worker refreshes `PREFIX:alive:WORKER` from a thread;
  any worker finding a registered worker without it moves the dead worker's in-flight requests
  back to the queue (one Lua script: two finders cannot both move them). A worker killed with
  SIGKILL thus loses nothing: what it had taken is fetched again by the others (a page it stored
  but had not released costs one conditional request answered 304). A worker stopped with
  SIGTERM puts what it holds back at once.
- Drained. Work exists exactly while some queue or some in-flight hash is not empty, which is
  how `aidledger crawl --distributed` knows the frontier is finished, not merely idle here.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import redis
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response
from scrapy.spiders import Spider
from scrapy_redis import connection as redis_connection
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import Base as RedisQueue
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from aidledger.spiders.conditional import ROUND
from aidledger.spiders.pipelines import FETCHES, StorePipeline
from aidledger.spiders.writer import Result

log = logging.getLogger(__name__)

LEASE = "aidledger_lease"
SEEN_TTL = 7 * 24 * 3600  # seconds a round's set of fetched requests is kept
DEFAULT_LEASE = 30.0  # seconds without a heartbeat before a worker's requests are taken back

# KEYS: queue, in-flight hash. ARGV: spider name. The lowest-score request moves to in-flight
# under a lease id "spider|score|sha1" (what a re-queue needs to put it back where it was).
_POP = """
local got = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #got == 0 then return false end
redis.call('ZREM', KEYS[1], got[1])
local lease = ARGV[1] .. '|' .. got[2] .. '|' .. redis.sha1hex(got[1])
redis.call('HSET', KEYS[2], lease, got[1])
return {lease, got[1]}
"""

# KEYS: round's seen set, queue, in-flight hash. ARGV: fingerprint, request, score, lease to
# release ('' for none), the seen set's expiry in seconds (set once). Marking a request seen
# and queueing it are one step: a worker killed between the two would leave a link marked seen
# that no queue holds, and the re-fetch of its page would then drop it as seen (lost for the
# round).
_PUSH_UNSEEN = """
local added = redis.call('SADD', KEYS[1], ARGV[1])
if redis.call('TTL', KEYS[1]) == -1 then redis.call('EXPIRE', KEYS[1], ARGV[5]) end
if added == 1 then redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), ARGV[2]) end
if ARGV[4] ~= '' then redis.call('HDEL', KEYS[3], ARGV[4]) end
return added
"""

# KEYS: in-flight hash, workers hash, heartbeat key. ARGV: key prefix, worker id, "dead" (only
# if the heartbeat has expired) or "stopping". Every leased request back into its spider's
# queue, then the worker forgotten; atomic, so it happens once.
_REQUEUE = """
if ARGV[3] == 'dead' and redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
local flat = redis.call('HGETALL', KEYS[1])
local n = 0
for i = 1, #flat, 2 do
  local spider, score = string.match(flat[i], '^(.-)|(.-)|')
  redis.call('ZADD', ARGV[1] .. ':' .. spider .. ':queue', tonumber(score), flat[i + 1])
  n = n + 1
end
redis.call('DEL', KEYS[1])
redis.call('HDEL', KEYS[2], ARGV[2])
return n
"""


@dataclass(frozen=True)
class Keys:
    """Every Redis key of one deployment (a prefix isolates deployments and tests)."""

    prefix: str = "aidledger"

    def queue(self, spider: str) -> str:
        return f"{self.prefix}:{spider}:queue"

    def inflight(self, worker: str) -> str:
        return f"{self.prefix}:inflight:{worker}"

    def alive(self, worker: str) -> str:
        return f"{self.prefix}:alive:{worker}"

    @property
    def workers(self) -> str:
        return f"{self.prefix}:workers"

    def seen(self, round_id: Any) -> str:
        return f"{self.prefix}:seen:{round_id}"

    @property
    def round(self) -> str:
        return f"{self.prefix}:round"

    @property
    def rounds(self) -> str:
        return f"{self.prefix}:rounds"


def client(url: str) -> redis.Redis:
    """A client configured as scrapy-redis configures its own."""
    return redis_connection.get_redis(url=url)


def requeue_dead(server: redis.Redis, keys: Keys) -> int:
    """Put back the in-flight requests of every registered worker whose heartbeat expired."""
    moved = 0
    for raw in server.hkeys(keys.workers):
        worker = raw.decode() if isinstance(raw, bytes) else raw
        if not server.exists(keys.alive(worker)):
            n = int(server.eval(_REQUEUE, 3, keys.inflight(worker), keys.workers,
                                keys.alive(worker), keys.prefix, worker, "dead"))
            if n:
                log.warning("worker %s stopped answering: %d request(s) it had taken are back "
                            "in the queue", worker, n)
            moved += n
    return moved


def drained(server: redis.Redis, keys: Keys, spiders: Iterable[str]) -> bool:
    """No request waiting in any queue and none taken by any worker: the frontier is done."""
    if any(server.zcard(keys.queue(name)) for name in spiders):
        return False
    for raw in server.hkeys(keys.workers):
        worker = raw.decode() if isinstance(raw, bytes) else raw
        if server.hlen(keys.inflight(worker)):
            return False
    return True


class Worker:
    """This process as the frontier knows it: an id, a registration, a heartbeat thread that also
    takes back dead workers' requests. One per process, shared by its crawlers."""

    _current: Worker | None = None
    _users = 0
    _lock = threading.Lock()

    def __init__(self, url: str, keys: Keys, lease: float) -> None:
        self.keys, self.lease = keys, lease
        self.server = client(url)
        self.id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._stop = threading.Event()
        self.info = json.dumps({"host": socket.gethostname(), "pid": os.getpid(),
                                "started": datetime.now(UTC).isoformat(timespec="seconds")})
        self.beat()
        requeue_dead(self.server, keys)
        self._thread = threading.Thread(target=self._run, name="aidledger-heartbeat",
                                        daemon=True)
        self._thread.start()

    @classmethod
    def acquire(cls, url: str, keys: Keys, lease: float) -> Worker:
        with cls._lock:
            if cls._current is None:
                cls._current = Worker(url, keys, lease)
            cls._users += 1
            return cls._current

    def release(self) -> None:
        with Worker._lock:
            Worker._users -= 1
            if Worker._users > 0:
                return
            Worker._current = None
        self._stop.set()
        self._thread.join(timeout=5)
        n = int(self.server.eval(_REQUEUE, 3, self.keys.inflight(self.id), self.keys.workers,
                                 self.keys.alive(self.id), self.keys.prefix, self.id,
                                 "stopping"))
        self.server.delete(self.keys.alive(self.id))
        if n:
            log.info("stopping: %d request(s) taken but not finished are back in the queue", n)

    def beat(self) -> None:
        """Alive for another lease; registered again too, should a stall past the lease have
        made others take back this worker's requests (they are then fetched twice)."""
        pipe = self.server.pipeline(transaction=True)
        pipe.set(self.keys.alive(self.id), "1", px=int(self.lease * 1000))
        pipe.hset(self.keys.workers, self.id, self.info)
        pipe.execute()

    def _run(self) -> None:
        while not self._stop.wait(self.lease / 4):
            try:
                self.beat()
                requeue_dead(self.server, self.keys)
            except redis.RedisError as exc:  # keep beating: Redis may come back
                log.warning("heartbeat: %s", exc)

    def ack(self, lease: str | None) -> None:
        if lease:
            self.server.hdel(self.keys.inflight(self.id), lease)


class LeasedQueue(RedisQueue):
    """scrapy-redis's priority queue (a sorted set), popping into the worker's in-flight hash."""

    worker: Worker | None = None
    spider_name = ""

    def __len__(self) -> int:
        return int(self.server.zcard(self.key))

    def push(self, request: Request, release: str | None = None) -> None:
        """Queue a request; `release`: the lease it replaces, dropped in the same transaction."""
        request.meta.pop(LEASE, None)
        pipe = self.server.pipeline(transaction=True)
        pipe.zadd(self.key, {self._encode_request(request): -request.priority})
        if release and self.worker is not None:
            pipe.hdel(self.worker.keys.inflight(self.worker.id), release)
        pipe.execute()

    def push_unseen(self, request: Request, seen_key: str, fingerprint: str,
                    release: str | None = None) -> bool:
        """Mark `request` seen and queue it if it was not, releasing `release` either way, in
        one atomic step; False when it had been seen. Without a worker (`enqueue`) there is
        no lease to release."""
        assert self.worker is not None or not release
        request.meta.pop(LEASE, None)
        inflight = self.worker.keys.inflight(self.worker.id) if self.worker else self.key
        added = self.server.eval(_PUSH_UNSEEN, 3, seen_key, self.key, inflight, fingerprint,
                                 self._encode_request(request), -request.priority,
                                 release or "", SEEN_TTL)
        return bool(added)

    def pop(self, timeout: int = 0) -> Request | None:
        assert self.worker is not None
        got = self.server.eval(_POP, 2, self.key, self.worker.keys.inflight(self.worker.id),
                               self.spider_name)
        if not got:
            return None
        lease, data = got
        request = self._decode_request(data)
        request.meta[LEASE] = lease.decode() if isinstance(lease, bytes) else lease
        return request


class RoundDupeFilter(RFPDupeFilter):
    """scrapy-redis's fingerprint set, one per round (so each round fetches every page again)."""

    def __init__(self, server: redis.Redis, key: str, debug: bool = False) -> None:
        super().__init__(server, key, debug)
        self.keys = Keys(key)
        self._expiring: set[str] = set()

    @classmethod
    def from_settings(cls, settings: Any) -> RoundDupeFilter:
        return cls(client(settings.get("REDIS_URL")), settings.get("AIDLEDGER_REDIS_PREFIX"),
                   settings.getbool("DUPEFILTER_DEBUG"))

    @classmethod
    def from_spider(cls, spider: Spider) -> RoundDupeFilter:
        return cls.from_settings(spider.settings)

    def seen_key(self, request: Request) -> str:
        """The set of fetched requests of the request's round."""
        return self.keys.seen(request.meta.get(ROUND, "none"))

    def request_seen(self, request: Request) -> bool:
        key = self.seen_key(request)
        added = self.server.sadd(key, self.request_fingerprint(request))
        if key not in self._expiring:
            self.server.expire(key, SEEN_TTL, nx=True)
            self._expiring.add(key)
        return added == 0

    def close(self, reason: str = "") -> None:
        """Keep the set: other workers are still in the round (scrapy-redis would delete it)."""

    def clear(self) -> None:
        """Same: a worker stopping never clears what the deployment has fetched."""


class FrontierScheduler(RedisScheduler):
    """scrapy-redis's scheduler, persistent, on leased queues and per-round dupefilters."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        s = crawler.settings
        instance = cls(server=client(s.get("REDIS_URL")), persist=True,
                       queue_key=Keys(s.get("AIDLEDGER_REDIS_PREFIX")).queue("%(spider)s"),
                       queue_cls=f"{__name__}.LeasedQueue",
                       dupefilter=RoundDupeFilter.from_settings(s))
        instance.stats = crawler.stats
        instance.crawler = crawler
        return instance

    def open(self, spider: Spider) -> None:
        s = self.crawler.settings
        self.worker = Worker.acquire(s.get("REDIS_URL"), Keys(s.get("AIDLEDGER_REDIS_PREFIX")),
                                     s.getfloat("AIDLEDGER_LEASE", DEFAULT_LEASE))
        super().open(spider)
        self.queue.worker, self.queue.spider_name = self.worker, spider.name
        spider.frontier_worker = self.worker  # for LeaseMiddleware
        log.info("worker %s on %s (%d request(s) waiting)", self.worker.id, self.queue.key,
                 len(self.queue))

    def close(self, reason: str) -> None:
        self.worker.release()

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is None:
            return None
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        src = request.meta.get("source")
        known = self.spider.__dict__.setdefault("_frontier_sources", {})
        if src is not None and getattr(src, "name", None) not in known:
            # robots.txt requests carry no source: the safety rules read the spider's sources
            known[src.name] = src
            self.spider.sources = list(known.values())
        return request

    def enqueue_request(self, request: Request) -> bool:
        release = request.meta.get(LEASE)
        if request.dont_filter:
            self.queue.push(request, release)
        elif not self.queue.push_unseen(request, self.df.seen_key(request),
                                        self.df.request_fingerprint(request), release):
            self.df.log(request, self.spider)  # its target is someone else's: the chain ends
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True


class LeaseMiddleware:
    """Spider side of the lease: requests a response yields go out before its items, carry the
    round on, and a response that stores nothing releases its lease once its links are queued.
    The leases of stored fetches are released by FrontierStorePipeline."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseMiddleware:
        return cls(crawler)

    def _worker(self) -> Worker | None:
        return getattr(self.crawler.spider, "frontier_worker", None)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]
                                    ) -> AsyncIterator[Any]:
        round_id = response.meta.get(ROUND)
        items: list[Any] = []
        error: Exception | None = None
        try:
            async for out in result:
                if isinstance(out, Request):
                    if round_id is not None:
                        out.meta.setdefault(ROUND, round_id)
                    yield out
                else:
                    items.append(out)
        except Exception as exc:  # noqa: BLE001 - re-raised below, after the page is stored
            error = exc
        if not any(_is_fetch(i) for i in items) and (worker := self._worker()):
            worker.ack(response.meta.get(LEASE))
        for item in items:
            yield item
        if error is not None:
            raise error

    def process_spider_exception(self, response: Response, exception: Exception) -> None:
        if worker := self._worker():
            worker.ack(response.meta.get(LEASE))


def _is_fetch(item: Any) -> bool:
    return isinstance(item, FETCHES)


class FrontierStorePipeline(StorePipeline):
    """The store pipeline, releasing each fetch's lease once the fetch is committed: at once when
    writing inline, else when the writer process reports it stored (the pipeline's return only
    means handed over). A fetch the store could not take keeps its lease (fetched again).
    Its checks judge rows per page: the process stores only the share of the round it took."""

    share = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.leases_waiting: dict[str, list[str]] = {}  # fetch URL -> leases, with the writer
        self.leases_stored: set[str] = set()  # reported stored before its item left the pipeline

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierStorePipeline:
        pipeline = super().from_crawler(crawler)
        assert isinstance(pipeline, FrontierStorePipeline)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(pipeline._item_done, signal=signal)
        return pipeline

    def _worker(self) -> Worker | None:
        return getattr(self.crawler.spider, "frontier_worker", None) if self.crawler else None

    def _item_done(self, item: Any, response: Any = None, **_: Any) -> None:
        request, worker = getattr(response, "request", None), self._worker()
        if request is None or worker is None or not _is_fetch(item):
            return
        lease = request.meta.get(LEASE)
        if self.writer is None or item.url in self.leases_stored:
            self.leases_stored.discard(item.url)
            worker.ack(lease)
        elif lease:
            self.leases_waiting.setdefault(item.url, []).append(lease)

    def results_reported(self, results: list[Result]) -> None:
        worker = self._worker()
        for r in results:
            if worker is None or not (r.outcome.failed or r.outcome.snapshot_id):
                continue  # not stored: the lease stays, the request is fetched again
            leases = self.leases_waiting.pop(r.outcome.url, None)
            if leases:
                for lease in leases:
                    worker.ack(lease)
            else:  # reported before the item was through the pipeline
                self.leases_stored.add(r.outcome.url)


class KeepAlive:
    """A worker stays up while the frontier is empty; `crawl --distributed` (AIDLEDGER_UNTIL_
    DRAINED) closes once no worker holds or waits for anything."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.until_drained = crawler.settings.getbool("AIDLEDGER_UNTIL_DRAINED")
        self.server = client(crawler.settings.get("REDIS_URL")) if self.until_drained else None
        crawler.signals.connect(self.idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KeepAlive:
        return cls(crawler)

    def idle(self) -> None:
        if not self.until_drained:
            raise DontCloseSpider
        keys = Keys(self.crawler.settings.get("AIDLEDGER_REDIS_PREFIX"))
        if not drained(self.server, keys, [self.crawler.spider.name]):
            raise DontCloseSpider


def scrapy_settings(url: str, prefix: str, *, until_drained: bool, lease: float) -> dict[str, Any]:
    """The Scrapy settings that put a crawl on the shared frontier."""
    return {
        "SCHEDULER": f"{__name__}.FrontierScheduler",
        "DUPEFILTER_CLASS": f"{__name__}.RoundDupeFilter",
        "REDIS_URL": url,
        "AIDLEDGER_REDIS_PREFIX": prefix,
        "AIDLEDGER_LEASE": lease,
        "AIDLEDGER_UNTIL_DRAINED": until_drained,
        "ITEM_PIPELINES": {f"{__name__}.FrontierStorePipeline": 300},
        "SPIDER_MIDDLEWARES": {f"{__name__}.LeaseMiddleware": 1},
        "EXTENSIONS": {"scrapy.extensions.remote_control.RemoteControl": None,
                       f"{__name__}.KeepAlive": 500},
    }


# -- producing rounds ---------------------------------------------------------------------


def new_round(server: redis.Redis, keys: Keys, what: str) -> int:
    round_id = int(server.incr(keys.round))
    server.hset(keys.rounds, str(round_id), json.dumps(
        {"at": datetime.now(UTC).isoformat(timespec="seconds"), "what": what}))
    return round_id


def enqueue(url: str, prefix: str, batches: Iterable[tuple[Spider, Iterable[Request]]],
            what: str) -> tuple[int, dict[str, int]]:
    """Open a round and push each spider's requests into its queue, each through the round's
    dupefilter; returns the round and how many requests each spider got."""
    server, keys = client(url), Keys(prefix)
    round_id = new_round(server, keys, what)
    df = RoundDupeFilter(server, prefix)
    counts: dict[str, int] = {}
    for spider, requests in batches:
        queue = LeasedQueue(server, spider, keys.queue(spider.name))
        counts.setdefault(spider.name, 0)
        for request in requests:
            request.meta[ROUND] = round_id  # seen and queued in one step, as workers do
            if queue.push_unseen(request, df.seen_key(request), df.request_fingerprint(request)):
                counts[spider.name] += 1
    return round_id, counts


def frontier_spider(cls: type[Spider]) -> type[Spider]:
    """`cls` taking its requests from the frontier only: start URLs come from `enqueue`."""

    class FrontierSpider(cls):  # type: ignore[misc, valid-type]
        async def start(self) -> AsyncIterator[Any]:
            self.sources = []
            return
            yield

    FrontierSpider.__name__ = FrontierSpider.__qualname__ = f"Frontier{cls.__name__}"
    return FrontierSpider


def status(url: str, prefix: str, spiders: Iterable[str]) -> dict[str, Any]:
    """Queue lengths, workers (alive or not) with what each holds, the latest rounds."""
    server, keys = client(url), Keys(prefix)
    workers = {}
    for raw, info in server.hgetall(keys.workers).items():
        worker = raw.decode() if isinstance(raw, bytes) else raw
        workers[worker] = {**json.loads(info), "alive": bool(server.exists(keys.alive(worker))),
                           "in_flight": int(server.hlen(keys.inflight(worker)))}
    rounds = sorted(((int(k), json.loads(v)) for k, v in server.hgetall(keys.rounds).items()),
                    reverse=True)[:5]
    return {"queues": {name: int(server.zcard(keys.queue(name))) for name in spiders},
            "workers": workers,
            "rounds": [{"round": r, **info, "seen": int(server.scard(keys.seen(r)))}
                       for r, info in rounds],
            "drained": drained(server, keys, spiders), "checked": time.time()}
