"""The temporal tagger on short passages: exact span, bounds and relation for each expression.

Each case names the passage, the one expression it must find (as a substring, so the offsets are
exact), the bounds and the relation. Published dates: Thursday 14 April 2022 (the seed) unless a
case says otherwise.
"""

from __future__ import annotations

import json
import time
from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path

import pytest

from conflictkg.errors import ConfigurationError
from conflictkg.extract.temporal import RELATIONS, TIME_WORDS_FILE, TemporalTagger, TimeMention
from conflictkg.facts import When

THU = date(2022, 4, 14)  # a Thursday
MON = date(2022, 4, 18)  # a Monday
D = date


@pytest.fixture(scope="module")
def tagger() -> TemporalTagger:
    return TemporalTagger()


# (passage, expected span, earliest, latest, relation, published)
CASES: list[tuple[str, str, date | None, date | None, str, date | None]] = [
    # absolute dates, Arabic (both month series, spelling variants, Arabic-Indic digits)
    (
        "اقتحمت القوات المبنى في 14 نيسان 2022 صباحاً",
        "14 نيسان 2022 صباحاً",
        D(2022, 4, 14),
        D(2022, 4, 14),
        "at",
        THU,
    ),
    ("وقع ذلك في 14 أبريل 2022.", "14 أبريل 2022", D(2022, 4, 14), D(2022, 4, 14), "at", THU),
    ("وقع ذلك في 14 ابريل 2022.", "14 ابريل 2022", D(2022, 4, 14), D(2022, 4, 14), "at", THU),
    ("في ٣ كانون الثاني ٢٠٢١ انسحبت", "٣ كانون الثاني ٢٠٢١", D(2021, 1, 3), D(2021, 1, 3), "at", THU),
    ("في 3 يناير 2021 انسحبت", "3 يناير 2021", D(2021, 1, 3), D(2021, 1, 3), "at", THU),
    ("بتاريخ 1 تشرين الأول 2019", "1 تشرين الأول 2019", D(2019, 10, 1), D(2019, 10, 1), "at", THU),
    (
        "يوم الخميس 14 نيسان/أبريل 2022م",
        "يوم الخميس 14 نيسان/أبريل 2022م",
        D(2022, 4, 14),
        D(2022, 4, 14),
        "at",
        THU,
    ),
    ("في 5 آذار اقتحموا", "5 آذار", D(2022, 3, 5), D(2022, 3, 5), "at", THU),
    ("في 5 اذار اقتحموا", "5 اذار", D(2022, 3, 5), D(2022, 3, 5), "at", THU),
    ("في 20 آب 2020", "20 آب 2020", D(2020, 8, 20), D(2020, 8, 20), "at", THU),
    ("في 20 أغسطس 2020", "20 أغسطس 2020", D(2020, 8, 20), D(2020, 8, 20), "at", THU),
    ("في ٢٠ حزيران ٢٠٢٠", "٢٠ حزيران ٢٠٢٠", D(2020, 6, 20), D(2020, 6, 20), "at", THU),
    ("في 20 يونيه 2020", "20 يونيه 2020", D(2020, 6, 20), D(2020, 6, 20), "at", THU),
    # absolute dates, English and numeric
    ("The storming on 14 April 2022 ended.", "14 April 2022", D(2022, 4, 14), D(2022, 4, 14), "at", THU),
    ("It ended on April 14, 2022, at dusk.", "April 14, 2022", D(2022, 4, 14), D(2022, 4, 14), "at", THU),
    (
        "On Thursday, April 14, 2022 they left",
        "Thursday, April 14, 2022",
        D(2022, 4, 14),
        D(2022, 4, 14),
        "at",
        THU,
    ),
    ("the 3rd of March 2021 meeting", "3rd of March 2021", D(2021, 3, 3), D(2021, 3, 3), "at", THU),
    ("Report dated 2022-04-14.", "2022-04-14", D(2022, 4, 14), D(2022, 4, 14), "at", THU),
    ("بتاريخ 14/4/2022 أعلنت", "14/4/2022", D(2022, 4, 14), D(2022, 4, 14), "at", THU),
    ("بتاريخ ١٤/٤/٢٠٢٢ أعلنت", "١٤/٤/٢٠٢٢", D(2022, 4, 14), D(2022, 4, 14), "at", THU),
    ("dated 3.1.2021 here", "3.1.2021", D(2021, 1, 3), D(2021, 1, 3), "at", THU),
    ("in April 2022 the talks", "April 2022", D(2022, 4, 1), D(2022, 4, 30), "at", THU),
    ("خلال نيسان 2022 جرت", "نيسان 2022", D(2022, 4, 1), D(2022, 4, 30), "at", THU),
    ("في شهر شباط الماضي", "شهر شباط الماضي", D(2022, 2, 1), D(2022, 2, 28), "at", THU),
    ("في شهر أيار", "شهر أيار", D(2021, 5, 1), D(2021, 5, 31), "at", THU),
    ("في عام 2019 سيطرت", "عام 2019", D(2019, 1, 1), D(2019, 12, 31), "at", THU),
    # weekdays: most recent such day on or before publication
    ("اقتحموا يوم الخميس المؤسسات", "يوم الخميس", THU, THU, "at", THU),
    ("اقتحموا الخميس الماضي المؤسسات", "الخميس الماضي", THU, THU, "at", THU),
    ("اقتحموا يوم الثلاثاء المؤسسات", "يوم الثلاثاء", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("اقتحموا يوم الثلاثا المؤسسات", "يوم الثلاثا", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("وصلوا الجمعة الماضية", "الجمعة الماضية", D(2022, 4, 8), D(2022, 4, 8), "at", THU),
    ("وصلوا يوم الإثنين", "يوم الإثنين", D(2022, 4, 11), D(2022, 4, 11), "at", THU),
    ("والسبت انسحبوا", "السبت", D(2022, 4, 9), D(2022, 4, 9), "at", THU),
    ("The Asayish withdrew on Thursday.", "Thursday", THU, THU, "at", THU),
    ("They came back last Sunday.", "last Sunday", D(2022, 4, 10), D(2022, 4, 10), "at", THU),
    ("تعقد الجولة يوم الأحد المقبل", "يوم الأحد المقبل", D(2022, 4, 17), D(2022, 4, 17), "at", THU),
    ("talks resume next Thursday", "next Thursday", D(2022, 4, 21), D(2022, 4, 21), "at", THU),
    # today, yesterday, the day before
    ("أعلنت اليوم الانسحاب", "اليوم", THU, THU, "at", THU),
    ("أعلنت الیوم الانسحاب", "الیوم", THU, THU, "at", THU),
    ("They announced it today.", "today", THU, THU, "at", THU),
    ("أعلنت أمس الانسحاب", "أمس", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("أعلنت يوم أمس الانسحاب", "يوم أمس", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("أعلنت بالأمس الانسحاب", "بالأمس", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("أعلنت البارحة الانسحاب", "البارحة", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("It was announced yesterday.", "yesterday", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("أعلنت أمس الأربعاء الانسحاب", "أمس الأربعاء", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("اقتحموا أول أمس المبنى", "أول أمس", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("اقتحموا أول من أمس المبنى", "أول من أمس", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("اقتحموا أمس الأول المبنى", "أمس الأول", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    (
        "stormed the day before yesterday",
        "the day before yesterday",
        D(2022, 4, 12),
        D(2022, 4, 12),
        "at",
        THU,
    ),
    # parts of the day and nights
    ("اقتحموا صباح أمس المبنى", "صباح أمس", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("انسحبوا مساء اليوم", "مساء اليوم", THU, THU, "at", THU),
    ("انسحبوا مساءَ اليومِ", "مساءَ اليومِ", THU, THU, "at", THU),
    ("انسحبوا صباح يوم الثلاثاء", "صباح يوم الثلاثاء", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("انسحبوا أمس مساءً", "أمس مساءً", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("انسحبوا ليلة الخميس", "ليلة الخميس", D(2022, 4, 13), THU, "at", THU),
    ("انسحبوا ليلة أمس", "ليلة أمس", D(2022, 4, 13), THU, "at", THU),
    ("انسحبوا أمس ليلاً", "أمس ليلاً", D(2022, 4, 13), THU, "at", THU),
    ("shelling last night", "last night", D(2022, 4, 13), THU, "at", THU),
    ("withdrew yesterday evening", "yesterday evening", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    ("withdrew on Tuesday night", "Tuesday night", D(2022, 4, 12), D(2022, 4, 13), "at", THU),
    ("انسحبوا بعد ظهر اليوم", "بعد ظهر اليوم", THU, THU, "at", THU),
    ("انسحبوا بعد ظهر يوم الثلاثاء", "بعد ظهر يوم الثلاثاء", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    # a day of this or last month
    ("في 3 من الشهر الجاري", "3 من الشهر الجاري", D(2022, 4, 3), D(2022, 4, 3), "at", THU),
    ("في 28 من الشهر الماضي", "28 من الشهر الماضي", D(2022, 3, 28), D(2022, 3, 28), "at", THU),
    ("on the 3rd of this month", "3rd of this month", D(2022, 4, 3), D(2022, 4, 3), "at", THU),
    # relative spans: hours later, n days after, n days ago, since
    (
        "أعلنت الانسحاب، وذلك بعد ساعات من اقتحامها وطرد",
        "بعد ساعات من اقتحامها",
        THU,
        THU,
        "after",
        THU,
    ),
    ("and the forces withdrew hours later.", "hours later", THU, THU, "after", THU),
    ("انسحبوا بعد يومين من الاتفاق", "بعد يومين من الاتفاق", D(2022, 4, 16), D(2022, 4, 16), "after", THU),
    (
        "بعد ثلاثة أيام من 10 نيسان 2022",
        "بعد ثلاثة أيام من 10 نيسان 2022",
        D(2022, 4, 13),
        D(2022, 4, 13),
        "after",
        THU,
    ),
    ("they returned two days later", "two days later", D(2022, 4, 16), D(2022, 4, 16), "after", THU),
    ("اقتحموا المبنى قبل يومين", "قبل يومين", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("اقتحموا المبنى قبل 3 أيام", "قبل 3 أيام", D(2022, 4, 11), D(2022, 4, 11), "at", THU),
    # a count of weeks is round: the day N weeks back, three days either side
    ("اقتحموا المبنى قبل أسبوع", "قبل أسبوع", D(2022, 4, 4), D(2022, 4, 10), "at", THU),
    ("اقتحموا المبنى قبل أسبوعين", "قبل أسبوعين", D(2022, 3, 28), D(2022, 4, 3), "at", THU),
    ("اقتحموا المبنى قبل ساعات", "قبل ساعات", THU, THU, "at", THU),
    ("اقتحموا المبنى قبل أيام", "قبل أيام", None, D(2022, 4, 13), "at", THU),
    ("stormed two days ago", "two days ago", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("stormed a week ago", "a week ago", D(2022, 4, 4), D(2022, 4, 10), "at", THU),
    ("stormed 3 months ago", "3 months ago", D(2022, 1, 14), D(2022, 1, 14), "at", THU),
    ("الحصار مستمر منذ 16 يوماً", "منذ 16 يوماً", D(2022, 3, 29), D(2022, 3, 29), "since", THU),
    ("الحصار مستمر منذ ١٦ يوما", "منذ ١٦ يوما", D(2022, 3, 29), D(2022, 3, 29), "since", THU),
    ("الحصار مستمر منذ عشرة أيام", "منذ عشرة أيام", D(2022, 4, 4), D(2022, 4, 4), "since", THU),
    ("الحصار مستمر منذ شهرين", "منذ شهرين", D(2022, 2, 14), D(2022, 2, 14), "since", THU),
    ("under siege since 3 April", "since 3 April", D(2022, 4, 3), D(2022, 4, 3), "since", THU),
    ("الحصار مستمر منذ يوم الأحد", "منذ يوم الأحد", D(2022, 4, 10), D(2022, 4, 10), "since", THU),
    # whole periods
    ("جرى ذلك الشهر الماضي في حلب", "الشهر الماضي", D(2022, 3, 1), D(2022, 3, 31), "at", THU),
    ("this happened last month", "last month", D(2022, 3, 1), D(2022, 3, 31), "at", THU),
    ("جرى ذلك الشهر الماضي", "الشهر الماضي", D(2021, 12, 1), D(2021, 12, 31), "at", D(2022, 1, 10)),
    # last week: the 14 days before publication (the annotation guide; covers either calendar week)
    ("جرى ذلك الأسبوع الماضي", "الأسبوع الماضي", D(2022, 3, 31), D(2022, 4, 13), "at", THU),
    ("it happened last week", "last week", D(2022, 3, 31), D(2022, 4, 13), "at", THU),
    ("it happened last week", "last week", D(2022, 4, 4), D(2022, 4, 17), "at", MON),
    ("جرى ذلك هذا الشهر", "هذا الشهر", D(2022, 4, 1), THU, "at", THU),
    ("جرى ذلك العام الماضي", "العام الماضي", D(2021, 1, 1), D(2021, 12, 31), "at", THU),
    ("ازدادت حدته مؤخراً، مع", "مؤخراً", None, THU, "at", THU),
    ("tension rose recently", "recently", None, THU, "at", THU),
    # until, before, after a time
    ("تستمر الإجراءات حتى 20 نيسان", "حتى 20 نيسان", D(2022, 4, 20), D(2022, 4, 20), "until", THU),
    (
        "تستمر الإجراءات حتى يوم السبت المقبل",
        "حتى يوم السبت المقبل",
        D(2022, 4, 16),
        D(2022, 4, 16),
        "until",
        THU,
    ),
    ("measures last until Saturday", "until Saturday", D(2022, 4, 9), D(2022, 4, 9), "until", THU),
    ("بقيت تحت سيطرتهم حتى الآن", "حتى الآن", THU, THU, "until", THU),
    ("انسحبوا قبل 14 نيسان", "قبل 14 نيسان", THU, THU, "before", THU),
    ("returned after 10 April 2022", "after 10 April 2022", D(2022, 4, 10), D(2022, 4, 10), "after", THU),
]

#: Rules added for issue 3 item 6, same layout as CASES.
ADDED: list[tuple[str, str, date | None, date | None, str, date | None]] = [
    # Arabic ordinal day words: only before من + a month (or the current/last month)
    ("سيطروا عليه في الرابع عشر من نيسان الماضي", "الرابع عشر من نيسان", THU, THU, "at", THU),
    ("انسحبوا في الأول من آذار 2021", "الأول من آذار 2021", D(2021, 3, 1), D(2021, 3, 1), "at", THU),
    (
        "في الحادي والعشرين من الشهر الماضي",
        "الحادي والعشرين من الشهر الماضي",
        D(2022, 3, 21),
        D(2022, 3, 21),
        "at",
        THU,
    ),
    (
        "يوم الأحد الثالث من نيسان/أبريل",
        "يوم الأحد الثالث من نيسان/أبريل",
        D(2022, 4, 3),
        D(2022, 4, 3),
        "at",
        THU,
    ),
    ("في الثلاثين من حزيران", "الثلاثين من حزيران", D(2022, 6, 30), D(2022, 6, 30), "at", THU),
    # bare years
    ("سيطرت الهيئة على المدينة في 2017", "في 2017", D(2017, 1, 1), D(2017, 12, 31), "at", THU),
    ("وفي 2019 انسحبت", "في 2019", D(2019, 1, 1), D(2019, 12, 31), "at", THU),
    ("تراجعت خلال 2020 كثيراً", "خلال 2020", D(2020, 1, 1), D(2020, 12, 31), "at", THU),
    ("سيطرت عليها عام 2019", "عام 2019", D(2019, 1, 1), D(2019, 12, 31), "at", THU),
    # ranges of days
    ("اشتباكات بين 3 و5 آذار", "بين 3 و5 آذار", D(2022, 3, 3), D(2022, 3, 5), "at", THU),
    ("اشتباكات من 3 إلى 5 آذار 2021", "من 3 إلى 5 آذار 2021", D(2021, 3, 3), D(2021, 3, 5), "at", THU),
    ("fighting from 3 to 5 March", "from 3 to 5 March", D(2022, 3, 3), D(2022, 3, 5), "at", THU),
    (
        "talks between 28 February and 2 March 2021",
        "between 28 February and 2 March 2021",
        D(2021, 2, 28),
        D(2021, 3, 2),
        "at",
        THU,
    ),
    (
        "بين 28 كانون الأول و2 كانون الثاني 2022",
        "بين 28 كانون الأول و2 كانون الثاني 2022",
        D(2021, 12, 28),
        D(2022, 1, 2),
        "at",
        THU,
    ),
    ("clashes on 12-14 April killed", "12-14 April", D(2022, 4, 12), D(2022, 4, 14), "at", THU),
    # thirds of a month or a year: days 1-10, 11-20, 21-end; Jan-Apr, May-Aug, Sep-Dec
    ("دخلوا مطلع الشهر الجاري", "مطلع الشهر الجاري", D(2022, 4, 1), D(2022, 4, 10), "at", THU),
    ("دخلوا منتصف الشهر الماضي", "منتصف الشهر الماضي", D(2022, 3, 11), D(2022, 3, 20), "at", THU),
    ("دخلوا أواخر الشهر الماضي", "أواخر الشهر الماضي", D(2022, 3, 21), D(2022, 3, 31), "at", THU),
    ("دخلوا منتصف نيسان", "منتصف نيسان", D(2022, 4, 11), D(2022, 4, 20), "at", THU),
    ("دخلوا أواخر كانون الأول", "أواخر كانون الأول", D(2021, 12, 21), D(2021, 12, 31), "at", THU),
    ("دخلوا أواخر شباط", "أواخر شباط", D(2024, 2, 21), D(2024, 2, 29), "at", D(2024, 3, 5)),
    ("تحاصرها منذ مطلع العام", "منذ مطلع العام", D(2022, 1, 1), D(2022, 4, 30), "since", THU),
    ("انسحبوا نهاية العام الماضي", "نهاية العام الماضي", D(2021, 9, 1), D(2021, 12, 31), "at", THU),
    ("talks in mid-March stalled", "mid-March", D(2022, 3, 11), D(2022, 3, 20), "at", THU),
    ("they left late last month", "late last month", D(2022, 3, 21), D(2022, 3, 31), "at", THU),
    ("in early April 2021 they left", "early April 2021", D(2021, 4, 1), D(2021, 4, 10), "at", THU),
    # next month / next year: the whole period, and its thirds
    ("تبدأ الشهر المقبل", "الشهر المقبل", D(2022, 5, 1), D(2022, 5, 31), "at", THU),
    ("starting next month", "next month", D(2023, 1, 1), D(2023, 1, 31), "at", D(2022, 12, 20)),
    ("تنسحب العام المقبل", "العام المقبل", D(2023, 1, 1), D(2023, 12, 31), "at", THU),
    ("due in late next year", "late next year", D(2023, 9, 1), D(2023, 12, 31), "at", THU),
    # parts of today and yesterday
    ("اقتحموا المبنى فجر اليوم", "فجر اليوم", THU, THU, "at", THU),
    ("اقتحموا المبنى ظهر اليوم", "ظهر اليوم", THU, THU, "at", THU),
    ("اقتحموا المبنى عصر اليوم", "عصر اليوم", THU, THU, "at", THU),
    ("اقتحموا المبنى عصر أمس", "عصر أمس", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    # English
    # "earlier" than the report: up to the day before publication
    ("it was seized earlier this month", "earlier this month", D(2022, 4, 1), D(2022, 4, 13), "at", THU),
    ("shelling on Monday night", "Monday night", D(2022, 4, 11), D(2022, 4, 12), "at", THU),
    ("they withdrew late on Tuesday", "late on Tuesday", D(2022, 4, 12), D(2022, 4, 12), "at", THU),
    ("they withdrew early on Wednesday", "early on Wednesday", D(2022, 4, 13), D(2022, 4, 13), "at", THU),
    (
        "stormed in the early hours of Sunday",
        "in the early hours of Sunday",
        D(2022, 4, 10),
        D(2022, 4, 10),
        "at",
        THU,
    ),
    # the last N units up to publication
    ("خلال الأيام الثلاثة الماضية", "خلال الأيام الثلاثة الماضية", D(2022, 4, 11), THU, "at", THU),
    ("خلال الـ48 ساعة الماضية", "خلال الـ48 ساعة الماضية", D(2022, 4, 12), THU, "at", THU),
    ("قصف خلال اليومين الماضيين", "خلال اليومين الماضيين", D(2022, 4, 12), THU, "at", THU),
    ("في الأسابيع الثلاثة الأخيرة", "في الأسابيع الثلاثة الأخيرة", D(2022, 3, 24), THU, "at", THU),
    ("shelled over the past three days", "over the past three days", D(2022, 4, 11), THU, "at", THU),
    ("shelled in the last 24 hours", "in the last 24 hours", D(2022, 4, 13), THU, "at", THU),
]


@pytest.mark.parametrize(("passage", "span", "earliest", "latest", "relation", "published"), CASES + ADDED)
def test_expression(
    tagger: TemporalTagger,
    passage: str,
    span: str,
    earliest: date | None,
    latest: date | None,
    relation: str,
    published: date | None,
) -> None:
    mentions = tagger.tag(passage, published)
    start = passage.index(span)
    assert [(m.start, m.end, m.text) for m in mentions] == [(start, start + len(span), span)]
    (m,) = mentions
    assert m.when == When(earliest, latest, span)
    assert m.relation == relation


def test_offsets_point_into_the_original_text(tagger: TemporalTagger) -> None:
    text = "أعلنـــت القوّاتُ أمْسِ الانسحابَ، وعادت بعدَ يومَيْنِ مِن الاتّفاق اليومَ"
    mentions = tagger.tag(text, THU)
    assert [m.text for m in mentions] == ["أمْسِ", "بعدَ يومَيْنِ مِن الاتّفاق", "اليومَ"]
    for m in mentions:
        assert text[m.start : m.end] == m.text == m.when.text


@pytest.mark.parametrize(
    ("passage", "span"),
    [
        ("اقتحموا أمس المبنى", "أمس"),
        ("الحصار مستمر منذ 16 يوماً", "منذ 16 يوماً"),
        ("on Thursday they left", "Thursday"),
        ("in the morning, two days ago", "two days ago"),
        ("ازدادت حدته مؤخراً", "مؤخراً"),
        ("بعد ساعات من اقتحامها", "بعد ساعات من اقتحامها"),
        ("جرى ذلك الشهر الماضي", "الشهر الماضي"),
        ("في 14 نيسان", "14 نيسان"),
        ("بين 3 و5 آذار", "بين 3 و5 آذار"),
        ("مطلع الشهر الجاري", "مطلع الشهر الجاري"),
        ("منتصف نيسان", "منتصف نيسان"),
        ("الرابع من الشهر الجاري", "الرابع من الشهر الجاري"),
        ("خلال اليومين الماضيين", "خلال اليومين الماضيين"),
    ],
)
def test_without_publication_date_relative_expressions_stay_unanchored(
    tagger: TemporalTagger, passage: str, span: str
) -> None:
    (m,) = tagger.tag(passage, None)
    assert (m.text, m.when) == (span, When(None, None, span))


def test_absolute_date_needs_no_publication_date(tagger: TemporalTagger) -> None:
    (m,) = tagger.tag("في 14 نيسان 2022", None)
    assert m.when == When(D(2022, 4, 14), D(2022, 4, 14), "14 نيسان 2022")


@pytest.mark.parametrize(
    "passage",
    [
        "حتى فك الحصار عن الأحياء",  # until an event, not a time
        "في اليوم التالي انسحبوا",  # "the next day" is relative to the story, not to publication
        "في نفس اليوم انسحبوا",
        "31/2/2022",  # no such day
        "He may come in the morning.",
        "the 4th Division",
        "أحد العناصر",
        "عددهم 2022 عنصراً",
        "القسم الرابع من المبنى",  # an ordinal without a month is no date
        "بين 5 و3 آذار",  # a range that runs backwards is no range
        "بين 30 و31 شباط 2022",  # no such days
        "في الأيام الماضية",  # no count: nothing to bound it by
    ],
)
def test_no_time_expression(tagger: TemporalTagger, passage: str) -> None:
    assert tagger.tag(passage, THU) == []


def test_longest_match_wins_and_mentions_do_not_overlap(tagger: TemporalTagger) -> None:
    text = "صباح يوم الخميس 14 نيسان 2022 ثم أمس الأول وبعد يومين من 10 نيسان 2022 وحتى الآن"
    mentions = tagger.tag(text, THU)
    assert [m.text for m in mentions] == [
        "صباح يوم الخميس 14 نيسان 2022",
        "أمس الأول",
        "بعد يومين من 10 نيسان 2022",
        "حتى الآن",
    ]
    ends = [m.end for m in mentions]
    starts = [m.start for m in mentions]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


def test_seed_article(tagger: TemporalTagger, seed_text: str) -> None:
    mentions = tagger.tag(seed_text, THU)
    assert [(m.text, m.when.earliest, m.when.latest, m.relation) for m in mentions] == [
        ("بعد ساعات من اقتحامها", THU, THU, "after"),
        ("مؤخراً", None, THU, "at"),
    ]
    assert all(seed_text[m.start : m.end] == m.text for m in mentions)


def test_relations_and_mention_are_fixed(tagger: TemporalTagger) -> None:
    assert RELATIONS == ("at", "before", "after", "since", "until")
    m = tagger.tag("أمس", THU)[0]
    assert isinstance(m, TimeMention)
    with pytest.raises(FrozenInstanceError):
        m.start = 3  # type: ignore[misc]


def test_words_come_from_the_data_file(tmp_path: Path) -> None:
    data = json.loads(TIME_WORDS_FILE.read_text(encoding="utf-8"))
    data["weekdays"]["3"].append("Donnerstag")
    words = tmp_path / "time_words.json"
    words.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (m,) = TemporalTagger(words).tag("am Donnerstag", THU)
    assert (m.text, m.when.earliest) == ("Donnerstag", THU)


def test_broken_data_file_is_a_configuration_error(tmp_path: Path) -> None:
    words = tmp_path / "time_words.json"
    words.write_text('{"months": {}}', encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"time_words\.json lacks the keys \['weekdays'"):
        TemporalTagger(words)
    words.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="cannot read the time words"):
        TemporalTagger(words)


def test_fast_on_a_long_text(tagger: TemporalTagger, seed_text: str) -> None:
    text = (seed_text + " أمس ") * 300  # about 640 000 characters
    began = time.perf_counter()
    mentions = tagger.tag(text, THU)
    elapsed = time.perf_counter() - began
    assert len(mentions) == 900
    assert elapsed < 5.0, f"tagging {len(text)} characters took {elapsed:.1f}s"


@pytest.mark.parametrize(
    ("passage", "span", "year"),
    [
        ("الذي كان تحت سيطرتهم منذ عام ٢٠٢١.", "منذ عام ٢٠٢١", 2021),
        ("وتسيطر عليه الفصائل منذ عام 2019م", "منذ عام 2019م", 2019),
        ("التي يحاصرها الجيش منذ العام 2016", "منذ العام 2016", 2016),
        ("وهي تحت سيطرتهم منذ سنة 2020", "منذ سنة 2020", 2020),
        ("held by the militia since the year 2018", "since the year 2018", 2018),
    ],
)
def test_since_a_named_year_is_that_year_not_a_year_ago(
    tagger: TemporalTagger, passage: str, span: str, year: int
) -> None:
    [m] = tagger.tag(passage, THU)
    assert (m.text, m.relation) == (span, "since")
    assert (m.when.earliest, m.when.latest) == (D(year, 1, 1), D(year, 12, 31))
    assert m.delta is None


def test_since_a_year_ago_is_still_a_count(tagger: TemporalTagger) -> None:
    [m] = tagger.tag("يحاصرونها منذ عام تقريباً", THU)
    assert (m.text, m.when.earliest, m.relation) == ("منذ عام", D(2021, 4, 14), "since")


@pytest.mark.parametrize(
    ("passage", "span", "delta"),
    [
        ("وذلك بعد يومين من إغلاقه", "بعد يومين من إغلاقه", (2, 2)),
        ("بعد ساعات من اقتحامها", "بعد ساعات من اقتحامها", (0, 0)),
        ("بعد أيام من سيطرتها", "بعد أيام من سيطرتها", (1, None)),
        ("بعد أسبوع من الاتفاق", "بعد أسبوع من الاتفاق", (7, 7)),
        ("two days later", "two days later", (2, 2)),
        ("a day after the SDF withdrew", "a day after the SDF", (1, 1)),
        ("three weeks after the attack", "three weeks after the attack", (21, 21)),
    ],
)
def test_a_count_from_an_event_carries_its_days_from_that_event(
    tagger: TemporalTagger, passage: str, span: str, delta: tuple[int | None, int | None]
) -> None:
    [m] = tagger.tag(passage, THU)
    assert (m.text, m.relation, m.delta) == (span, "after", delta)


@pytest.mark.parametrize(
    "passage",
    ["بعد يومين من 3 آذار", "two days after 3 March", "أمس", "قبل يومين", "منذ 16 يوماً", "on Thursday"],
)
def test_a_count_from_a_named_day_or_from_publication_has_no_event_delta(
    tagger: TemporalTagger, passage: str
) -> None:
    [m] = tagger.tag(passage, THU)
    assert m.delta is None


def test_without_publication_date_no_delta_is_computed(tagger: TemporalTagger) -> None:
    [m] = tagger.tag("بعد يومين من إغلاقه", None)
    assert m.delta is None and m.when.earliest is None


def test_attachment_barriers_come_from_the_data_file(tmp_path: Path) -> None:
    assert {"الذي", "استمرت", "which", "lasted"} <= set(TemporalTagger().barrier_words)
    data = json.loads(TIME_WORDS_FILE.read_text(encoding="utf-8"))
    data["attachment_barriers"] = ["dauerte"]
    words = tmp_path / "time_words.json"
    words.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert TemporalTagger(words).barrier_words == ("dauerte",)


# --- days after publication and periods said to be over before it --------------------------------------
@pytest.mark.parametrize(
    ("passage", "span", "day"),
    [
        ("من المقرر أن تتسلم الشرطة المبنى غداً", "غداً", D(2022, 4, 15)),
        ("ستنسحب القوات من البلدة غدا الجمعة", "غدا الجمعة", D(2022, 4, 15)),
        ("من المنتظر أن يُفتح المعبر بعد غد", "بعد غد", D(2022, 4, 16)),
        ("تتسلم القوة المقر بعد غد السبت وفق الاتفاق", "بعد غد السبت", D(2022, 4, 16)),
        ("The army will hand over the airport tomorrow", "tomorrow", D(2022, 4, 15)),
        ("Talks resume the day after tomorrow in Geneva", "the day after tomorrow", D(2022, 4, 16)),
    ],
)
def test_days_after_publication(tagger: TemporalTagger, passage: str, span: str, day: date) -> None:
    [m] = tagger.tag(passage, THU)
    assert passage[m.start : m.end] == span
    assert (m.when.earliest, m.when.latest) == (day, day)


@pytest.mark.parametrize(
    ("passage", "span", "first"),
    [
        ("The militia closed the crossing earlier this month", "earlier this month", D(2022, 4, 1)),
        ("Rebels seized the depot earlier this year", "earlier this year", D(2022, 1, 1)),
        ("Troops left the base earlier this week, officials said", "earlier this week", D(2022, 4, 11)),
        ("أغلقت الفصائل الطريق في وقت سابق من هذا الشهر", "في وقت سابق من هذا الشهر", D(2022, 4, 1)),
        ("انسحبت القوات في وقت سابق من العام الجاري", "في وقت سابق من العام الجاري", D(2022, 1, 1)),
    ],
)
def test_earlier_this_period_ends_the_day_before_publication(
    tagger: TemporalTagger, passage: str, span: str, first: date
) -> None:
    [m] = tagger.tag(passage, THU)
    assert passage[m.start : m.end] == span
    assert (m.when.earliest, m.when.latest) == (first, D(2022, 4, 13))


def test_this_month_without_earlier_still_reaches_the_publication_day(tagger: TemporalTagger) -> None:
    [m] = tagger.tag("The militia closed the crossing this month", THU)
    assert (m.when.earliest, m.when.latest) == (D(2022, 4, 1), THU)


def test_earlier_this_month_on_its_first_day_is_that_day(tagger: TemporalTagger) -> None:
    first = D(2022, 4, 1)
    [m] = tagger.tag("The militia closed the crossing earlier this month", first)
    assert (m.when.earliest, m.when.latest) == (first, first)


def test_clause_openers_come_from_the_data_file(tmp_path: Path) -> None:
    data = json.loads(TIME_WORDS_FILE.read_text(encoding="utf-8"))
    data["clause_openers"] = ["während"]
    words = tmp_path / "time_words.json"
    words.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert TemporalTagger(words).clause_openers == ("während",)
    assert "فيما" in TemporalTagger().clause_openers
