from django.core.management import call_command

from govportal.cyrillic.catalogues import transliterate_message


def test_cyrillic_catalogues_are_generated_from_the_latin_ones():
    call_command("make_cyrillic_catalogues", check=True)


def test_placeholders_and_markup_survive_transliteration():
    text = 'Matn %(count)s ta, %s va {name} <a href="/uz/">sahifa</a>'
    assert (
        transliterate_message(text, lang="uz")
        == 'Матн %(count)s та, %s ва {name} <a href="/uz/">саҳифа</a>'
    )
