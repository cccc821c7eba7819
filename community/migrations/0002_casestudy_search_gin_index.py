"""PostgreSQL only: a GIN index on the full-text document of a case (community.selectors.search_vector()).

The expression must match the one Django generates for SearchVector("search_text", config="english"), or
the planner will not use the index. Other databases search by substring and get no index.
"""

from django.db import migrations

INDEX = "casestudy_search_gin_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON community_casestudy "
        "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, '')))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("community", "0001_discussions_and_knowledge_hub")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
