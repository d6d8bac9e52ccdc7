"""Scrapy settings for aidledger's spiders (`scrapy.cfg` points here).

Polite by default: robots.txt obeyed, an identifiable User-Agent, retries with backoff for
server faults, a size cap. `aidledger crawl` fills AIDLEDGER_DB_URL and the contact URL from
the one configuration path (`aidledger.config`).
"""

from __future__ import annotations

BOT_NAME = "aidledger"
SPIDER_MODULES = ["aidledger.spiders"]
NEWSPIDER_MODULE = "aidledger.spiders"

AIDLEDGER_CONTACT = "https://github.com/aidledger/aidledger"
USER_AGENT = f"aidledger/0.1 (+{AIDLEDGER_CONTACT})"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
CONCURRENT_ITEMS = 10  # Scrapy's default of 100 item tasks per response costs a third of the rate
DOWNLOAD_DELAY = 0.25
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

TELNETCONSOLE_ENABLED = False
# No control port on a crawler that runs unattended next to a database.
EXTENSIONS = {"scrapy.extensions.remote_control.RemoteControl": None}
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {"aidledger.spiders.pipelines.StorePipeline": 300}
DOWNLOADER_MIDDLEWARES = {
    # before robots.txt (100), so a forbidden host is not even asked for its robots.txt
    "aidledger.spiders.safety.SafetyMiddleware": 90,
    # sees a 3xx before the redirect middleware (600) turns it into a request
    "aidledger.spiders.safety.RedirectLoopMiddleware": 610,
    "aidledger.spiders.conditional.ConditionalRequestsMiddleware": 560,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "aidledger.spiders.retry.BackoffRetryMiddleware": 550,
}
AIDLEDGER_RETRY_BACKOFF_BASE = 1.0  # seconds; doubles with each retry
AIDLEDGER_RETRY_BACKOFF_MAX = 60.0
AIDLEDGER_RETRY_AFTER_MAX = 600.0  # a Retry-After longer than this is cut to it
HTTPERROR_ALLOWED_CODES = [304]  # a 304 answers our conditional request: "unchanged"
AIDLEDGER_CONDITIONAL_REQUESTS = True

# Filled in by aidledger.spiders.runner from aidledger.config; `scrapy crawl` falls back to
# the environment through load_settings().
AIDLEDGER_DB_URL = None
AIDLEDGER_SOURCES = None
