"""Reading the input document (:mod:`ipanalysis.extractor.source_file`)."""

import pytest

from ipanalysis.extractor import DocumentError, read_document


def test_read_document_errors(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "x.txt")
    p = tmp_path / "x.txt"
    p.write_bytes("达到15万件".encode("utf-8"))
    with pytest.raises(DocumentError, match="unknown encoding"):
        read_document(p, "no-such-codec")
    assert read_document(p) == ("达到15万件", "utf-8")
