"""The words of each audit case: for a finding's ``note`` (a code of :mod:`ipanalysis.analysis.audit`) a function
that words its ``stated``, ``recomputed`` and ``explanation`` cells from its ``args``, in English or Chinese, with
the same figures in both; :mod:`~ipanalysis.present.auditwords` applies them to a page's frame.

>>> w = W("zh")
>>> WORDERS["tasks_split"](w, {"nf": 4, "nb": 5, "total": 9, "sum": 9, "ok": True}, "consistent")
('9项任务中前4项 + 后5项', '4 + 5 = 9', '前4项与后5项任务之和等于文中所述的9项。')
"""

from __future__ import annotations

from typing import Callable

from .vocabulary import check_lang, label

__all__ = ["W", "WORDERS"]

_SYMBOL = {"=": ("=", "="), ">=": ("≥", "≥"), ">": (">", ">"), "<=": ("≤", "≤"), "<": ("<", "<"), "≈": ("≈", "≈"),
           "range": ("range", "区间"), "qualitative": ("qualitative", "定性")}



class W:
    """The language of one page: ``w(en, zh)`` picks the page's words."""

    def __init__(self, lang: str):
        self.zh = check_lang(lang) == "zh"
        self.lang = lang

    def __call__(self, en: str, zh: str) -> str:
        return zh if self.zh else en

    def sym(self, c) -> str:
        return _SYMBOL.get(c, (str(c), str(c)))[self.zh]

    def join(self, parts: list[str]) -> str:
        return ("；" if self.zh else "; ").join(parts)


def _statement(w: W, s: dict) -> str:
    if w.zh:
        return f"{'表中：' if s['table'] else ''}{s['text']}（{w.sym(s['comparator'])}，{s['year']}年）[{s['id']}]"
    return f"{'table: ' if s['table'] else ''}{s['text']} ({w.sym(s['comparator'])}, {s['year']}) [{s['id']}]"


def _cagr_no_base(w, a, status):
    return (w(f"{a['gt']} ({a['y0']}→{a['y1']})", f"{a['gt']}（{a['y0']}→{a['y1']}年）"),
            w(f"no {a['y0']} value stated", f"文件未载明{a['y0']}年数值"),
            w(f"The document states an average growth rate but not the {a['y0']} value it starts from, so the rate "
              "cannot be recomputed.", f"文件给出了年均增速，但未载明起算年份（{a['y0']}年）的数值，无法复核。"))


def _cagr(w, a, status):
    rec = f"({a['e']}/{a['s']})^(1/{a['n']}) − 1 = {a['g']}%"
    if a["rounded"]:
        rec += w(f" (inputs rounded: {a['lo']}–{a['hi']}%)", f"（计入原值的舍入误差：{a['lo']}%–{a['hi']}%）")
    expl = {"consistent": w(f"Recomputed from the document's own {a['y0']} and {a['y1']} figures the rate is {a['g']}%, "
                            f"which rounds to the stated {a['sv']}.",
                            f"按文件自身{a['y0']}年和{a['y1']}年数据复核，年均增速为{a['g']}%，舍入后与文件所述{a['sv']}一致。"),
            "needs_review": w(f"The recomputed {a['g']}% is one rounding step off the stated {a['sv']} (truncation, or a "
                              "slightly different base figure).",
                              f"复核所得{a['g']}%与文件所述{a['sv']}相差一个舍入单位（可能为截尾取值，或基数略有出入），需核实。"),
            "inconsistent": w(f"The recomputed {a['g']}% does not round to the stated {a['sv']}: one of the three figures "
                              "is wrong.", f"复核所得{a['g']}%舍入后与文件所述{a['sv']}不符：三个数据中必有一个有误。")}[status]
    return (w(f"{a['gt']}, {a['s']} ({a['y0']}) → {a['e']} ({a['y1']})",
              f"{a['gt']}，{a['y0']}年{a['s']} → {a['y1']}年{a['e']}"), rec, expl)


def _times_stated(w, a) -> str:
    if not a.get("v"):
        return a["gt"]
    return w(f"{a['v']} in {a['year']}, {a['gt']}", f"{a['year']}年{a['v']}，{a['gt']}")


def _times(w, a, status):
    n = a["N"]
    expl = {"consistent": w(f"'增长了{n}倍' read strictly (+{n}×100%) matches the two stated values.",
                            f"“增长了{n}倍”按严格含义（增加{n}×100%）理解，与文件所述两个数值相符。"),
            "needs_review": w(f"The two values match only the loose reading of '增长了{n}倍' ({n} times as much, not {n} "
                              "times more).", f"两个数值只与“增长了{n}倍”的宽松理解相符（为原来的{n}倍，而非增加{n}倍）。"),
            "inconsistent": w(f"Neither reading of '增长了{n}倍' matches the two stated values.",
                              f"“增长了{n}倍”无论按严格还是宽松含义理解，均与文件所述两个数值不符。")}[status]
    return (_times_stated(w, a), w(f"{a['v']}/{a['b']} = {a['m']}× (an increase of {a['m1']}×)",
                                   f"{a['v']}/{a['b']} = {a['m']}倍（增加{a['m1']}倍）"), expl)


def _times_relative(w, a, status):
    return (a["gt"], w("no absolute figure", "无绝对数值"),
            w("Only a relative figure is stated, so it cannot be checked.", "文件只给出相对数，无法核对。"))


def _times_no_base(w, a, status):
    n, y0 = a["N"], a["y0"]
    rec = w(f"{y0} implied: {a['v']}/{a['fv1']} = {a['strict']} (strict: +{n}×100%) or {a['v']}/{a['fN']} = "
            f"{a['loose']} (loose: {n}×)", f"推算{y0}年：{a['v']}/{a['fv1']} = {a['strict']}（严格含义：增加{n}×100%）"
            f"或{a['v']}/{a['fN']} = {a['loose']}（宽松含义：为{n}倍）")
    notes = ([w(f"the strict reading gives a non-integer count ({a['strict']})", f"按严格含义推算的数量不是整数（{a['strict']}）")]
             if a["fractional"] else []) + ([w(f"the loose reading gives a whole {a['whole']}",
                                               f"按宽松含义推算恰为整数{a['whole']}")] if a["is_whole"] else [])
    if w.zh:
        expl = (f"“增长了{n}倍”严格含义为{a['year']}年是{y0}年的{a['N1']}倍，但常被宽松地用作{n}倍；文件未载明{y0}年数值"
                + ("，且" + "，而".join(notes) if notes else "") + "，两种理解均无法确认。")
    else:
        expl = (f"'增长了{n}倍' strictly means {a['year']} = {a['N1']}× {y0} but is often used loosely for {n}×; the {y0} "
                "figure is not stated" + (f", and {' while '.join(notes)}" if notes else "") + ", so neither reading can "
                "be confirmed.")
    return _times_stated(w, a), rec, expl


def _multiple_stated(w, a) -> str:
    return w(f"{a['year']} = {a['ratio']} ({a['y0']})", f"{a['year']}年 = {a['ratio']}（{a['y0']}年）")


def _multiple_missing(w, a, status):
    both = a["missing"] == "both"
    missing = w("no absolute figure for either year" if both else f"no {a['missing']} figure",
                "两个年份均无绝对数值" if both else f"无{a['missing']}年数值")
    return (_multiple_stated(w, a), w(f"cannot recompute: {missing}", f"无法复核：{missing}"),
            w(f"The document gives only the ratio ({a['gt']}) with {missing}, so the claim cannot be checked against "
              "its own numbers.", f"文件只给出倍数（{a['gt']}），{missing}，无法用文件自身数据核对。"))


def _multiple(w, a, status):
    ok = status == "consistent"
    return (_multiple_stated(w, a), w(f"{a['v']}/{a['b']} = {a['m']}×", f"{a['v']}/{a['b']} = {a['m']}倍"),
            w(f"The stated multiple ({a['gt']}) {'matches' if ok else 'does not match'} the ratio of the two stated "
              f"values ({a['m']}).", f"文件所述倍数（{a['gt']}）与两个数值之比（{a['m']}）{'相符' if ok else '不符'}。"))


def _table_increase(w, a, status):
    rec = f"({a['target']}/{a['base']} − 1)·100 = {a['pct']}%"
    if a["hb"]:
        rec += w(f" (base {a['base']} ± {a['hb']}: {a['lo']}–{a['hi']}%)", f"（基期值{a['base']}±{a['hb']}：{a['lo']}%–{a['hi']}%）")
    p, u = a["pct_txt"], a["unit"]
    expl = {"consistent": w(f"The {a['y0']}→{a['y1']} increase recomputed from the row's own base and target rounds to "
                            f"the stated {p}%.", f"按该行基期值和目标值复核{a['y0']}—{a['y1']}年增幅，舍入后与所列{p}%一致。"),
            "needs_review": w(f"The recomputed increase ({a['pct']}%) is one rounding step off the stated {p}%.",
                              f"复核增幅（{a['pct']}%）与所列{p}%相差一个舍入单位，需核实。"),
            "inconsistent": w(f"The recomputed increase ({a['pct']}%) does not round to the stated {p}%: the base, target "
                              "or 增幅 cell is wrong.", f"复核增幅（{a['pct']}%）舍入后与所列{p}%不符：基期值、目标值或增幅一栏有误。")
            }[status]
    return (w(f"增幅{p}% ({a['base']}{u} → {a['target']}{u}, {a['y0']}→{a['y1']})",
              f"增幅{p}%（{a['y0']}年{a['base']}{u} → {a['y1']}年{a['target']}{u}）"), rec, expl)


def _problem(w, code: str, p: dict) -> str:
    if code == "differ":
        return w("the two statements differ", "两处表述不同")
    if code == "values":
        return w(f"the values differ ({p['a']} vs {p['o']})", f"数值不同（{p['a']}与{p['o']}）")
    if code == "base_values":
        return w("the base values differ", "基期值不同")
    if code == "unit_measure":
        return w(f"unit/measure differ ({p['au']}/{label(p['am'])} vs {p['ou']}/{label(p['om'])})",
                 f"单位或类型不同（{p['au']}/{label(p['am'], 'zh')}与{p['ou']}/{label(p['om'], 'zh')}）")
    if code == "years":
        return w(f"the same value is dated {p['ay']} here and {p['oy']} in {p['o']}: no contradiction for a level that can "
                 f"be held, but the deadline matters for attainment (read: reach by {p['y0']}, hold to {p['y1']})",
                 f"同一数值此处为{p['ay']}年、{p['o']}为{p['oy']}年：对可以保持的水平值并不矛盾，但完成时限影响达标评估"
                 f"（理解为{p['y0']}年达到、保持至{p['y1']}年）")
    if code == "comparators":
        return w(f"the comparators differ ({w.sym(p['a'])} vs {w.sym(p['o'])})",
                 f"比较方式不同（{w.sym(p['a'])}与{w.sym(p['o'])}）")
    if code == "bound":
        return w(f"the table gives a point forecast and the text adds {'a strict' if p['strict'] else 'a'} lower bound "
                 f"({p['text']}); same number, read as the same target",
                 f"表中为预测值，正文另加{'严格' if p['strict'] else ''}下限（{p['text']}）；数值相同，视为同一目标")
    if code == "commitment":
        return w(f"commitment differs ({label(p['a'])} vs {label(p['o'])})",
                 f"表述力度不同（{label(p['a'], 'zh')}与{label(p['o'], 'zh')}）")
    return w(f"worded {p['a']} vs {p['o']}", f"指标表述不同（{p['a']}与{p['o']}）")   # worded


def _restatement(w, a, status):
    s, o = a["a"], a["o"]
    problems = [_problem(w, c, p) for c, p in a["problems"]]
    notes = [_problem(w, c, p) for c, p in a["notes"]]
    bound = any(c == "bound" for c, _ in a["notes"])
    if problems:
        expl = w(f"{s['id']} restates {o['id']}, but " + "; ".join(problems) + ".",
                 f"{s['id']}重复表述{o['id']}，但" + "；".join(problems) + "。")
    else:
        expl = w(f"{s['id']} restates {o['id']} with the same value" + (" and year" if bound else ", comparator and year")
                 + ("; " + "; ".join(notes) if notes else "") + ".",
                 f"{s['id']}重复表述{o['id']}，数值" + ("和年份" if bound else "、比较方式和年份") + "相同"
                 + ("；" + "；".join(notes) if notes else "") + "。")
    return _statement(w, s), w(f"first stated as {_statement(w, o)}", f"首次表述为{_statement(w, o)}"), expl


def _table_text(case: str) -> Callable:
    def word(w, a, status):
        period = (w(f"{a['from']}–{a['to']} total", f"{a['from']}—{a['to']}年累计") if a["from"]
                  else w(f"{a['to']}", f"{a['to']}年"))
        rec = w(f"text {a['xname']} {a['xv']} ({period})", f"正文{a['xname']}{a['xv']}（{period}）")
        if not a["same"]:
            rec += w(f"; ratio {a['ratio']}", f"；比值{a['ratio']}")
        tx = (a["tname"], a["tn"]), (a["xname"], a["xn"])
        (part, pn), (whole, wn) = (tx[1], tx[0]) if a["part_is_text"] else tx
        renamed = a["tname"] != a["xname"]
        expl = {
            "equal": w("The table's base value equals the figure stated in the text"
                       + (f" (the table says {a['tname']}, the text {a['xname']})." if renamed else "."),
                       "表中基期值与正文所述数值相同" + (f"（表中称“{a['tname']}”，正文称“{a['xname']}”）" if renamed else "") + "。"),
            "renamed": w(f"Same concept and year but different figures ({a['tn']} vs {a['xn']}, {a['ratio']}×) under "
                         f"different names ({a['tname']} / {a['xname']}): likely inconsistent unless the table's figure "
                         "has a wider scope.", f"同一概念、同一年份，但名称不同（{a['tname']}／{a['xname']}），数值也不同"
                         f"（{a['tn']}与{a['xn']}，相差{a['ratio']}倍）：除非表中数据口径更宽，否则可能前后不一致。"),
            "differ": w(f"The table and the text give different {a['year']} values for the same indicator.",
                        f"表中与正文对同一指标{a['year']}年的数值不一致。"),
            "part_larger": w(f"{part} ({pn}) is part of {whole} ({wn}) but larger.", f"{part}（{pn}）是{whole}（{wn}）的一部分，却大于后者。"),
            "part_below": w(f"Related figures with different scope ({whole} includes {part}): the part ({pn}) is below the "
                            f"whole ({wn}) as it should be, but the document never reconciles the two counts.",
                            f"两项数据口径不同（{whole}包含{part}）：部分（{pn}）小于总体（{wn}），合乎情理，但文件未对两个数据加以衔接。"),
            "periods": w(f"Related figures with different scope ({whole} includes {part}) and different periods "
                         f"({a['year']} vs {period}): they need not match, yet the table's {a['year']} figure alone is "
                         f"{a['ratio1']}× the text's; worth checking.",
                         f"两项数据口径不同（{whole}包含{part}），时期也不同（{a['year']}年与{period}）：二者不必相等，"
                         f"但表中{a['year']}年一年的数值已是正文数值的{a['ratio1']}倍，值得核实。"),
        }[case]
        return w(f"table {a['tname']} {a['tv']} ({a['year']})", f"表中{a['tname']}{a['tv']}（{a['year']}年）"), rec, expl
    return word


def _increment(w, a, status):
    units = (w(f" and the units differ ({a['units'][0]} vs {a['units'][1]})", f"，且单位不同（{a['units'][0]}与{a['units'][1]}）")
             if a["units"] else "")
    rec = w(f"{a['lv']} − {a['iv']} = {a['start']} at the start of the plan", f"{a['lv']} − {a['iv']} = {a['start']}（规划期初）")
    if "ky" in a:
        rec += w(f"; stated {a['ky']} level {a['kv']} + {a['iv']} = {a['total']}",
                 f"；文件所述{a['ky']}年水平{a['kv']} + {a['iv']} = {a['total']}")
        expl = w(f"The stated {a['ky']} level plus the increase {'equals' if a['ok'] else 'does not equal'} the level "
                 f"target ({a['level']}){units}.",
                 f"文件所述{a['ky']}年水平加上新增量{'等于' if a['ok'] else '不等于'}水平目标（{a['level']}）{units}。")
    else:
        expl = w(f"Together the increase ({a['inc']}) and the level ({a['level']}) imply a start level of {a['start']}; the "
                 f"document does not state it{units}, so the pair cannot be checked.",
                 f"新增目标（{a['inc']}）与水平目标（{a['level']}）合起来意味着期初水平为{a['start']}；文件未载明期初水平"
                 f"{units}，无法核对这两项目标。")
    return w(f"{a['inc']} by {a['year']} [{a['id']}]", f"{a['inc']}（{a['year']}年）[{a['id']}]"), rec, expl


def _twice(case: str) -> Callable:
    def word(w, a, status):
        expl = {"scopes": w(f"Different scopes ({a['oscope']} / {a['ascope']}), so different values are expected.",
                            "两项目标的适用范围不同，数值不同属正常。"),
                "compatible": w(f"{a['aid']} and {a['oid']} state the same indicator for {a['year']} in different words "
                                f"({a['aname']} / {a['oname']}); the two requirements are compatible.",
                                f"{a['aid']}与{a['oid']}以不同表述（{a['aname']}／{a['oname']}）规定了同一指标{a['year']}年的"
                                "目标，两项要求并不矛盾。"),
                "incompatible": w(f"{a['aid']} and {a['oid']} give incompatible {a['year']} values for the same indicator "
                                  "and are not marked as restatements: different scope, or an error.",
                                  f"{a['aid']}与{a['oid']}对同一指标{a['year']}年给出的数值互不相容，又未标为重复表述："
                                  "或口径不同，或有误。")}[case]
        return (w(f"{a['a']} ({w.sym(a['ac'])}) [{a['aid']}]", f"{a['a']}（{w.sym(a['ac'])}）[{a['aid']}]"),
                w(f"also stated as {a['o']} ({w.sym(a['oc'])}) [{a['oid']}]", f"另一处表述为{a['o']}（{w.sym(a['oc'])}）[{a['oid']}]"),
                expl)
    return word


def _magnitude(w, a, status):
    odd = status == "needs_review"
    if w.zh:
        expl = (f"同一文件中，{a['name']}（{a['text']}）仅为{a['ref_name']}（{a['ref_text']}）的{a['factor0']}分之一"
                + ("：同一地区出现如此悬殊的数值不合常理（笔误，还是统计范围较窄？）。" if odd else
                   f"，在{a['band']}倍的合理范围之内。"))
    else:
        expl = (f"{a['name']} ({a['text']}) is {a['factor0']}× smaller than {a['ref_name']} ({a['ref_text']}) in the same "
                "document" + (": implausibly small for the same jurisdiction (a typo, or a narrow subset?)." if odd else
                              f", within the {a['band']}× plausibility band."))
    return (w(f"{a['text']}{'' if a['per_year'] else ' a year'} [{a['id']}]",
              f"{'' if a['per_year'] else '每年'}{a['text']} [{a['id']}]"),
            w(f"{a['rv']} / {a['v']} = {a['factor']}× ({a['ref_id']} {a['ref_name']})",
              f"{a['rv']} / {a['v']} = {a['factor']}倍（{a['ref_id']} {a['ref_name']}）"), expl)


def _part(case: str) -> Callable:
    def word(w, a, status):
        p, q, pv, wv = a["part"], a["whole"], a["pv"], a["wv"]
        rel = "⊂" if a["strict"] else w("≤ (cohort)", "≤（同批）")
        expl = {"holds": w(f"{p} ({pv}) does not exceed {q} ({wv}).", f"{p}（{pv}）未超过{q}（{wv}）。"),
                "bound": w(f"The bound on {p} ({pv}) exceeds that on {q} ({wv}), so the latter never binds.",
                           f"{p}的下限（{pv}）高于{q}的下限（{wv}），后者形同虚设。"),
                "larger": w(f"{p} ({pv}) is part of {q} ({wv}) but larger.", f"{p}（{pv}）是{q}（{wv}）的一部分，却大于后者。"),
                "cohort": w(f"{p} ({pv}) exceeds {q} ({wv}) in {a['year']}: possible, since they stem from earlier years' "
                            "filings, but unusual; check the figures.",
                            f"{a['year']}年{p}（{pv}）超过{q}（{wv}）：注册量可能来自往年的申请，这种情况虽可能出现，但并不常见，"
                            "需核实数据。")}[case]
        holds = w("holds", "成立") if a["holds"] else w("fails", "不成立")
        return (w(f"{p} {a['text']} ({a['year']})", f"{p}{a['text']}（{a['year']}年）"),
                w(f"{pv} {rel} {q} {wv}: {holds}", f"{pv} {rel} {q} {wv}：{holds}"), expl)
    return word


def _history_rec(w, t: dict, h: dict) -> tuple[str, str]:
    target = (w(f"target {t['g']}/yr", f"目标年均增长{t['g']}") if t["rate"] else
              w(f"implied ({t['v']}/{t['b']})^(1/{t['n']}) − 1 = {t['g']}/yr", f"隐含年均增速({t['v']}/{t['b']})^(1/{t['n']}) − 1 = {t['g']}"))
    if "v0" in h:
        past = w(f"{h['y0']}→{h['y1']} {h['v0']}→{h['v1']}: {h['g']}/yr", f"{h['y0']}—{h['y1']}年{h['v0']}→{h['v1']}：年均{h['g']}")
        if h["stated"]:
            past += w(f", stated {h['stated']}", f"，文件所述{h['stated']}")
    else:
        past = w(f"{h['y0']}→{h['y1']}: {h['text']} = {h['g']}/yr", f"{h['y0']}—{h['y1']}年：{h['text']}，折合年均{h['g']}")
        if h["loose"]:
            past += w(f" (strict reading; loose {h['loose']}/yr)", f"（按严格含义；按宽松含义为年均{h['loose']}）")
    return target, past


def _vs_history(w, a, status):
    t, h = a["target"], a["history"]
    stated = (w(f"{t['text']} a year to {t['year']} [{t['id']}]", f"年均增长{t['text']}，至{t['year']}年 [{t['id']}]")
              if t["rate"] else w(f"{t['text']} by {t['year']} from {t['base']} in {t['base_year']} [{t['id']}]",
                                  f"由{t['base_year']}年的{t['base']}到{t['year']}年达到{t['text']} [{t['id']}]"))
    target, past = _history_rec(w, t, h)
    rec = w(f"{target} vs history {past}; ratio {a['ratio']}", f"{target}，历史增速{past}；比值{a['ratio']}")
    gt, gh, r = a["gt"], a["gh"], a["ratio"]
    if status == "consistent":
        expl = w(f"The target's growth ({gt}/yr) is {r}× the document's own history ({gh}/yr).",
                 f"目标年均增速（{gt}）为文件所述历史增速（{gh}）的{r}倍。")
    else:
        expl = (w(f"The target's {gt}/yr is only {r}× the {gh}/yr the document reports for the past: a sharp deceleration",
                  f"目标年均增速{gt}仅为文件所述以往增速{gh}的{r}倍，增速大幅放缓") if a["slower"] else
                w(f"The target's {gt}/yr is {r}× the {gh}/yr the document reports for the past: an acceleration",
                  f"目标年均增速{gt}为文件所述以往增速{gh}的{r}倍，增速明显加快"))
        why = a["reason"]
        if why:
            where = why["where"] + w(": ", "：") if why["where"] else ""
            expl += w(f", which the plan explains by {why['en']} ({where}「{why['quote']}」).",
                      f"，规划对此有所说明（{where}「{why['quote']}」）。")
        elif a["slower"]:
            expl += w(", plausible from a larger base or simply unambitious; the plan gives no reason.",
                      "；基数变大后增速放缓尚属合理，也可能是目标不够积极，规划未说明原因。")
        else:
            expl += w(", which the plan does not explain.", "，规划未说明原因。")
    if a["jump"]:
        expl += w(" The history is a one-year jump stated with the ambiguous 增长了N倍.",
                  "历史增速来自一年间的增幅，且以含义模糊的“增长了N倍”表述。")
    return stated, rec, expl


def _stock_flow(w, a, status):
    y, by = a["year"], a["base_year"]
    rec = w(f"{a['bv']} + {a['n']} × {a['fv']} ({a['flow']} {by}) = {a['projected']} vs target {a['tv']}; needs {a['need']} "
            f"net a year = {a['ratio']}× the {by} flow",
            f"{a['bv']} + {a['n']} × {a['fv']}（{by}年{a['flow']}）= {a['projected']}，目标值{a['tv']}；每年需净增{a['need']}，"
            f"为{by}年流量的{a['ratio']}倍")
    expl = {"in_line": w(f"The target needs net additions of {a['ratio']}× the {by} flow a year: in line with history.",
                         f"目标要求每年净增量为{by}年流量的{a['ratio']}倍，与以往相符。"),
            "low": w(f"At the {by} pace alone ({a['fv']} a year, no growth) the stock reaches {a['projected']} by {y}, above "
                     f"the {a['tv']} target unless more than {a['lapse']} a year lapse: the target looks unambitious.",
                     f"仅按{by}年的速度（每年{a['fv']}，不再增长），到{y}年存量即达{a['projected']}，高于目标值{a['tv']}，"
                     f"除非每年失效超过{a['lapse']}：目标显得不够积极。"),
            "high": w(f"The target needs net additions of {a['ratio1']}× the {by} flow every year: very ambitious.",
                      f"目标要求每年净增量达{by}年流量的{a['ratio1']}倍：目标非常积极。")}[a["case"]]
    return (w(f"{a['text']} by {y} from {a['bv']} in {by} [{a['id']}]", f"由{by}年的{a['bv']}到{y}年达到{a['text']} [{a['id']}]"),
            rec, expl)


def _tasks_count(w, a, status):
    listed = f"(一)…({a['last']})" if a["n"] else w("none", "无")
    rec = w(f"{a['n']} numbered tasks ({listed}) under {a['heading']}", f"“{a['heading']}”下有{a['n']}项编号任务（{listed}）")
    if not a["sequential"]:
        rec += w(" (numbering not sequential)", "（编号不连续）")
    return (w(f"{a['stated']} (stated {a['times']}×)", f"{a['stated']}（文中出现{a['times']}次）"), rec,
            w("The number of tasks the text announces equals the numbered task headings.", "文中所述任务数与编号任务标题数一致。")
            if status == "consistent" else
            w("The announced number of tasks differs from the numbered task headings.", "文中所述任务数与编号任务标题数不一致。"))


def _tasks_split(w, a, status):
    ok = a["ok"]
    return (w(f"前{a['nf']}项 + 后{a['nb']}项 of {a['total']}项任务", f"{a['total']}项任务中前{a['nf']}项 + 后{a['nb']}项"),
            f"{a['nf']} + {a['nb']} = {a['sum']}",
            w(f"The first {a['nf']} and last {a['nb']} tasks {'add up to' if ok else 'do not add up to'} the {a['total']} "
              "tasks announced.", f"前{a['nf']}项与后{a['nb']}项任务之和{'等于' if ok else '不等于'}文中所述的{a['total']}项。"))


def _k_plus_n(w, a, status):
    k, ok = a["k"], a["ok"]
    return (w(f"“{k}+n” system: {k} named institutions plus n", f"“{k}+n”体系：{k}类具名机构加n"),
            w(f"{a['named']} named items listed (+ {a['n_items']} “n” item)", f"列出{a['named']}类具名机构（另有{a['n_items']}项“n”）"),
            w(f"The list in parentheses names {a['named']} institution types, {'matching' if ok else 'not matching'} the "
              f"{k} in “{k}+n”.", f"括号中列出{a['named']}类机构，与“{k}+n”中的{k}{'相符' if ok else '不符'}。"))


#: A finding's ``note`` → the function that words its (stated, recomputed, explanation) cells.
WORDERS: dict[str, Callable] = {
    "cagr_no_base": _cagr_no_base, "cagr": _cagr, "times": _times, "times_relative": _times_relative,
    "times_no_base": _times_no_base, "multiple_missing": _multiple_missing, "multiple": _multiple,
    "table_increase": _table_increase, "restatement": _restatement, "increment": _increment,
    "magnitude": _magnitude, "vs_history": _vs_history, "stock_flow": _stock_flow, "tasks_count": _tasks_count,
    "tasks_split": _tasks_split, "k_plus_n": _k_plus_n,
    **{f"table_text_{c}": _table_text(c) for c in ("equal", "renamed", "differ", "part_larger", "part_below", "periods")},
    **{f"twice_{c}": _twice(c) for c in ("scopes", "compatible", "incompatible")},
    **{f"part_{c}": _part(c) for c in ("holds", "bound", "larger", "cohort")},
}
