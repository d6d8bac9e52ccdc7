"""The FastAPI application: read-only store, server-rendered pages, JSON API under /api/.

FastAPI gives the API its OpenAPI description from the same typed parameters the pages use,
Jinja2 renders the pages with autoescaping on, uvicorn serves both. No page needs JavaScript.
"""

from __future__ import annotations

import asyncio
import hmac
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from aidledger import __version__
from aidledger.storage.db import open_store
from aidledger.web import render
from aidledger.web.security import SecurityHeaders
from aidledger.web.store import IN_FLIGHT, readonly_engine

PACKAGE = resources.files("aidledger.web")


@dataclass
class WebConfig:
    """What the app needs to run: where the store is, and the review token (None: no writes)."""

    db_url: str
    review_token: str | None = None


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(PACKAGE.joinpath("templates"))),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(link=render.link, path_part=render.path_part, highlight=render.highlight,
                       place=render.place,
                       cells=render.cells, version=__version__)
    env.filters["num"] = lambda v: f"{v:,}" if isinstance(v, int) else ("" if v is None else v)
    return Jinja2Templates(env=env)


TEMPLATES = _templates()


def get_session(request: Request) -> Iterator[Session]:
    """A read-only session per request (the engine refuses writes)."""
    with request.app.state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def page(request: Request, name: str, context: dict[str, Any], status: int = 200
         ) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def check_token(request: Request, given: str | None) -> None:
    """Refuse a write unless a review token is configured and `given` equals it."""
    token = request.app.state.config.review_token
    if not token:
        raise HTTPException(403, "reviews are disabled: the server has no review token "
                                 "(set AIDLEDGER_REVIEW_TOKEN and restart)")
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid review token is required",
                            headers={"WWW-Authenticate": "Bearer"})


def writable_sessions(request: Request) -> sessionmaker[Session]:
    """The one writer (reviews), opened on first use only, after the token check."""
    state = request.app.state
    if getattr(state, "write_sessions", None) is None:
        _, state.write_sessions = open_store(state.config.db_url, migrate=False)
    return state.write_sessions  # type: ignore[no-any-return]


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
    return page(request, "error.html", {"status": exc.status_code, "message": exc.detail},
                exc.status_code)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": jsonable_errors(exc)}, 422)
    problems = [f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
    return page(request, "error.html", {"status": 400, "message": "; ".join(problems)}, 400)


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]


class DropBlankParams:
    """A search form submits every field, empty ones too; the pages redirect (302) to the same
    URL without them, so the address to paste is short and `min_sources=` is not an error."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and \
                not scope["path"].startswith("/api"):
            pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                              keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) < len(pairs):
                target = quote(scope.get("root_path", "") + scope["path"]) + (
                    f"?{urlencode(kept)}" if kept else "")
                await RedirectResponse(target, status_code=302)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class Concurrency:
    """At most IN_FLIGHT requests inside the app at once; the others wait here, on the event
    loop, holding no thread and no connection. So a burst of a thousand requests is answered,
    in turn, with a bounded number of threads, connections and rows in memory."""

    def __init__(self, app: Any, limit: int = IN_FLIGHT) -> None:
        self.app = app
        self.limit = limit
        self._gates: weakref.WeakKeyDictionary[Any, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary())  # one per event loop (a test client may make several)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        gate = self._gates.get(loop)
        if gate is None:
            gate = self._gates[loop] = asyncio.Semaphore(self.limit)
        async with gate:
            await self.app(scope, receive, send)


def create_app(config: WebConfig) -> FastAPI:
    """The app over the store at `config.db_url` (opened read-only; raises StoreError)."""
    from aidledger.web import api, ops, pages

    engine = readonly_engine(config.db_url)
    app = FastAPI(title="aidledger", version=__version__, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None,
                  description="Read-only ledger of relief donations with their evidence. "
                              "Lists take the same filters as the search page; pages of at "
                              "most 200 (offset, limit). Writes: POST /api/review only, with "
                              "the server's review token.")
    app.state.config = config
    app.state.engine = engine
    app.state.sessions = sessionmaker(engine, expire_on_commit=False)
    app.state.write_sessions = None
    app.state.facet_cache = {}
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.mount("/static", StaticFiles(directory=str(PACKAGE.joinpath("static"))), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(ops.router)
    app.add_middleware(DropBlankParams)
    app.add_middleware(SecurityHeaders)  # type: ignore[arg-type]
    app.add_middleware(Concurrency)  # outermost: a waiting request has nothing yet
    return app
