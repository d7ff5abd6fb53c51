# Survey titles in other languages; the two demo surveys of an existing data directory get their
# Mongolian titles (a new demo creates them with the titles).

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

DEMO_TITLES = {
    "mn-demo": "Зохиомол жишээ: өөрийн үнэлгээ, Монгол",
    "mn-self-assessment": "Өөрийн үнэлгээ, Монгол (вэбээр нээлттэй)",
}


def title_the_demo_surveys(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Survey = apps.get_model("surveys", "Survey")
    for slug, title in DEMO_TITLES.items():
        Survey.objects.filter(slug=slug, titles={}).update(titles={"mn": title})


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_submissionscore_record"),
    ]

    operations = [
        migrations.AddField(
            model_name="survey",
            name="titles",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='The title in each other language, by language code: {"mn": "…"}.',
                verbose_name="title in other languages",
            ),
        ),
        migrations.RunPython(title_the_demo_surveys, migrations.RunPython.noop),
    ]
