# The yearly transfers are budget data: the model moves to the budgets app. Only Django's
# state changes here; the table (reports_yeartransfer) and its rows stay where they are.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0002_initiative_links'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='YearTransfer')],
            database_operations=[],
        ),
    ]
