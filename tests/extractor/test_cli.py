"""The ``ipanalysis extract`` command (:mod:`ipanalysis.extractor.cli`, :mod:`ipanalysis.extractor.candidates_csv`)."""

import subprocess
import sys

import pandas as pd
import pytest

from ipanalysis.extractor import cli_main


PLAN = "到2025年,全市有效注册商标达到15万件,知识产权质押融资金额达到70亿元。\n“十三五”时期,全市驰名商标达到8件。\n"


def _cli(args, capsys):
    code = cli_main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("encoding, prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b"")])
def test_cli_encodings_give_the_same_candidates(tmp_path, capsys, encoding, prefix):
    src = tmp_path / "plan.txt"
    src.write_bytes(prefix + PLAN.encode(encoding))
    out = tmp_path / "c.csv"
    code, stdout, err = _cli([src, "--out", out, "--doc-id", "x"], capsys)
    assert code == 0, err
    assert "2 candidate targets" in stdout and "→" in stdout
    df = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8")
    assert df["value"].tolist() == ["150000", "7000000000"]  # plain decimals, no 7e9
    assert df["doc_id"].tolist() == ["x", "x"]
    assert out.read_bytes()[:3] != b"\xef\xbb\xbf"
    assert all(q in PLAN for q in df["source_quote"])


def test_cli_encoding_override_and_baselines_out(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_bytes(("某市知识产权“十四五”规划\n" + PLAN).encode("gb18030"))
    code, stdout, err = _cli([src, "--encoding", "gb18030", "--out", tmp_path / "t.csv",
                              "--baselines-out", tmp_path / "b.csv"], capsys)
    assert code == 0, err
    assert "2 candidate targets, 1 baseline candidates" in stdout
    assert pd.read_csv(tmp_path / "b.csv")["value"].tolist() == [8]
    # the wrong encoding is a clear error
    code, _, err = _cli([src, "--encoding", "utf-8"], capsys)
    assert code != 0 and "cannot decode as utf-8" in err and str(src) in err


def test_cli_to_stdout(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    code, out, err = _cli([src], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("candidate_id,doc_id,indicator_zh")
    assert "2 candidate targets" in err


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty file"),
    (b"\xef\xbb\xbf \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
    (b"\xff\xfe\xfd\xfc abc \xff", "cannot decode"),
])
def test_cli_bad_input(tmp_path, capsys, content, message):
    src = tmp_path / "in.txt"
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "c.csv"
    out.write_text("old,content\n", encoding="utf-8")
    code, _, err = _cli([src, "--out", out], capsys)
    assert code != 0
    assert message in err and str(src) in err
    assert out.read_text(encoding="utf-8") == "old,content\n"  # untouched


def test_cli_directory_and_missing_output_folder(tmp_path, capsys):
    code, _, err = _cli([tmp_path], capsys)
    assert code != 0 and "is a directory" in err
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    code, _, err = _cli([src, "--out", tmp_path / "nope" / "c.csv"], capsys)
    assert code != 0 and "no such directory" in err


def test_cli_no_targets_is_not_an_error(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_text("本方案自印发之日起施行。\n", encoding="utf-8")
    out = tmp_path / "c.csv"
    code, stdout, _ = _cli([src, "--out", out], capsys)
    assert code == 0 and "0 candidate targets" in stdout
    assert pd.read_csv(out).empty and list(pd.read_csv(out).columns)[:3] == ["candidate_id", "doc_id", "indicator_zh"]


def test_cli_failure_while_writing_leaves_the_old_file(tmp_path, capsys, monkeypatch):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "c.csv"
    out.write_text("old,content\n", encoding="utf-8")
    real = pd.DataFrame.to_csv

    def half_then_fail(self, buf=None, *a, **kw):
        if hasattr(buf, "write"):
            buf.write("candidate_id,doc_id\nC001,")  # half a file ...
            raise OSError(28, "No space left on device")  # ... then the disk fills up
        return real(self, buf, *a, **kw)

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    code, _, err = _cli([src, "--out", out], capsys)
    assert code != 0 and "cannot write output" in err
    assert out.read_text(encoding="utf-8") == "old,content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "plan.txt"]  # no temp file left


def test_cli_in_a_subprocess(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_bytes(PLAN.encode("gbk"))
    out = tmp_path / "c.csv"
    code = "import sys; from ipanalysis.extractor import cli_main; sys.exit(cli_main(sys.argv[1:]))"
    r = subprocess.run([sys.executable, "-c", code, str(src), "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "2 candidate targets" in r.stdout
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "missing.txt")], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "no such file" in r.stderr
