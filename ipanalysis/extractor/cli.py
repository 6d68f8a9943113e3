"""``ipanalysis extract FILE …``: candidate targets (and baselines) of a plain-text document as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .history import baselines_of
from .candidates_csv import csv_text, write_csvs
from .source_file import DocumentError, read_document
from .pipeline import analyse, targets_of


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ipanalysis extract",
        description="Propose candidate target rows (targets.csv vocabulary) from a plain-text policy document.")
    parser.add_argument("file", help="the document as plain text (UTF-8, UTF-8 with BOM, GBK/GB18030)")
    parser.add_argument("--doc-id", help="doc_id for the rows (default: the file name without extension)")
    parser.add_argument("--out", help="CSV of candidate targets (default: standard output)")
    parser.add_argument("--baselines-out", help="CSV of historical values found (baseline candidates)")
    parser.add_argument("--encoding", help="text encoding of FILE (default: UTF-8, then GB18030)")
    parser.add_argument("--target-year", type=int, help="default target year when the text does not state one")
    parser.add_argument("--min-confidence", type=float, default=0.0, help="drop candidates below this confidence (0-1)")
    return parser


def cli_main(argv: list[str]) -> int:
    """``ipanalysis extract FILE [--doc-id ID] [--out CSV] [--baselines-out CSV] [--encoding ENC] [--target-year YYYY]``.

    Writes the candidate targets (UTF-8 CSV, to ``--out`` atomically, else to stdout) and prints a
    one-line summary; returns 0, or 1 with a message on stderr when the input cannot be read
    or an output cannot be written (an existing output file is then left as it was).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = os.path.join(d, "plan.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("到2025年,专利授权量达到500件。")
    >>> cli_main([p, "--out", os.path.join(d, "c.csv")])  # doctest: +ELLIPSIS
    1 candidate targets, 0 baseline candidates → .../c.csv
    0
    >>> cli_main([os.path.join(d, "nope.txt")])
    1
    """
    args = _parser().parse_args(argv)
    prog = "ipanalysis extract"
    try:
        text, _ = read_document(args.file, args.encoding)
    except DocumentError as err:
        print(f"{prog}: error: {err}", file=sys.stderr)
        return 1
    everything = analyse(text, args.doc_id or Path(args.file).stem, args.target_year)
    targets = targets_of(everything, args.min_confidence)
    base = baselines_of(everything, text)
    outputs = [(df, Path(dest)) for df, dest in ((targets, args.out), (base, args.baselines_out)) if dest]
    try:
        write_csvs(outputs)
    except (OSError, ValueError) as err:
        print(f"{prog}: error: cannot write output: {err}", file=sys.stderr)
        return 1
    if not args.out:
        sys.stdout.write(csv_text(targets))
    msg = f"{len(targets)} candidate targets, {len(base)} baseline candidates → {args.out or 'stdout'}"
    if args.baselines_out:
        msg += f" (baselines → {args.baselines_out})"
    print(msg, file=sys.stdout if args.out else sys.stderr)
    return 0
