"""The access log and the import history become append-only; on PostgreSQL a trigger
refuses UPDATE and DELETE of their rows (SQLite has no such guard; the admin offers none)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


APPEND_ONLY = ("accounts_auditevent", "data_importrun")
FUNCTION = """
CREATE OR REPLACE FUNCTION ramme_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ramme: % er kun til tilføjelse (append-only); % er afvist',
        TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)  # its % are PL/pgSQL's, not placeholders
    for table in APPEND_ONLY:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION ramme_append_only()"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in APPEND_ONLY:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS ramme_append_only()")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_auditevent_denied'),
        ('data', '0003_import_history'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditevent',
            name='action',
            field=models.CharField(choices=[('read', 'Læst'), ('change', 'Ændret'), ('import', 'Importeret'), ('export', 'Udtrukket'), ('denied', 'Afvist'), ('login', 'Logget ind'), ('logout', 'Logget ud'), ('failed', 'Login afvist')], max_length=10, verbose_name='handling'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='tidspunkt'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='user',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
