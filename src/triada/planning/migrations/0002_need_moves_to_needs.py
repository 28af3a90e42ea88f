# The Need model has moved to the needs app (needs 0001 took it over on the same table).
#
# State only: the plan items' link (table planning_planitem_needs, column need_id) stays as it
# is and points at the same rows; then planning forgets its own Need.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('needs', '0001_initial'),
        ('planning', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='planitem',
                    name='needs',
                    field=models.ManyToManyField(blank=True, related_name='plan_items', to='needs.need', verbose_name='needs answered'),
                ),
                migrations.DeleteModel(
                    name='Need',
                ),
            ],
            database_operations=[],
        ),
    ]
