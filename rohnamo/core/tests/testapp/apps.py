from django.apps import AppConfig


class TestAppConfig(AppConfig):
    name = "rohnamo.core.tests.testapp"
    label = "testapp"
