"""A site's navigation labels (cleaner/text/navlabels.yaml): the vocabulary that tells a
site's menu from a table of contents or a product's facets."""
from __future__ import annotations

from pathlib import Path

import pytest

import cleaner.text
from cleaner.errors import PackError
from cleaner.text.navlabels import LABELS, labels_for, load_navlabels, names_site, nav_label


def test_navlabels_yaml_names_every_language_with_a_pack():
    # a language pack without labels would read every site's menu there by English alone
    langs = {p.stem for p in (Path(__file__).parents[1] / "rules" / "lang").glob("*.yaml")}
    assert langs and langs <= set(LABELS), sorted(langs - set(LABELS))


def test_a_bad_navlabels_yaml_says_which_line_to_fix():
    for text in ("fr: accueil", "en: [home, 12]", "- home", "de: []"):
        with pytest.raises(PackError, match="n.yaml"):
            load_navlabels(text, "n.yaml")
    assert load_navlabels("en: [home]", "n.yaml") == {"en": ["home"]}
    with pytest.raises(PackError, match=r"n\.yaml:2"):  # the line to fix (review-s10b 8)
        load_navlabels("en: [home]\nde: []\n", "n.yaml")
    with pytest.raises(PackError, match="English's navigation labels are missing"):
        load_navlabels("de: [startseite]", "n.yaml")


def test_a_label_is_a_whole_line_once_its_separators_go():
    en = labels_for("en")
    for line in ["Home", "| World |  |", "» Contact us", "News & Events", "Arts and Culture",
                 "Sign in / Register", "LOGIN"]:
        assert nav_label(line, en), line
    # a label inside a longer name is no label: a product's "Heart Health", a shop's
    # "Search products", a company's "» Contact HP"
    for line in ["Heart Health", "Search products", "» Contact HP", "Home and Garden Tools",
                 "News & Events & Sports & Weather", ""]:
        assert not nav_label(line, en), line


def test_a_page_s_language_adds_its_labels_to_english():
    assert nav_label("Startseite", labels_for("de"))
    assert not nav_label("Startseite", labels_for("en"))
    assert nav_label("Home", labels_for("de"))  # sites everywhere write "Home"
    assert labels_for(None) == labels_for("xx") == LABELS["en"]
    assert names_site(["Muscle Function", "Reduced Fatigue", "Contact", "Log in"], "en")
    assert not names_site(["Muscle Function", "Reduced Fatigue"], "en")


def test_the_data_file_sits_beside_the_module():
    # the package ships it (a wheel without it would fail at import)
    assert (Path(cleaner.text.__file__).with_name("navlabels.yaml")).is_file()


def test_one_label_by_chance_makes_no_site_menu():
    # review-s10b 5: a product's tabs or a manual's contents hold a label by chance ("Features",
    # "FAQ"); a site's menu names two of its sections at least (all of a run shorter than that)
    from cleaner.text.navlabels import names_site
    assert not names_site(["Overview", "Features", "Specifications", "Reviews"], "en")
    assert not names_site(["Installation", "Usage", "Configuration", "FAQ"], "en")
    assert names_site(["Home", "Products", "Our story", "Stockists"], "en")
    assert names_site(["Home"], "en")


def test_a_field_labelled_as_chrome():
    # chromefields.yaml: the labels of chrome written as a field; a navigation label counts too
    from cleaner.text.navlabels import chrome_field, load_chromefields
    for label, lang in [("Copyright", "en"), ("Most read", "en"), ("Follow us", "en"),
                        ("Contact us", "en"), ("Meistgelesen", "de"), ("Suivez-nous", "fr"),
                        ("Photos", "de")]:
        assert chrome_field(label, lang), label
    for label in ["Allergen Information", "Blackout dates", "Caribbean", "Original strings"]:
        assert not chrome_field(label, "en"), label
    with pytest.raises(PackError, match=r"c\.yaml:2"):
        load_chromefields("en: [copyright]\nde: []\n", "c.yaml")
