"""Let the editors and moderators of the agencies that exist already add and edit
their agency's datasets and resources (a new agency's groups get the permissions
from ``signal_handlers.py``)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ("add_dataset", "change_dataset", "add_resource", "change_resource")


def grant(apps, schema_editor):
    AgencySection = apps.get_model("agencies", "AgencySection")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    sections = list(AgencySection.objects.all())
    if not sections:
        return
    # Django creates the permissions of new models after the last migration; a
    # database that gets the open-data app and this migration at once has
    # agencies already but no dataset permissions yet.
    app_config = apps.get_app_config("opendata")
    stub = getattr(app_config, "models_module", None) is None
    if stub:  # a migration's app state; create_permissions skips it otherwise
        app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    if stub:
        app_config.models_module = None
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="opendata", codename__in=CODENAMES
        )
    )
    group_ids = {section.editors_id for section in sections} | {
        section.moderators_id for section in sections
    }
    for group in Group.objects.filter(pk__in=group_ids):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("opendata", "0002_indexes_and_name_rule"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
