"""The Redis frontier on its own (spiders/distributed.py): rounds, leases, dead workers."""

from __future__ import annotations

import redis

from aidledger.config import Source
from aidledger.spiders import distributed as d
from aidledger.spiders.program import ProgramSpider

REDIS_URL = "redis://127.0.0.1:6379/0"
SRC = Source(name="site", kind="program", allowed_domains=("aid.example",),
             start_urls=("https://aid.example/a", "https://aid.example/b",
                         "https://aid.example/a"),
             link_pattern=r"/p\d+$")


def _enqueue(prefix: str, spider: ProgramSpider) -> tuple[int, dict[str, int]]:
    return d.enqueue(REDIS_URL, prefix, [(spider, spider.start_requests_for([SRC]))], "site")


def _queue(prefix: str, spider: ProgramSpider, worker: d.Worker) -> d.LeasedQueue:
    server = d.client(REDIS_URL)
    q = d.LeasedQueue(server, spider, d.Keys(prefix).queue(spider.name))
    q.worker, q.spider_name = worker, spider.name
    return q


def _die(worker: d.Worker) -> None:
    """What SIGKILL leaves: the heartbeat stops, the registration and in-flight hash stay."""
    worker._stop.set()
    worker._thread.join()
    worker.server.delete(worker.keys.alive(worker.id))
    d.Worker._current, d.Worker._users = None, 0


def test_a_round_queues_each_start_url_once_and_the_next_round_again(redis_prefix):
    spider = ProgramSpider()
    assert _enqueue(redis_prefix, spider) == (1, {"program": 2})
    assert _enqueue(redis_prefix, spider) == (2, {"program": 2})
    server = redis.Redis.from_url(REDIS_URL)
    assert server.zcard(d.Keys(redis_prefix).queue("program")) == 4
    for round_id in (1, 2):  # marked seen in the step that queued them, with the set's expiry
        seen = d.Keys(redis_prefix).seen(round_id)
        assert server.scard(seen) == 2 and 0 < server.ttl(seen) <= d.SEEN_TTL


def test_a_taken_request_is_in_flight_until_released(redis_prefix):
    spider = ProgramSpider()
    _enqueue(redis_prefix, spider)
    worker = d.Worker.acquire(REDIS_URL, d.Keys(redis_prefix), lease=5)
    try:
        q = _queue(redis_prefix, spider, worker)
        request = q.pop()
        assert request is not None and request.meta[d.ROUND] == 1
        assert request.meta["source"] == SRC and request.callback == spider.parse
        assert len(q) == 1 and not d.drained(worker.server, worker.keys, ["program"])
        assert worker.server.hlen(worker.keys.inflight(worker.id)) == 1
        worker.ack(request.meta[d.LEASE])
        assert worker.server.hlen(worker.keys.inflight(worker.id)) == 0
        # handing a request back (a retry) queues the new one and drops the lease at once
        again = q.pop()
        q.push(again.replace(dont_filter=True), again.meta[d.LEASE])
        assert len(q) == 1 and worker.server.hlen(worker.keys.inflight(worker.id)) == 0
        worker.ack(q.pop().meta[d.LEASE])
        assert d.drained(worker.server, worker.keys, ["program"])
    finally:
        worker.release()


def test_a_dead_workers_requests_go_back_to_the_queue_once(redis_prefix):
    spider = ProgramSpider()
    _enqueue(redis_prefix, spider)
    dead = d.Worker.acquire(REDIS_URL, d.Keys(redis_prefix), lease=5)
    q = _queue(redis_prefix, spider, dead)
    taken = {q.pop().url, q.pop().url}
    assert len(q) == 0
    _die(dead)
    keys = d.Keys(redis_prefix)
    assert not d.drained(dead.server, keys, ["program"])  # the dead one still holds two
    assert d.requeue_dead(dead.server, keys) == 2
    assert d.requeue_dead(dead.server, keys) == 0  # a second finder finds nothing to move
    live = d.Worker.acquire(REDIS_URL, keys, lease=5)
    try:
        q = _queue(redis_prefix, spider, live)
        assert {q.pop().url, q.pop().url} == taken
        status = d.status(REDIS_URL, redis_prefix, ["program"])
        assert list(status["workers"]) == [live.id] and status["workers"][live.id]["in_flight"] == 2
        assert status["rounds"][0]["round"] == 1 and status["rounds"][0]["seen"] == 2
    finally:
        live.release()  # a clean stop hands back what it holds
    assert d.client(REDIS_URL).zcard(keys.queue("program")) == 2


def test_the_round_dupefilter_sees_a_url_once_per_round(redis_prefix):
    df = d.RoundDupeFilter(d.client(REDIS_URL), redis_prefix)
    spider = ProgramSpider()
    first, again = (spider.request("https://aid.example/p1", SRC) for _ in range(2))
    first.meta[d.ROUND] = again.meta[d.ROUND] = 7
    assert not df.request_seen(first) and df.request_seen(again)
    later = spider.request("https://aid.example/p1", SRC)
    later.meta[d.ROUND] = 8
    assert not df.request_seen(later)
    assert 0 < d.client(REDIS_URL).ttl(d.Keys(redis_prefix).seen(7)) <= d.SEEN_TTL


def test_a_link_is_marked_seen_only_together_with_being_queued(redis_prefix):
    """The scheduler's one step: a link not seen in its round is queued as it is marked seen
    (no moment where it is seen but in no queue, which a killed worker could leave behind and
    the re-fetch of its page would then drop); a seen one is not queued; the page's lease is
    released either way."""
    spider = ProgramSpider()
    _enqueue(redis_prefix, spider)
    worker = d.Worker.acquire(REDIS_URL, d.Keys(redis_prefix), lease=5)
    try:
        q = _queue(redis_prefix, spider, worker)
        df = d.RoundDupeFilter(worker.server, redis_prefix)
        page, other = q.pop(), q.pop()
        link, again = (spider.request("https://aid.example/p9", SRC) for _ in range(2))
        link.meta[d.ROUND] = again.meta[d.ROUND] = page.meta[d.ROUND]
        seen = df.seen_key(link)
        assert q.push_unseen(link, seen, df.request_fingerprint(link), page.meta[d.LEASE])
        assert len(q) == 1 and worker.server.sismember(seen, df.request_fingerprint(link))
        assert not q.push_unseen(again, seen, df.request_fingerprint(again),
                                 other.meta[d.LEASE])
        assert len(q) == 1 and worker.server.hlen(worker.keys.inflight(worker.id)) == 0
        assert 0 < worker.server.ttl(seen) <= d.SEEN_TTL
    finally:
        worker.release()
