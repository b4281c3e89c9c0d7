from tests.opendata_world import open_world, summary_world  # noqa: F401
