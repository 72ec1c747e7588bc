"""Before departure, in browsers: the Migration Service imports an entry-ban list; a man checks
himself on "Can I travel?" (his near-namesake born another day is not named); another man asks
to be alerted and is, when a newer list names him; a trainer runs an orientation course, and an
employer checks the certificate by the address its QR code carries."""

import pytest
from django.utils import timezone

from rohnamo.core.choices import Role
from rohnamo.core.jobs import run_job
from rohnamo.core.models import Country, District, Job, Language
from rohnamo.core.tests.factories import make_user
from rohnamo.departure.alerts.choices import MessageReason, MessageStatus
from rohnamo.departure.models import Certificate, OutgoingMessage
from tests_e2e.staff import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADER = "surname,given_name,patronymic,birth_date,passport_number,reason,listed_from,listed_until"
JANUARY_LIST = [
    "Ҳамидов,Фаррух,Каримович,02.04.1990,401234567,нарушение режима,01.03.2024,01.03.2029",
    "Носиров,Умед,,1985-12-01,,,2025-01-01,",
]
MARCH_LIST = [*JANUARY_LIST, "Ғафуров,Ӯмед,Саидович,1995-01-07,402345678,,2026-02-01,"]


def import_list(desk, base, path, *, received_on):
    desk.goto(f"{base}/staff/departure/lists/")
    desk.set_input_files("input[name=file]", str(path))
    desk.fill("input[name=name]", "Entry bans")
    desk.fill("input[name=received_on]", received_on)
    desk.click("form.narrow button[type=submit]")
    desk.wait_for_load_state()
    run_job(Job.objects.filter(kind="departure_list_import").latest("pk").pk)  # the worker


def check(migrant, base, *, birth_date, surname, given_name):
    migrant.goto(f"{base}/tg/can-i-travel/")
    migrant.fill("input[name=birth_date]", birth_date)
    migrant.fill("input[name=surname]", surname)
    migrant.fill("input[name=given_name]", given_name)
    migrant.click("form.request:not(.alerts) button[type=submit]")
    migrant.wait_for_load_state()
    return migrant.locator("section.answer").inner_text()


def test_a_listed_man_learns_it_a_subscriber_is_alerted_and_a_certificate_verifies(
    live_server, browser, page_without_javascript, tmp_path, centre, settings
):
    settings.ROHNAMO_PUBLIC_URL = live_server.url
    make_user("jamshed", Role.STATISTICIAN, centre)
    make_user("nisso", Role.COUNSELLOR, centre)
    base = live_server.url
    january, march = tmp_path / "bans-january.csv", tmp_path / "bans-march.csv"
    january.write_text("\n".join([HEADER, *JANUARY_LIST]) + "\n", encoding="utf-8")
    march.write_text("\n".join([HEADER, *MARCH_LIST]) + "\n", encoding="utf-8")

    desk = log_in(browser, base, "jamshed")
    import_list(desk, base, january, received_on="2026-01-10")

    # The man from Vahdat writes his name in Latin letters; the list has it in Tajik.
    migrant = page_without_javascript
    answer = check(migrant, base, birth_date="1990-04-02", surname="Khamidov", given_name="Farrukh")
    assert migrant.locator("section.answer .notice h2").count() == 1
    assert "01.03.2024" in answer and "10.01.2026" in answer
    assert "Носиров" not in migrant.content(), "nobody else is ever named"
    assert migrant.locator("section.answer a[href*='/tg/ask/']").count() == 1
    # His namesake born a day later is on no list, and is told the date of the newest list.
    answer = check(migrant, base, birth_date="1990-04-03", surname="Khamidov", given_name="Farrukh")
    assert migrant.locator("section.answer .notice").count() == 0
    assert "10.01.2026" in answer

    # Umed, on no list yet, asks to be told when a newer list names him.
    check(migrant, base, birth_date="1995-01-07", surname="Ғафуров", given_name="Ӯмед")
    assert migrant.locator("section.answer .notice").count() == 0
    form = migrant.locator("form.alerts")
    form.locator("input[name=alert-birth_date]").fill("1995-01-07")
    form.locator("input[name=alert-passport]").fill("402345678")
    form.locator("input[name=alert-phone]").fill("+992 93 555 12 34")
    form.locator("input[name=alert-consent]").check()
    form.locator("button[name=subscribe]").click()
    migrant.wait_for_load_state()
    assert migrant.locator("section.answer").count() == 1

    import_list(desk, base, march, received_on="2026-03-05")
    alert = OutgoingMessage.objects.get(reason=MessageReason.ALERT)
    run_job(Job.objects.filter(kind="departure_send_messages").latest("pk").pk)
    alert.refresh_from_db()
    assert alert.status == MessageStatus.SENT and alert.language == "tg"
    desk.goto(f"{base}/staff/departure/messages/")
    outbox = desk.locator("main table").last.inner_text()
    assert "12 34" in outbox and "555" not in outbox, "staff see the number masked"

    # Nisso schedules a one-day course at the Dushanbe centre and trains it.
    trainer = log_in(browser, base, "nisso")
    today = timezone.localdate()
    trainer.goto(f"{base}/staff/departure/courses/new/")
    trainer.fill("#id_title", "Кор дар Русия: ҳуқуқ ва қоидаҳо")
    trainer.select_option("#id_destination", str(Country.objects.get(code="RU").pk))
    trainer.select_option("#id_language", str(Language.objects.get(code="tg").pk))
    trainer.fill("#id_place", "Душанбе, хиёбони Рӯдакӣ 1")
    trainer.fill("#id_starts_on", today.isoformat())
    trainer.fill("#id_ends_on", today.isoformat())
    trainer.fill("#id_seats", "10")
    trainer.select_option("#id_status", "open")
    trainer.check("#id_published")
    trainer.click("button[name=save]")
    trainer.wait_for_load_state()
    trainer.fill("#id_date", today.isoformat())
    trainer.fill("#id_starts_at", "00:00")
    trainer.click("button[name=add_session]")
    trainer.wait_for_load_state()
    course_page = trainer.url

    migrant.goto(f"{base}/tg/courses/")
    migrant.click("main a:has-text('Кор дар Русия')")
    migrant.fill("input[name=full_name]", "Ғафуров Ӯмед")
    migrant.check("input[name=sex][value=male]")
    migrant.fill("input[name=birth_year]", "1995")
    migrant.select_option("select[name=district]", str(District.objects.first().pk))
    migrant.click("button[name=enrol]")
    migrant.wait_for_load_state()
    assert migrant.locator("section.answer").count() == 1

    trainer.goto(course_page)
    trainer.click("main a[href*='/attendance/']")
    trainer.locator("fieldset input[type=checkbox]").first.check()
    trainer.click("button[name=save_attendance]")
    trainer.wait_for_load_state()
    trainer.goto(course_page)
    trainer.click("main a[href$='/certificates/']")
    trainer.click("button[name=issue]")
    trainer.wait_for_load_state()
    assert trainer.locator("table.certificates tbody tr").count() == 1
    trainer.click("table.certificates a[href$='/print/']")
    trainer.wait_for_load_state()
    assert trainer.locator(".verify svg").count() == 1, "the QR code is printed"
    qr_address = trainer.locator(".verify strong").first.inner_text()
    certificate = Certificate.objects.get()
    assert qr_address.startswith(f"{base}/tg/certificate/")

    # An employer scans the QR code: genuine, for whom (partly hidden) and which course.
    employer = browser.new_context(java_script_enabled=False).new_page()
    employer.goto(qr_address)
    verdict = employer.locator("section.certificate-answer.genuine").inner_text()
    assert "Кор дар Русия" in verdict and "Ғафуров Ӯмед" not in verdict
    assert certificate.enrolment.full_name == "Ғафуров Ӯмед"
    assert "Ғ" in verdict and "д" in verdict
    # A forged code is not a certificate.
    response = employer.goto(f"{base}/tg/certificate/ABCD-EFGH-JKLM/")
    assert response.status == 404
    assert employer.locator("section.certificate-answer").count() == 0
