"""The demo directory shows ten invented organisations, the legal-aid NGO in Yekaterinburg
answered by the demo partner office, and loading it again changes nothing."""

from django.core.management import call_command

from rohnamo.directory.models import Location, Organization, Phone, Service, ServiceAtLocation

DEMO_MARKS = ("(демо)", "(намоишӣ)", "(demo)")


def counts():
    return [model.objects.count() for model in (Organization, Service, Location, Phone,
                                                ServiceAtLocation)]  # fmt: skip


def test_the_demo_directory_loads_once_and_marks_every_name(db, settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    first = counts()
    call_command("load_demo")

    assert counts() == first
    assert first[0] == 10
    assert all(
        organization.name.endswith(DEMO_MARKS) for organization in Organization.objects.all()
    )
    legal_aid = Organization.objects.get(office__code="ngo-huquq")
    assert "Екатеринбург" in legal_aid.name
    assert legal_aid.services.filter(categories__code="legal-aid").exists()
    html = client.get("/tg/help/", {"place": "d:khatlon-kulob"}).content.decode()
    assert "Курсҳои касбӣ" in html
