"""The statistician's month, in browsers: she uploads the airport's cards with some bad rows,
reads the error report, links the cards into persons, opens the first quarter of 2026 and the
dashboard; a manager then sees the dashboard's counts."""

import pytest

from rohnamo.core.choices import Role
from rohnamo.core.jobs import run_job
from rohnamo.core.models import Job
from rohnamo.core.tests.factories import make_user
from tests_e2e.staff import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADER = (
    "card_number,crossing_point,direction,crossing_date,surname,given_name,patronymic,sex,"
    "birth_date,passport_number,citizenship,residence_district,country,purpose,education,occupation"
)
GOOD = [
    "D1,DYU,exit,2025-02-10,Ҳамидов,Фаррух,Ҷӯраевич,M,1990-03-04,400111,TJ,Хуҷанд,RU,work,,",
    "D2,DYU,exit,2026-01-12,Хамидов,Фаррух,Джураевич,M,04.03.1990,400111,TJ,Худжанд,RU,work,,",
    "D3,DYU,entry,2026-03-02,Khamidov,Farrukh,Juraevich,M,1990-03-04,400111,TJ,Khujand,RU,work,,",
    "D4,DYU,exit,2026-02-03,Раҳимова,Нигина,,F,1995-07-09,400222,TJ,Кӯлоб,KZ,work,,",
    "D5,DYU,exit,2026-02-20,,,,M,,,TJ,,RU,work,,",
]
BAD = [
    "D6,DYU,sideways,2026-02-21,Носиров,Умед,,M,2000-05-05,700777,TJ,,RU,work,,",
    "D7,DYU,exit,31/31/2026,Носиров,Умед,,M,2000-05-05,700777,TJ,,RU,work,,",
]


def test_a_statistician_imports_links_and_reads_the_quarter_and_the_dashboard(
    live_server, browser, tmp_path, centre
):
    make_user("jamshed", Role.STATISTICIAN, centre)
    make_user("bahrom", Role.MANAGER, centre)
    cards = tmp_path / "dyu-2026-02.csv"
    cards.write_text("\n".join([HEADER, *GOOD, *BAD]) + "\n", encoding="utf-8")
    base = live_server.url

    desk = log_in(browser, base, "jamshed")
    desk.goto(f"{base}/staff/statistics/imports/")
    desk.set_input_files("input[name=file]", str(cards))
    desk.click("main form button[type=submit]")
    desk.wait_for_load_state()
    run_job(Job.objects.get(kind="crossing_import").pk)  # what the background worker does

    desk.goto(f"{base}/staff/statistics/imports/")
    desk.click("table.imports a:has-text('dyu-2026-02.csv')")
    desk.wait_for_load_state()
    facts = desk.locator("dl.facts").inner_text()
    assert "5" in facts and "2" in facts
    with desk.expect_download() as download:
        desk.click("a.button[href$='/report.csv']")
    report = download.value.path().read_text(encoding="utf-8-sig")
    assert "sideways" in report and "31/31/2026" in report
    assert "D1," not in report, "good rows are not in the report"

    desk.goto(f"{base}/staff/statistics/linkage/")
    desk.click("main form button[type=submit]")
    desk.wait_for_load_state()
    run_job(Job.objects.get(kind="crossing_linkage").pk)
    desk.reload()
    # The interface speaks Tajik, as the statistician does.
    assert "5 корт ба 3 шахс тааллуқ дорад" in desk.locator("pre.log").inner_text()

    desk.goto(f"{base}/staff/statistics/tables/?table=quarterly&period=2026-Q1")
    table = desk.locator("table.stats")
    assert table.count() == 1
    text = table.inner_text()
    assert "2025" in text and "%" in text

    desk.goto(f"{base}/staff/statistics/dashboard/")
    assert desk.locator("main figure svg").count() >= 3

    manager = log_in(browser, base, "bahrom")
    manager.goto(f"{base}/staff/statistics/dashboard/")
    assert manager.locator("main figure svg").count() >= 3
    assert "Ҳамидов" not in manager.content()
    response = manager.goto(f"{base}/staff/statistics/imports/")
    assert response.status == 404
