"""Is this person on a list the Migration Service has received? Answered from the newest
version of each list, and only about the identity asked for.

A person is identified by the date of birth together with either the passport number or the
full name. Names are compared by the phonetic keys record linkage uses
(``rohnamo.crossings.linkage.normalise``), so "Ҳамидов Фаррух", "Хамидов Фаррух" and
"Khamidov Farrukh" are one key; the date of birth must be equal, so a namesake born on another
day is never named. The key of an entry is "surname key|given-name key": the patronymic is
optional on the public form and often missing from lists, so it only narrows a match when both
the list and the person give one.
"""

from dataclasses import dataclass, field

from rohnamo.crossings.linkage.normalise import name_key, passport_key, patronymic_key, surname_key
from rohnamo.departure.models import BanList, ListEntry


def entry_name_key(surname, given_name):
    """The key stored on an entry and built for a query: "surname key|given-name key"."""
    return f"{surname_key(surname)}|{name_key(given_name)}"


@dataclass
class Finding:
    """One list naming the person asking."""

    ban_list: BanList
    entry: ListEntry

    @property
    def country(self):
        return self.ban_list.country

    @property
    def kind(self):
        return self.ban_list.kind

    @property
    def listed_from(self):
        return self.entry.listed_from

    @property
    def listed_until(self):
        return self.entry.listed_until

    @property
    def surname_only(self):
        """The list gives no given name: anyone with this surname and birth date matches, so
        the answer says it may be someone else (in 300,000 synthetic entries, most wrong
        alerts came from such rows: ``bench/departure_lists.py``)."""
        return not self.entry.given_name and not self.entry.passport_number


@dataclass
class CheckResult:
    findings: list = field(default_factory=list)
    newest_list_on: object = None  # the date the newest list was received, None if none

    @property
    def found(self):
        return bool(self.findings)


def newest_versions():
    """The newest received version of each list (country, kind and name), as BanList rows."""
    newest = {}
    for ban_list in BanList.objects.select_related("country").order_by("-received_on", "-id"):
        group = (ban_list.country_id, ban_list.kind, " ".join(ban_list.name.split()).casefold())
        newest.setdefault(group, ban_list)
    return list(newest.values())


def check(*, birth_date, passport=None, surname=None, given_name=None, patronymic=None, lists=None):
    """The lists naming this identity, from the newest version of each list.

    Needs ``birth_date`` and either ``passport`` or ``surname`` with ``given_name``; an entry
    that names only a surname matches on surname and date of birth (the list told no more).
    A batch of checks passes ``lists`` (``newest_versions()``) once for all.
    """
    if birth_date is None:
        raise ValueError("a check needs the date of birth")
    if lists is None:
        lists = newest_versions()
    result = CheckResult(newest_list_on=max((each.received_on for each in lists), default=None))
    if not lists:
        return result
    candidates = ListEntry.objects.filter(
        ban_list__in=[each.pk for each in lists], birth_date=birth_date
    )
    wanted_passport = passport_key(passport or "")
    entries = []
    if wanted_passport:
        entries += candidates.filter(passport_key=wanted_passport)
    if surname and given_name:
        full = entry_name_key(surname, given_name)
        surname_only = entry_name_key(surname, "")
        wanted_father = patronymic_key(patronymic or "")
        for entry in candidates.filter(name_key__in=[full, surname_only]):
            listed_father = patronymic_key(entry.patronymic)
            if wanted_father and listed_father and wanted_father != listed_father:
                continue
            entries.append(entry)
    by_id = {each.pk: each for each in lists}
    seen = set()
    for entry in sorted(entries, key=lambda each: each.pk):
        if entry.ban_list_id in seen:
            continue
        seen.add(entry.ban_list_id)
        result.findings.append(Finding(by_id[entry.ban_list_id], entry))
    return result
