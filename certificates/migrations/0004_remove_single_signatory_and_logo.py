from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_move_signatory_and_logo"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='certificate',
            name='signatory_name',
        ),
        migrations.RemoveField(
            model_name='certificate',
            name='signatory_title',
        ),
        migrations.RemoveField(
            model_name='certificatetemplate',
            name='logo',
        ),
        migrations.RemoveField(
            model_name='certificatetemplate',
            name='signatory_name',
        ),
        migrations.RemoveField(
            model_name='certificatetemplate',
            name='signatory_title',
        ),
    ]
