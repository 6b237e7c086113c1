# The yearly transfers, moved from the reports app: Django's state only, on the table the
# reports app created (db_table keeps its name, so existing rows stay).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('data', '0001_initial'),
        ('reports', '0003_yeartransfer_to_budgets'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='YearTransfer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveIntegerField(verbose_name='regnskabsår')),
                        ('amount', models.DecimalField(decimal_places=2, default=0, max_digits=16, verbose_name='beløb (kr.)')),
                        ('note', models.CharField(blank=True, max_length=300, verbose_name='bemærkning')),
                        ('activity', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, to='data.activityline', verbose_name='aktivitet')),
                    ],
                    options={
                        'verbose_name': 'overførsel',
                        'verbose_name_plural': 'overførsler',
                        'ordering': ['year', 'activity__position', 'activity__name'],
                        'db_table': 'reports_yeartransfer',
                        'constraints': [models.UniqueConstraint(fields=('year', 'activity'), name='yeartransfer_unique_line')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
