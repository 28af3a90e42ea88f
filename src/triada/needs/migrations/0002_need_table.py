# The needs' table takes the app's name: planning_need → needs_need. The plan items' link
# (planning_planitem_needs.need_id) follows the rename on both databases: PostgreSQL keeps its
# foreign key by the table's identity, SQLite (3.26+) rewrites the reference.
#
# What stored the model's old label moves with it: the content type ('planning', 'need'), with
# the permissions that point at it, and the audit log's entries about needs (object_type
# "planning.need", read back with apps.get_model). The search index keys needs by its own kind
# ("need"), not by the label. Both ways, so the migration can be reversed.

from django.db import migrations

OLD, NEW = ('planning', 'need'), ('needs', 'need')


def _move(apps, db, source, target):
    content_types = apps.get_model('contenttypes', 'ContentType').objects.using(db)
    # Not when migrate has already made the new one (then the old one is stale, as after any
    # removed model: `remove_stale_contenttypes` deals with it).
    if not content_types.filter(app_label=target[0], model=target[1]).exists():
        content_types.filter(app_label=source[0], model=source[1]).update(
            app_label=target[0], model=target[1]
        )
    apps.get_model('audit', 'AuditEntry').objects.using(db).filter(
        object_type='.'.join(source)
    ).update(object_type='.'.join(target))


def forwards(apps, schema_editor):
    _move(apps, schema_editor.connection.alias, OLD, NEW)


def backwards(apps, schema_editor):
    _move(apps, schema_editor.connection.alias, NEW, OLD)


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_security_events'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('needs', '0001_initial'),
        ('planning', '0002_need_moves_to_needs'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='need',
            table=None,
        ),
        migrations.RunPython(forwards, backwards),
    ]
