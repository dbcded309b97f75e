from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('web', '0003_upload_confirm_step'),
    ]

    operations = [
        migrations.AddField(
            model_name='uploadjob',
            name='lease_until',
            field=models.DateTimeField(blank=True, help_text='Zolang de verwerking loopt: tot wanneer de worker de taak vasthoudt (verlengd bij elke voortgang).', null=True, verbose_name='lease tot'),
        ),
    ]
