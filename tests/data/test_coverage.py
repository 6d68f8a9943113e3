"""Nothing quantified is silently left out of targets/baselines/exclusions."""


from ipanalysis.data.coverage import target_sentences, uncovered
from ipanalysis.data import read_table


def test_every_number_in_target_sentences_is_accounted_for():
    u = uncovered()
    assert u.empty, "\n" + u.to_string()


def test_scanner_finds_target_sentences_in_every_document():
    for d in ("guiyang_2022", "cangshan_2013", "nanchang_2021", "national_2015", "ordos_2022"):
        assert len(target_sentences(d)) >= 2, d


def test_removing_a_target_is_detected(data_copy):
    path = data_copy / "targets.csv"
    df = read_table(path)
    df = df[~df["target_id"].isin(["NC-03"])]
    df.to_csv(path, index=False)
    u = uncovered("nanchang_2021")
    assert "100" in u["number"].tolist()
    assert u["sentence"].str.contains("马德里国际注册商标拥有量达100件").any()


def test_removing_an_exclusion_is_detected(data_copy):
    path = data_copy / "target_exclusions.csv"
    df = read_table(path)
    df = df[df["quote"] != "截至2020年底"]
    df.to_csv(path, index=False)
    u = uncovered("ordos_2022")
    assert not u.empty and "2020" in u["number"].tolist()
