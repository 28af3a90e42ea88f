# The Need model moves here from planning (its table stays; needs 0002 renames it).
#
# State only: the table planning_need exists (planning 0001) and keeps its rows. This gives the
# needs app the model as it is, on that table; planning 0002 then points PlanItem.needs here
# and forgets its own Need, and 0002 below renames the table.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('areas', '0002_area_notice_days'),
        ('meetings', '0002_agenda_documents'),
        ('planning', '0001_initial'),
        ('structure', '0002_body_quorum_percent'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Need',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField(verbose_name='need')),
                        ('target_group', models.CharField(blank=True, max_length=200, verbose_name='target group')),
                        ('status', models.CharField(choices=[('new', 'new'), ('accepted', 'accepted'), ('addressed', 'addressed by a measure'), ('rejected', 'rejected')], default='new', max_length=20, verbose_name='status')),
                        ('reason', models.TextField(blank=True, verbose_name='reason')),
                        ('submitter_name', models.CharField(blank=True, max_length=200, verbose_name='name')),
                        ('submitter_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('published', models.BooleanField(default=False, help_text='Needs from the public are moderated first.', verbose_name='published')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='needs', to='areas.area', verbose_name='planning area')),
                        ('body', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='needs', to='structure.body', verbose_name='raised by body')),
                        ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='needs', to='meetings.meeting', verbose_name='raised at meeting')),
                    ],
                    options={
                        'verbose_name': 'need',
                        'verbose_name_plural': 'needs',
                        'ordering': ['-created_at', '-pk'],
                        'db_table': 'planning_need',
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('status', 'rejected'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='need_rejection_has_reason', violation_error_message='Say why the need is rejected.')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
