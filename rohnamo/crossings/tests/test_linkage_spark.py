import logging
import shutil

import pytest

from rohnamo.crossings.linkage import LINKAGE_COLUMNS, link_cards
from rohnamo.crossings.linkage.quality import pairwise_scores
from rohnamo.crossings.synthetic import generate_cards, linkage_table

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None, reason="Spark needs a Java runtime (java not found on PATH)"
)


@pytest.fixture(scope="session")
def spark():
    from rohnamo.crossings.linkage.spark import local_session

    # py4j says goodbye at interpreter exit, after pytest has closed the log streams.
    logging.getLogger("py4j").setLevel(logging.WARNING)
    session = local_session(cores=1)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_the_spark_backend_finds_the_same_persons_as_duckdb(spark):
    table = linkage_table(generate_cards(cards=200, seed=51))
    cards = table.select(LINKAGE_COLUMNS)
    on_spark = link_cards(cards, engine="spark", spark=spark)
    on_duckdb = link_cards(cards)
    assert on_spark.metrics["engine"] == "spark"
    same = pairwise_scores(
        on_spark.clusters, on_duckdb.clusters.rename_columns(["card_id", "true_person"])
    )
    assert same["f1"] > 0.99
    truth = pairwise_scores(on_spark.clusters, table.select(["card_id", "true_person"]))
    assert truth["f1"] > 0.95
