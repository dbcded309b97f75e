"""The ``griffie`` group: committee clerks who upload letters, review and record status changes.

Permissions are created here explicitly (Django only creates them after all migrations ran),
so the group has its permissions on a fresh database right away.
"""

from django.db import migrations

GROUP = "griffie"
APPS = ("documents", "commitments", "web")


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for label in APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(schema_editor.connection.alias).get_or_create(name=GROUP)
    perms = Permission.objects.filter(content_type__app_label__in=APPS)
    group.permissions.add(*perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
        ("commitments", "0002_seed_calendar"),
        ("web", "0001_upload_job"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
