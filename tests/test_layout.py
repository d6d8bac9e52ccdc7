"""The package layout: top-level folders live under the aidledger namespace, nowhere else."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
BARE = ("storage", "spiders", "parsers", "aggregator", "cli", "web", "demo")


def test_every_python_folder_under_a_mapped_root_is_a_listed_package():
    listed = set(CONFIG["packages"])
    for package, folder in CONFIG["package-dir"].items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            name = ".".join([package, *rel.parts]) if rel.parts else package
            assert name in listed, f"{init} is not in [tool.setuptools] packages"


def test_importing_the_cli_loads_no_bare_top_level_names():
    code = ("import sys, aidledger.cli.main; "
            f"print([m for m in {BARE!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_vocabulary_files_ship_with_the_package():
    from importlib import resources

    vocab = resources.files("aidledger.parsers").joinpath("vocab")
    assert {p.name for p in vocab.iterdir()} >= {"items.toml", "statuses.toml", "places.toml"}


def test_web_templates_and_styles_ship_with_the_package():
    from importlib import resources

    web = resources.files("aidledger.web")
    assert {p.name for p in web.joinpath("templates").iterdir()} >= {"base.html", "search.html",
                                                                    "donation.html"}
    assert web.joinpath("static", "style.css").is_file()
