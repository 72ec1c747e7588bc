"""Running the linkage model on Spark (Splink's Spark backend) for a history beyond one machine.

Normalisation, exact keys and clustering stay in DuckDB; the pairwise scoring (the part that
grows with the square of the data) runs on Spark with the same Splink settings.
"""


def local_session(*, cores=1):
    """A local SparkSession with Splink's similarity functions (jaro-winkler etc.) loaded."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("rohnamo-linkage")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )


def spark_api(spark, profiles):
    """A Splink SparkAPI on ``spark`` (a local session when None) and ``profiles`` (an Arrow
    table) registered in it."""
    from splink.backends.spark import SparkAPI

    session = spark if spark is not None else local_session()
    frame = session.createDataFrame(profiles)
    # Persisting breaks Spark's query lineage without needing a checkpoint directory.
    db_api = SparkAPI(spark_session=session, break_lineage_method="persist")
    return db_api, db_api.register(frame)
