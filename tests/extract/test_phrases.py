"""Entity phrases the gazetteer does not know: heads, coordination, groups, relative modifiers."""

from __future__ import annotations

from collections.abc import Callable

from conflictkg import iri
from conflictkg.extract import match_key
from conflictkg.facts import ArticleFacts, Entity
from conflictkg.namespace import CKR_NS


def _by_label(facts: ArticleFacts) -> dict[str, Entity]:
    return {e.label: e for e in facts.entities}


def test_a_dual_head_gives_one_facility_per_item_owned_by_the_antecedent(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("اقتحمت قوات الأمن مكتب حزب الإصلاح وشعبتي الشمال والجنوب التابعة له في مدينة تعز.")
    ents = _by_label(facts)
    party = ents["حزب الإصلاح"]
    assert party.type == "Actor" and party.subtype == "PoliticalParty"
    north, south = ents["شعبة الشمال"], ents["شعبة الجنوب"]
    assert (north.type, north.subtype) == ("Facility", "PartyOffice")
    assert north.owner == south.owner == party.id
    assert north.mentions[0].text == "شعبتي الشمال"
    assert south.mentions[0].text.startswith("الجنوب")
    assert ents["مكتب حزب الإصلاح"].owner == party.id
    assert north.id == iri.entity_iri("Facility", match_key("شعبة الشمال"), within=CKR_NS + "taiz")


def test_a_plural_head_distributes_over_coordinated_names(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وحاصر المقاتلون أفرع المخابرات الجوية والأمن الجنائي في مدينة درعا.")
    ents = _by_label(facts)
    assert {"فرع المخابرات الجوية", "فرع الأمن الجنائي"} <= set(ents)
    assert ents["فرع المخابرات الجوية"].subtype == "SecurityBranch"
    assert ents["فرع الأمن الجنائي"].part_of == [CKR_NS + "daraa"]


def test_a_dual_of_known_places(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("حاصرت قوات النظام حيي الشيخ مقصود والأشرفية في مدينة حلب.")
    ids = {e.id for e in facts.entities}
    assert {CKR_NS + "sheikh-maqsoud", CKR_NS + "ashrafieh-aleppo", CKR_NS + "aleppo"} <= ids


def test_a_dual_of_unknown_places_is_split_at_the_conjunction(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وانتشرت قوات عسكرية في حيي الوعر والخالدية.")
    ents = _by_label(facts)
    assert ents["حي الوعر"].subtype == ents["حي الخالدية"].subtype == "Neighbourhood"
    assert ents["حي الخالدية"].mentions[0].text == "الخالدية"


def test_coordinated_plural_heads_form_one_group_with_its_owner(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "وانسحبت هيئة تحرير الشام من جميع المكاتب والمقرات الحكومية التابعة للحكومة السورية في مدينة إدلب."
    )
    group = _by_label(facts)["المكاتب والمقرات الحكومية"]
    assert group.type == "Facility"
    assert group.owner == CKR_NS + "syrian-government"
    assert group.mentions[0].text.startswith("جميع المكاتب والمقرات الحكومية التابعة")


def test_an_indefinite_description_is_not_an_entity(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انتشرت قوات عسكرية في المنطقة.")
    assert facts.entities == []


def test_a_demonstrative_refers_back_to_the_group(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطر المسلحون على جميع المكاتب الحكومية في مدينة درعا. وطردوا الموظفين من هذه المكاتب.")
    group = _by_label(facts)["المكاتب الحكومية"]
    assert [m.text for m in group.mentions][-1] == "هذه المكاتب"


def test_areas_of_an_actor_share_one_iri_whatever_the_spelling(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("قصفت الطائرات مناطق النظام السوري، ثم توقف القصف على مناطق النظام.")
    area = _by_label(facts)["مناطق النظام السوري"]
    assert [m.text for m in area.mentions] == ["مناطق النظام السوري", "مناطق النظام"]


def test_a_facility_named_after_an_unknown_unit_is_one_facility(extract: Callable[..., ArticleFacts]) -> None:
    """The unit the gazetteer does not know is part of the facility's name, not an actor mention."""
    facts = extract("سيطرت قوات الدعم السريع على مقر الفرقة الأولى في مدينة الفاشر.")
    ents = _by_label(facts)
    hq = ents["مقر الفرقة الأولى"]
    assert hq.type == "Facility" and hq.owner is None
    assert hq.part_of == [CKR_NS + "el-fasher"]
    assert [e.label for e in facts.entities if e.type == "Actor"] == ["قوات الدعم السريع"]


def test_a_facility_of_a_known_unit_is_owned_by_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات سوريا الديمقراطية على مقر الفرقة الرابعة في مدينة دير الزور.")
    ents = {e.id: e for e in facts.entities}
    hq = next(e for e in facts.entities if e.type == "Facility")
    assert hq.owner == CKR_NS + "fourth-division" and ents[CKR_NS + "fourth-division"].mentions


def test_a_definite_bare_head_refers_back(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت جماعة الحوثي على معسكر ماس في محافظة مأرب. وطردت القوات الحكومية من المعسكر.")
    camp = _by_label(facts)["معسكر ماس"]
    assert camp.subtype == "MilitaryBase"
    assert [m.text for m in camp.mentions][-1] == "المعسكر"
    assert [e.label for e in facts.entities if e.type == "Facility"] == ["معسكر ماس"]


def test_modifiers_agree_in_definiteness(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اندلعت معارك مع القوات الحكومية استمرت أسابيع.")
    assert [e.label for e in facts.entities] == ["القوات الحكومية"]
