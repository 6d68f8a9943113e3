"""The ``ipanalysis`` command: argparse subcommands handing their options to their modules, the same
exit codes as the modules', and ``--version`` from the installed metadata."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import ipanalysis
from ipanalysis.cli import main


def test_version_is_the_installed_metadata(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"ipanalysis {version('ipanalysis')}\n"
    assert ipanalysis.__version__ == version("ipanalysis")


def test_version_from_the_console_script():
    script = Path(sys.executable).with_name("ipanalysis")
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stdout) == (0, f"ipanalysis {version('ipanalysis')}\n")


def test_the_subcommands_are_argparse_subparsers(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "{report,check,extract}" not in out and all(f"    {c} " in out for c in ("report", "check", "extract", "wanted"))
    assert main(["atlantis"]) == 2
    assert "invalid choice: 'atlantis' (choose from 'report', 'check', 'extract', 'wanted')" in capsys.readouterr().err
    assert main([]) == 2                                   # no command: the help, and a usage error


def test_check_keeps_its_options_and_exit_codes(capsys):
    assert main(["check", "--quiet"]) == 0 and capsys.readouterr().out == ""
    assert main(["check", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_report_gets_every_option_and_its_exit_codes(capsys):
    assert main(["report", "--list", "--only", "compare"]) == 0
    assert capsys.readouterr().out == "compare\nzh/compare\n"
    assert main(["report", "--only", "no-such-report"]) == 2     # report's own "bad configuration"
    assert "unknown report 'no-such-report'" in capsys.readouterr().err
    assert main(["report", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: ipanalysis report")


def test_extract_gets_every_option_and_its_exit_codes(tmp_path, capsys):
    doc = tmp_path / "plan.txt"
    doc.write_text("到2025年,专利授权量达到500件。", encoding="utf-8")
    assert main(["extract", str(doc), "--doc-id", "x_2025", "--out", str(tmp_path / "c.csv")]) == 0
    assert "x_2025" in (tmp_path / "c.csv").read_text(encoding="utf-8")
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    assert main(["extract"]) == 2
    assert "required: file" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["report", "-h"], ["extract", "--help"]])
def test_a_subcommand_help_is_its_modules(argv, capsys):
    assert main(argv) == 0
    assert capsys.readouterr().out.startswith(f"usage: ipanalysis {argv[0]}")
