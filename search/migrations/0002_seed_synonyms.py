from django.db import migrations

# Staff edit these in the admin; this first set covers the words investors most often mix up.
SYNONYM_GROUPS = [
    (["세금", "조세", "tax"], "Tax"),
    (["사무실", "사무공간", "사무 공간", "office", "office space"], "Office space"),
    (["인수", "인수합병", "m&a", "acquisition", "acquire", "merger"], "M&A; 'acquire' lets stemming find acquires"),
    (["semiconductor", "반도체", "chip"], "Semiconductors; also the companies in that sector"),
    (["ai", "인공지능", "artificial intelligence"], "AI"),
]


def add_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms, note in SYNONYM_GROUPS:
        if not SynonymGroup.objects.filter(terms__overlap=terms[:1]).exists():
            SynonymGroup.objects.create(terms=terms, note=note)


def remove_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=[terms for terms, _note in SYNONYM_GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_synonyms, remove_synonyms)]
