"""Partners find the API described in OpenAPI 3, with docs served from this server."""

import re


def test_the_schema_describes_the_offices_endpoint(client, nigora):
    client.force_login(nigora)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/offices/" in schema["paths"]
    assert "patch" in schema["paths"]["/api/v1/offices/{id}/"]


def test_the_docs_page_loads_nothing_from_other_servers(client, nigora):
    client.force_login(nigora)
    html = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in html
    assert re.findall(r'(?:src|href)="https?://', html) == []
