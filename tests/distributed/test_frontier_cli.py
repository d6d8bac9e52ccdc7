"""The frontier commands without a reachable Redis: one clear line and exit 2, no traceback."""

from __future__ import annotations

from click.testing import CliRunner

from aidledger.cli.main import cli


def test_an_unreachable_redis_is_one_clear_error(tmp_path):
    env = {"AIDLEDGER_REDIS_URL": "redis://127.0.0.1:1/0", "AIDLEDGER_SOURCES": "",
           "AIDLEDGER_DB_URL": f"sqlite:///{tmp_path / 's.sqlite'}"}
    for args in (["enqueue", "--url", "https://aid.example/"], ["worker", "--status"],
                 ["crawl", "--url", "https://aid.example/"]):
        result = CliRunner().invoke(cli, args, env=env)
        assert result.exit_code == 2, (args, result.output)
        assert "cannot reach Redis at redis://127.0.0.1:1/0" in result.output
        assert "--local" in result.output and "Traceback" not in result.output


def test_without_redis_the_frontier_commands_say_what_to_set(tmp_path):
    env = {"AIDLEDGER_REDIS_URL": "", "AIDLEDGER_SOURCES": ""}
    result = CliRunner().invoke(cli, ["enqueue", "--url", "https://aid.example/"], env=env)
    assert result.exit_code == 2 and "set AIDLEDGER_REDIS_URL" in result.output
