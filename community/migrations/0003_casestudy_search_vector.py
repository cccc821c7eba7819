"""A stored full-text document for each case (CaseStudy.search_vector), on PostgreSQL.

A trigger computes it from search_text on every insert and update, so every way of writing a case (the
services, bulk_create in data loads, the admin) keeps it current. Search filters and ranks on the column
through a GIN index on it; the expression index of migration 0002 is dropped (nothing uses it any more).
Other databases get the column only (always empty): they search by substring (community.selectors).
"""

import django.contrib.postgres.search
from django.db import migrations

INDEX = "casestudy_search_vector_idx"
OLD_INDEX = "casestudy_search_gin_idx"
TRIGGER = "casestudy_search_vector_update"


def create_trigger_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF search_text ON community_casestudy "
        "FOR EACH ROW EXECUTE FUNCTION "
        "tsvector_update_trigger(search_vector, 'pg_catalog.english', search_text)"
    )
    schema_editor.execute(
        "UPDATE community_casestudy SET search_vector = to_tsvector('english'::regconfig, COALESCE(search_text, ''))"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON community_casestudy USING gin (search_vector)")


def drop_trigger_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON community_casestudy")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON community_casestudy "
        "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, '')))"
    )


class Migration(migrations.Migration):
    dependencies = [("community", "0002_casestudy_search_gin_index")]

    operations = [
        migrations.AddField(
            model_name="casestudy",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_trigger_and_index, drop_trigger_and_index, elidable=False),
    ]
