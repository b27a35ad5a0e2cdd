"""Arabic arguments and factuality of round 5, by phenomenon.

1. Denials: a spokesman of an actor before the verb ("غير أن المتحدث باسم X نفى ذلك"), the denier named
   before its verb after لكن/غير أن, and a seizure told twice then denied: every mention is denied.
2. Expulsions: the actor whose members are driven out is the patient ("طرد مقاتلون من X عناصر «Y» من"),
   in a headline with the subject first ("«X» تطرد مسلحي «Y» من") and with a carried subject.
3. A pronoun pointing at a list of sites ("بعد انسحاب X منهما/منها") takes the whole list.
4. The members of "the latter" ("فيما انسحب عناصر الأخيرة من المبنى") and the latter after لا تزال.
5. A relative clause with كان ... قد tells of its antecedent: it does not change the narrative subject.
6. A handover's receiver after an intervening relative clause ("سلّم X مبنى Y، الذي ...، إلى Z").
7. The subject after إن in reported speech is the agent, not the subject carried over.

Each sentence is written for the test (none is a dev passage).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples, entity_labels, events_of, only_event

from conflictkg.facts import ArticleFacts, Event

Extract = Callable[..., ArticleFacts]


def _role(facts: ArticleFacts, ev: Event, role: str) -> list[str]:
    """Labels of the entities in ``role`` of ``ev``."""
    names = entity_labels(facts)
    return [names[v] for v in ev.roles.get(role, [])]


# --- 1. denials -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claimant", "target", "denier"),
    [
        (
            "أعلنت هيئة تحرير الشام سيطرتها على معبر باب الهوى، غير أن المتحدث باسم الجيش الوطني نفى ذلك.",
            "هيئة تحرير الشام",
            "معبر باب الهوى",
            "الجيش الوطني",
        ),
        (
            "أعلنت قوات الدعم السريع سيطرتها على مطار الخرطوم، لكن الناطق باسم الجيش السوداني نفى ذلك.",
            "قوات الدعم السريع",
            "مطار الخرطوم الدولي",
            "القوات المسلحة السودانية",
        ),
        (
            "أعلن الحوثيون سيطرتهم على معسكر ماس، بينما نفى المتحدث باسم الجيش الوطني ذلك.",
            "الحوثيون",
            "معسكر ماس",
            "الجيش الوطني",
        ),
        (
            "أعلنت قوات سوريا الديمقراطية سيطرتها على مبنى البلدية، غير أن الجيش السوري نفى ذلك.",
            "قوات سوريا الديمقراطية",
            "مبنى البلدية",
            "قوات النظام",
        ),
        (
            "أعلنت هيئة تحرير الشام سيطرتها على معبر باب الهوى. غير أن الجيش الوطني نفى ذلك.",
            "هيئة تحرير الشام",
            "معبر باب الهوى",
            "الجيش الوطني",
        ),
        (
            "دخلت هيئة تحرير الشام مبنى البلدية، غير أن مجلس الأعيان نفى ذلك.",
            "هيئة تحرير الشام",
            "مبنى البلدية",
            "مجلس الأعيان",
        ),
    ],
)
def test_denier_named_before_its_verb(
    extract: Extract, text: str, claimant: str, target: str, denier: str
) -> None:
    facts = extract(text)
    seizure = only_event(facts, "Seizure")
    denial = only_event(facts, "Denial")
    assert seizure.status == "denied"
    assert _role(facts, seizure, "agent") == [claimant]
    assert _role(facts, seizure, "target") == [target]
    assert _role(facts, denial, "speaker") == [denier]
    assert denial.denies == [seizure.id]
    assert not [t for t in control_tuples(facts) if t[2] == "started"]


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت قوات سوريا الديمقراطية سيطرتها على معسكر ماس، لكن قيادة عمليات غرب نينوى نفت ذلك.",
        "أعلن الحوثيون سيطرتهم على معسكر ماس، غير أن قيادة عمليات المحور نفت ذلك.",
        "أعلنت هيئة تحرير الشام سيطرتها على معبر باب الهوى، لكن قيادة غرفة العمليات نفت ذلك.",
        "أعلن الجيش السوري سيطرته على مطار القامشلي، غير أن قيادة العمليات المشتركة نفت ذلك.",
        "أعلنت قوات الدعم السريع سيطرتها على مقر الإذاعة، لكن قيادة المنطقة العسكرية نفت ذلك.",
    ],
)
def test_denier_is_never_the_claimant(extract: Extract, text: str) -> None:
    """Whether or not the denier is a known entity, the actor that claimed the seizure is not its
    denier, and the seizure opens nothing."""
    facts = extract(text)
    seizure = only_event(facts, "Seizure")
    claimant = _role(facts, seizure, "agent")
    assert seizure.status == "denied"
    for denial in events_of(facts, "Denial"):
        assert _role(facts, denial, "speaker") != claimant
    assert not facts.control or all(not p.started_by for p in facts.control)


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت قوات الدعم السريع سيطرتها على مقر الإذاعة، مؤكدة أن الاستيلاء على المقر تم دون قتال. "
        "لكن الجيش السوداني نفى ذلك.",
        "أعلنت هيئة تحرير الشام سيطرتها على معبر باب الهوى، مضيفة أن اقتحام المعبر تم فجراً. "
        "غير أن الجيش الوطني نفى ذلك.",
        "أعلنت قوات سوريا الديمقراطية سيطرتها على مبنى البلدية، مؤكدة أن السيطرة على المبنى جاءت رداً على "
        "اعتقال اثنين من عناصرها. لكن الجيش السوري نفى ذلك.",
        "أعلن الحوثيون سيطرتهم على معسكر ماس، مؤكدين أن اقتحام المعسكر تم بعد هجوم واسع. "
        "لكن الجيش الوطني نفى ذلك.",
        "أعلنت قوات الدعم السريع سيطرتها على مطار الخرطوم، مؤكدة أن الاستيلاء على المطار تم فجراً. "
        "غير أن الناطق باسم الجيش السوداني نفى ذلك.",
    ],
)
def test_seizure_told_twice_is_denied_in_every_mention(extract: Extract, text: str) -> None:
    facts = extract(text)
    seizures = events_of(facts, "Seizure")
    assert seizures, "the seizure is lost"
    assert all(e.status == "denied" for e in seizures), [(e.status, e.rule) for e in seizures]
    denial = only_event(facts, "Denial")
    assert set(denial.denies) == {e.id for e in seizures}
    assert not [t for t in control_tuples(facts) if t[2] == "started"]


# --- 2. expulsions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "patient", "target"),
    [
        (
            "طرد مقاتلون من قوات سوريا الديمقراطية عناصر داعش من حاجز الجسر.",
            "قوات سوريا الديمقراطية",
            "تنظيم الدولة الإسلامية",
            "حاجز الجسر",
        ),
        (
            "طردت عناصر من هيئة تحرير الشام مسلحي الجيش الوطني من معبر باب الهوى.",
            "هيئة تحرير الشام",
            "الجيش الوطني",
            "معبر باب الهوى",
        ),
        (
            "«هيئة تحرير الشام» تطرد مسلحي «الجيش الوطني» من معبر باب الهوى.",
            "هيئة تحرير الشام",
            "الجيش الوطني",
            "معبر باب الهوى",
        ),
        (
            "قوات سوريا الديمقراطية تطرد عناصر داعش من مبنى البلدية في منبج.",
            "قوات سوريا الديمقراطية",
            "تنظيم الدولة الإسلامية",
            "مبنى البلدية",
        ),
        (
            "دخلت هيئة تحرير الشام مدينة إدلب، وطردت مقاتلي الجيش الوطني من مبنى المحافظة.",
            "هيئة تحرير الشام",
            "الجيش الوطني",
            "مبنى المحافظة",
        ),
        (
            "طرد مقاتلو الجيش الوطني عناصر داعش من مبنى البلدية.",
            "الجيش الوطني",
            "تنظيم الدولة الإسلامية",
            "مبنى البلدية",
        ),
    ],
)
def test_expulsion_agent_patient_and_site(
    extract: Extract, text: str, agent: str, patient: str, target: str
) -> None:
    facts = extract(text)
    ev = only_event(facts, "Expulsion")
    assert _role(facts, ev, "agent") == [agent]
    assert _role(facts, ev, "patient") == [patient]
    assert target in _role(facts, ev, "target")
    control = control_tuples(facts)
    assert (patient, target, "ended") in control
    assert (agent, target, "started") in control


def test_expelled_members_of_an_unnamed_group_leave_the_carried_subject_as_agent(extract: Extract) -> None:
    facts = extract("انتشرت قوات سوريا الديمقراطية في منبج، ثم طردت عناصر مجموعة محلية من مبنى البلدية.")
    ev = only_event(facts, "Expulsion")
    assert _role(facts, ev, "agent") == ["قوات سوريا الديمقراطية"]
    assert "قوات سوريا الديمقراطية" not in _role(facts, ev, "patient")


# --- 3. a pronoun pointing at a list -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "leaver", "sites"),
    [
        (
            "سيطرت هيئة تحرير الشام على معبر باب الهوى ومعبر باب السلامة بعد انسحاب الجيش الوطني منهما.",
            "الجيش الوطني",
            {"معبر باب الهوى", "معبر باب السلامة"},
        ),
        (
            "دخلت قوات سوريا الديمقراطية مبنى البلدية ومبنى المحكمة ومخفر الشرطة في منبج، عقب انسحاب "
            "عناصر داعش منها.",
            "تنظيم الدولة الإسلامية",
            {"مبنى البلدية", "مبنى المحكمة", "مخفر الشرطة"},
        ),
        (
            "تسلم الجيش السوري مطار القامشلي ومبنى البلدية، بعد انسحاب قوات سوريا الديمقراطية منهما.",
            "قوات سوريا الديمقراطية",
            {"مطار القامشلي", "مبنى البلدية"},
        ),
        (
            "سيطرت قوات الدعم السريع على مقر الإذاعة ومطار الخرطوم إثر انسحاب الجيش السوداني منهما.",
            "القوات المسلحة السودانية",
            {"مقر الإذاعة", "مطار الخرطوم الدولي"},
        ),
        (
            "سيطر الحوثيون على معسكر ماس ومبنى المحافظة في مأرب، بعد انسحاب الجيش الوطني منها.",
            "الجيش الوطني",
            {"معسكر ماس", "مبنى المحافظة"},
        ),
    ],
)
def test_pronoun_after_a_list_points_at_every_site(
    extract: Extract, text: str, leaver: str, sites: set[str]
) -> None:
    facts = extract(text)
    withdrawal = only_event(facts, "Withdrawal")
    assert _role(facts, withdrawal, "agent") == [leaver]
    assert set(_role(facts, withdrawal, "target")) == sites
    ended = {t[1] for t in control_tuples(facts) if t[0] == leaver and t[2] == "ended"}
    assert ended == sites


def test_pronoun_after_one_site_stays_on_it(extract: Extract) -> None:
    facts = extract("سيطرت هيئة تحرير الشام على مبنى البلدية في إدلب بعد انسحاب الجيش الوطني منها.")
    withdrawal = only_event(facts, "Withdrawal")
    assert _role(facts, withdrawal, "target") == ["مبنى البلدية"]


# --- 4. the latter ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "leaver", "site"),
    [
        (
            "هاجم الجيش السوري مواقع قوات سوريا الديمقراطية، وانسحبت عناصر الأخيرة من مبنى البلدية في منبج.",
            "قوات سوريا الديمقراطية",
            "مبنى البلدية",
        ),
        (
            "دخل الجيش السوداني مطار الخرطوم، الذي كانت قوات الدعم السريع قد سيطرت عليه، فيما انسحب مقاتلو "
            "الأخيرة من مقر الإذاعة.",
            "قوات الدعم السريع",
            "مقر الإذاعة",
        ),
        (
            "سيطر الجيش السوداني على مقر الإذاعة في أم درمان، الذي كانت قوات الدعم السريع قد سيطرت عليه، "
            "فيما انسحب عناصر الأخيرة من المبنى.",
            "قوات الدعم السريع",
            "مقر الإذاعة",
        ),
        (
            "دخلت قوات سوريا الديمقراطية مدينة منبج، فيما انسحب مقاتلو الأخيرة من مبنى البلدية.",
            "قوات سوريا الديمقراطية",
            "مبنى البلدية",
        ),
        (
            "تقدمت هيئة تحرير الشام نحو مواقع الجيش الوطني، فانسحب عناصر الأخير من معبر باب الهوى.",
            "الجيش الوطني",
            "معبر باب الهوى",
        ),
    ],
)
def test_members_of_the_latter_withdraw(extract: Extract, text: str, leaver: str, site: str) -> None:
    facts = extract(text)
    withdrawal = only_event(facts, "Withdrawal")
    assert _role(facts, withdrawal, "agent") == [leaver]
    assert _role(facts, withdrawal, "target") == [site]


def test_latter_after_continuation_marker_holds(extract: Extract) -> None:
    facts = extract(
        "طرد مقاتلون من عشيرة العكيدات عناصر «قسد» من حاجز الجسر، بينما لا تزال الأخيرة تسيطر على حقل "
        "كونيكو للغاز."
    )
    held = {(h, t) for h, t, status in control_tuples(facts) if status == "held"}
    assert held == {("قوات سوريا الديمقراطية", "حقل كونيكو")}


# --- 5. relative clauses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "newcomer", "former", "site"),
    [
        (
            "دخل الجيش السوداني مقر الإذاعة، الذي كانت قوات الدعم السريع قد سيطرت عليه، ثم نشر تعزيزات حوله.",
            "القوات المسلحة السودانية",
            "قوات الدعم السريع",
            "مقر الإذاعة",
        ),
        (
            "تسلم الجيش السوري مطار القامشلي، الذي كانت قوات سوريا الديمقراطية قد سيطرت عليه، ثم نشر "
            "تعزيزات فيه.",
            "قوات النظام",
            "قوات سوريا الديمقراطية",
            "مطار القامشلي",
        ),
        (
            "اقتحمت هيئة تحرير الشام معبر باب الهوى، الذي كان الجيش الوطني قد سيطر عليه، ثم نشرت عناصرها فيه.",
            "هيئة تحرير الشام",
            "الجيش الوطني",
            "معبر باب الهوى",
        ),
        (
            "سيطر الحوثيون على معسكر ماس، الذي كان الجيش الوطني قد سيطر عليه، ثم نشروا تعزيزات حوله.",
            "الحوثيون",
            "الجيش الوطني",
            "معسكر ماس",
        ),
        (
            "دخلت قوات سوريا الديمقراطية مبنى البلدية، الذي كان تنظيم داعش قد سيطر عليه، ثم نشرت حواجز حوله.",
            "قوات سوريا الديمقراطية",
            "تنظيم الدولة الإسلامية",
            "مبنى البلدية",
        ),
    ],
)
def test_relative_clause_keeps_the_narrative_subject(
    extract: Extract, text: str, newcomer: str, former: str, site: str
) -> None:
    facts = extract(text)
    deployments = events_of(facts, "Deployment")
    assert deployments, [(e.type, e.roles) for e in facts.events]
    assert all(_role(facts, d, "agent") == [newcomer] for d in deployments)
    agents = {a for e in events_of(facts, "Seizure") for a in _role(facts, e, "agent")}
    assert agents == {newcomer, former}
    assert (newcomer, site, "started") in control_tuples(facts)


# --- 6. handover receiver after a relative clause ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "giver", "site", "receiver"),
    [
        (
            "سلّمت قوات سوريا الديمقراطية مطار القامشلي، الذي ظل تحت سيطرتها منذ عام 2015، إلى الجيش السوري.",
            "قوات سوريا الديمقراطية",
            "مطار القامشلي",
            "قوات النظام",
        ),
        (
            "سلّم الجيش الوطني معبر باب السلامة، الذي كان يديره منذ سنوات، إلى هيئة تحرير الشام.",
            "الجيش الوطني",
            "معبر باب السلامة",
            "هيئة تحرير الشام",
        ),
        (
            "سلّمت قوات الدعم السريع مقر الإذاعة، الذي استولت عليه في نيسان، لقوات الجيش السوداني.",
            "قوات الدعم السريع",
            "مقر الإذاعة",
            "القوات المسلحة السودانية",
        ),
        (
            "سلّمت قوات سوريا الديمقراطية مبنى البلدية، الذي كانت تستخدمه مقراً، إلى الجيش السوري.",
            "قوات سوريا الديمقراطية",
            "مبنى البلدية",
            "قوات النظام",
        ),
        (
            "سلّم الحوثيون معسكر ماس، الذي ظل تحت سيطرتهم منذ عامين، إلى الجيش الوطني.",
            "الحوثيون",
            "معسكر ماس",
            "الجيش الوطني",
        ),
    ],
)
def test_handover_receiver_after_relative_clause(
    extract: Extract, text: str, giver: str, site: str, receiver: str
) -> None:
    facts = extract(text)
    control = control_tuples(facts)
    assert (giver, site, "ended") in control
    assert (receiver, site, "started") in control


# --- 7. subject after إن ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "site"),
    [
        (
            "سيطر الجيش السوري على حي الشيخ مقصود. وقال مصدر عسكري إن القوات الروسية تسلّمت مطار القامشلي.",
            "القوات الروسية",
            "مطار القامشلي",
        ),
        (
            "انسحبت قوات سوريا الديمقراطية من منبج. وقال مصدر محلي إن الجيش السوري دخل مبنى البلدية.",
            "قوات النظام",
            "مبنى البلدية",
        ),
        (
            "سيطر الحوثيون على معسكر ماس. وقالت مصادر محلية إن الجيش الوطني استعاد مبنى المحافظة.",
            "الجيش الوطني",
            "مبنى المحافظة",
        ),
        (
            "انسحب الجيش الوطني من معبر باب السلامة. وقال مصدر إن هيئة تحرير الشام دخلت المعبر.",
            "هيئة تحرير الشام",
            "معبر باب السلامة",
        ),
        (
            "سيطرت قوات الدعم السريع على مطار الخرطوم. وقال شهود إن الجيش السوداني استعاد مقر الإذاعة.",
            "القوات المسلحة السودانية",
            "مقر الإذاعة",
        ),
    ],
)
def test_subject_after_inna_is_the_agent(extract: Extract, text: str, agent: str, site: str) -> None:
    facts = extract(text)
    by_site = [e for e in events_of(facts, "Seizure") if site in _role(facts, e, "target")]
    assert len(by_site) == 1, [(e.type, e.roles) for e in facts.events]
    assert _role(facts, by_site[0], "agent") == [agent]


@pytest.mark.parametrize(
    "text",
    [
        "سيطر الجيش السوري على حي الشيخ مقصود. وقال مصدر عسكري إن قيادة القطاع تسلّمت مطار القامشلي.",
        "انسحبت قوات سوريا الديمقراطية من منبج. وقال مصدر محلي إن قيادة اللواء دخلت مبنى البلدية.",
        "سيطر الحوثيون على معسكر ماس. وقالت مصادر إن قيادة المحور استعادت مبنى المحافظة.",
        "دخلت هيئة تحرير الشام إدلب. وقال ناشطون إن قيادة الفيلق تسلّمت معبر باب الهوى.",
        "سيطرت قوات الدعم السريع على مطار الخرطوم. وقال شهود إن قيادة الفرقة استعادت مقر الإذاعة.",
    ],
)
def test_unnamed_subject_after_inna_is_not_the_carried_one(extract: Extract, text: str) -> None:
    facts = extract(text)
    first, *rest = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    carried = _role(facts, first, "agent")
    assert carried
    for ev in rest:
        assert _role(facts, ev, "agent") != carried, (ev.rule, ev.roles)


# --- denied "أن يكون X قد" and attributive participles ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "site"),
    [
        (
            "سيطرت هيئة تحرير الشام على مبنى البلدية. في المقابل، نفى الجيش الوطني أن تكون الهيئة قد دخلت "
            "مخفر الشرطة.",
            "هيئة تحرير الشام",
            "مخفر الشرطة",
        ),
        (
            "سيطر تجمع فرسان العكيدات على مبنى البلدية. في المقابل، نفى الجيش الوطني أن يكون التجمع قد دخل "
            "مخفر الشرطة.",
            "تجمع فرسان العكيدات",
            "مخفر الشرطة",
        ),
        (
            "دخلت قوات سوريا الديمقراطية مدينة منبج، لكن الجيش السوري نفى أن تكون القوات قد سيطرت على مبنى "
            "البلدية.",
            "قوات سوريا الديمقراطية",
            "مبنى البلدية",
        ),
        (
            "تقدمت قوات الدعم السريع نحو أم درمان، ونفى الجيش السوداني أن تكون قوات الدعم السريع قد دخلت مقر "
            "الإذاعة.",
            "قوات الدعم السريع",
            "مقر الإذاعة",
        ),
        (
            "سيطر الحوثيون على معسكر ماس. ونفى الجيش الوطني أن يكون الحوثيون قد دخلوا مبنى المحافظة.",
            "الحوثيون",
            "مبنى المحافظة",
        ),
    ],
)
def test_denied_perfect_subjunctive_keeps_its_own_subject(
    extract: Extract, text: str, agent: str, site: str
) -> None:
    facts = extract(text)
    denial = only_event(facts, "Denial")
    denied = [e for e in events_of(facts, "Seizure") if site in _role(facts, e, "target")]
    assert len(denied) == 1
    assert denied[0].status == "denied"
    assert _role(facts, denied[0], "agent") == [agent]
    assert _role(facts, denial, "speaker") != [agent]
    assert not [t for t in control_tuples(facts) if t[1] == site]


@pytest.mark.parametrize(
    "text",
    [
        "سيطرت هيئة تحرير الشام على مبنى البلدية، واعتقلت عدداً من العناصر المنسحبة.",
        "حاصرت قوات سوريا الديمقراطية مخفر الشرطة حيث يتحصن عناصر من القوات المنسحبة.",
        "دخل الجيش السوري مبنى المحكمة، ولاحق المقاتلين المنسحبين نحو الريف.",
        "سيطر الحوثيون على معسكر ماس، وأسروا عدداً من الجنود المنسحبين.",
        "استعاد الجيش السوداني مقر الإذاعة، وطارد العناصر المنسحبة باتجاه الحي.",
    ],
)
def test_attributive_participle_is_no_withdrawal_of_the_subject(extract: Extract, text: str) -> None:
    facts = extract(text)
    first = facts.events[0] if facts.events else None
    assert first is not None
    subject = _role(facts, first, "agent") + _role(facts, first, "besieger")
    assert subject
    for ev in events_of(facts, "Withdrawal"):
        assert _role(facts, ev, "agent") != subject, ev.rule
    ended = [t for t in control_tuples(facts) if t[2] == "ended"]
    assert not ended, ended
