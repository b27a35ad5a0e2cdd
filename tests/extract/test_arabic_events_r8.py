"""Arabic events of round 8: an act one source tells and another party then denies is one disputed act;
the act an account tells ("ما نشرته منصات X عن ...") is X's side's.

"اقتحمت X المبنى، بحسب مصدر. لكن Y نفت سيطرة X على المبنى": the storming told first and the control
denied after it are one seizure (same agent, same site); the denial covers the first telling too, so no
asserted copy of the denied act is left to open control. A denied act of another agent, or at another
site, leaves the first telling asserted (the denied-next-to-asserted distractor).

"نفى الجيش ما نشرته منصات الدعم السريع عن دخول المدينة": the entry is the RSF's (whose media told
it), never the denier's carried-over subject; "ما نشرته" is media, no deployment.

Every sentence here is written for these tests (none is a dev passage); each case runs through the real
extractor over the real gazetteer, and control is read from the facts it emits.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples, events_of, only_event, role_labels

from conflictkg.facts import ArticleFacts

Extract = Callable[..., ArticleFacts]


# --- a told act denied later in the article: one denied act, no control -----------------------------

DISPUTED = [
    (
        "اقتحمت قوات سوريا الديمقراطية مبنى المجمع الحكومي في مدينة الحسكة صباح الإثنين بحسب مصدر محلي. "
        "لكن وزارة الداخلية نفت سيطرة قوات سوريا الديمقراطية على المبنى.",
        "Seizure",
        "قوات سوريا الديمقراطية",
    ),
    (
        "سيطرت قوات الدعم السريع على مقر الفرقة السادسة عشرة في نيالا وفق ناشطين. "
        "غير أن الجيش السوداني نفى سيطرة قوات الدعم السريع على المقر.",
        "Seizure",
        "قوات الدعم السريع",
    ),
    (
        "دخلت جماعة الحوثي مبنى المجمع الحكومي في مدينة الحديدة بحسب مصادر قبلية. "
        "ونفت الحكومة اليمنية سيطرة جماعة الحوثي على المبنى.",
        "Seizure",
        "الحوثيون",
    ),
    (
        "استولت هيئة تحرير الشام على معبر باب الهوى فجر الخميس وفق ناشطين. "
        "لكن الجيش الوطني نفى سيطرة هيئة تحرير الشام على معبر باب الهوى.",
        "Seizure",
        "هيئة تحرير الشام",
    ),
    (
        "انسحبت قوات سوريا الديمقراطية من مدينة منبج بحسب ناشطين. "
        "غير أن المجلس العسكري نفى انسحاب قوات سوريا الديمقراطية من المدينة.",
        "Withdrawal",
        "قوات سوريا الديمقراطية",
    ),
]


@pytest.mark.parametrize(("text", "kind", "agent"), DISPUTED)
def test_an_act_denied_later_is_one_denied_act(extract: Extract, text: str, kind: str, agent: str) -> None:
    facts = extract(text)
    acts = events_of(facts, kind)
    assert acts, f"no {kind} in {[(e.type, e.status) for e in facts.events]}"
    assert [e.status for e in acts] == ["denied"] * len(acts)
    assert all(role_labels(facts, e, "agent") == [agent] for e in acts)
    assert not [t for t in control_tuples(facts) if t[0] == agent], control_tuples(facts)


# --- a denied act of another agent or at another site: the first telling stays asserted --------------

NEXT_TO_ASSERTED = [
    (
        "سيطرت قوات سوريا الديمقراطية على مبنى المجمع الحكومي في مدينة الحسكة. "
        "ونفت وزارة الداخلية سيطرة قوات سوريا الديمقراطية على مبنى مديرية المالية.",
        ("قوات سوريا الديمقراطية", "مبنى المجمع الحكومي", "started"),
    ),
    (
        "سيطرت قوات الدعم السريع على مقر الفرقة السادسة عشرة في نيالا. "
        "ونفى الجيش السوداني سيطرة قوات الدعم السريع على مطار نيالا.",
        ("قوات الدعم السريع", "مقر الفرقة السادسة", "started"),
    ),
    (
        "انسحبت قوات النظام من بلدة جاسم. ونفت وزارة الدفاع السورية انسحاب قواتها من مدينة نوى.",
        ("قوات النظام", "جاسم", "ended"),
    ),
    (
        "سيطرت هيئة تحرير الشام على معبر باب الهوى. ونفى الجيش الوطني سيطرة الهيئة على مدينة عفرين.",
        ("هيئة تحرير الشام", "معبر باب الهوى", "started"),
    ),
    (
        "انسحبت قوات سوريا الديمقراطية من مدينة منبج. "
        "ونفى المجلس العسكري انسحاب قوات سوريا الديمقراطية من مدينة الطبقة.",
        ("قوات سوريا الديمقراطية", "منبج", "ended"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEXT_TO_ASSERTED)
def test_a_denial_elsewhere_leaves_the_told_act_asserted(
    extract: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    facts = extract(text)
    assert expected in control_tuples(facts), control_tuples(facts)
    assert any(e.status == "denied" for e in facts.events), [(e.type, e.status) for e in facts.events]


# --- the side of an account: "ما نشرته منصات X عن <act>" ---------------------------------------------

ACCOUNTS = [
    (
        "نفت وزارة الدفاع التركية ما نشرته منصات تابعة لقوات سوريا الديمقراطية عن انسحاب قواتها من مدينة "
        "تل أبيض.",
        "Withdrawal",
        "قوات سوريا الديمقراطية",
        "تل أبيض",
    ),
    (
        "نفى الجيش السوداني ما تداولته منصات قوات الدعم السريع عن دخول مدينة الأبيض.",
        "Seizure",
        "قوات الدعم السريع",
        "الأبيض",
    ),
    (
        "نفت قوات سوريا الديمقراطية ما ذكرته وسائل إعلام تابعة لهيئة تحرير الشام عن سيطرة عناصرها على "
        "قرية الشيوخ.",
        "Seizure",
        "هيئة تحرير الشام",
        "قرية الشيوخ",
    ),
    (
        "نفت الحكومة اليمنية ما بثته قناة المسيرة التابعة لجماعة الحوثي عن اقتحام مبنى المجمع الحكومي في مأرب.",
        "Seizure",
        "الحوثيون",
        "مبنى المجمع الحكومي",
    ),
    (
        "نفى الجيش العراقي ما نشرته مواقع مقربة من حزب العمال الكردستاني عن انسحاب مقاتليه من قضاء سنجار.",
        "Withdrawal",
        "حزب العمال الكردستاني",
        "سنجار",
    ),
]


@pytest.mark.parametrize(("text", "kind", "agent", "target"), ACCOUNTS)
def test_the_act_an_account_tells_is_its_sides(
    extract: Extract, text: str, kind: str, agent: str, target: str
) -> None:
    facts = extract(text)
    assert [e.type for e in facts.events if e.type not in ("Denial", kind)] == []
    act = only_event(facts, kind)
    assert act.status == "denied"
    assert role_labels(facts, act, "agent") == [agent]
    assert role_labels(facts, act, "target") == [target]
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "نفى الجيش السوداني ما قالته مصادر محلية عن انسحاب قواته من مدينة بارا.",
            "القوات المسلحة السودانية",
        ),
        ("نفت قوات سوريا الديمقراطية انسحاب قواتها من مدينة منبج.", "قوات سوريا الديمقراطية"),
        ("نفت هيئة تحرير الشام ما تحدثت عنه مصادر عن انسحاب عناصرها من مدينة سرمدا.", "هيئة تحرير الشام"),
    ],
)
def test_an_account_naming_no_side_keeps_the_deniers_forces(extract: Extract, text: str, agent: str) -> None:
    facts = extract(text)
    act = only_event(facts, "Withdrawal")
    assert act.status == "denied"
    assert role_labels(facts, act, "agent") == [agent]
