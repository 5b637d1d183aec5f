"""The cache of the shipped packs between processes (cleaner/engine/packcache.py): read back
only for exactly the same pack files and code, never in a folder others may write to, and a
run without it (off, unwritable, a broken file) reads the YAML as before."""
from __future__ import annotations

import os
import stat

import pytest

from cleaner.engine import packcache
from cleaner.engine.packs import _cached_packset, get_packset, load_pack, shipped_pack_files


@pytest.fixture(scope="module")
def files():
    # a few small shipped packs: each test builds them once or twice
    return sorted(shipped_pack_files(), key=lambda f: len(f[1]))[:3]


def _builder(files, calls):
    def build():
        calls.append(1)
        return [load_pack(path, text, shipped=True) for path, text in files]
    return build


def _summary(packs):
    return [(p.name, p.path, p.kind, p.languages, p.domains, p.stopwords, p.disable,
             [(r.id, type(r).__name__, r.value, r.category, r.pack_kind, r.listed_in, r.timeout,
               r.lowered, r.options) for r in p.rules]) for p in packs]


def test_packs_are_built_once_then_read_back_the_same(tmp_path, monkeypatch, files):
    monkeypatch.setenv(packcache.ENV_VAR, str(tmp_path / "cache"))
    calls: list = []
    first = packcache.cached_packs(files, _builder(files, calls))
    second = packcache.cached_packs(files, _builder(files, calls))
    assert len(calls) == 1
    assert len(list((tmp_path / "cache").glob("packs-*.pickle"))) == 1
    assert _summary(second) == _summary(first)
    assert second is not first and second[0].rules[0] is not first[0].rules[0]


def test_a_changed_pack_file_is_never_read_from_a_stale_file(tmp_path, monkeypatch, files):
    monkeypatch.setenv(packcache.ENV_VAR, str(tmp_path))
    calls: list = []
    packcache.cached_packs(files, _builder(files, calls))
    path, text = files[0]
    changed = [(path, text.replace("\n", "\n# edited\n", 1))] + files[1:]
    assert packcache.cache_key(changed) != packcache.cache_key(files)
    packcache.cached_packs(changed, _builder(changed, calls))
    assert len(calls) == 2


def test_the_key_holds_the_packages_code(monkeypatch, files):
    key = packcache.cache_key(files)
    monkeypatch.setattr(packcache, "_sources_digest", lambda: b"other code")
    assert packcache.cache_key(files) != key


@pytest.mark.parametrize("value", ["", "off", "0"])
def test_switched_off_it_reads_the_yaml_each_time(tmp_path, monkeypatch, files, value):
    monkeypatch.setenv(packcache.ENV_VAR, value)
    monkeypatch.chdir(tmp_path)
    calls: list = []
    packcache.cached_packs(files, _builder(files, calls))
    packcache.cached_packs(files, _builder(files, calls))
    assert len(calls) == 2 and not list(tmp_path.iterdir())


def test_a_broken_file_is_read_from_the_yaml_and_written_again(tmp_path, monkeypatch, files):
    monkeypatch.setenv(packcache.ENV_VAR, str(tmp_path))
    calls: list = []
    packcache.cached_packs(files, _builder(files, calls))
    (cached,) = tmp_path.glob("packs-*.pickle")
    cached.write_bytes(cached.read_bytes()[:1000])  # cut short
    packs = packcache.cached_packs(files, _builder(files, calls))
    assert len(calls) == 2 and packs and packcache._load(cached) is not None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.name == "nt", reason="POSIX modes")
def test_a_folder_others_may_write_to_is_not_used(tmp_path, monkeypatch, files):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    monkeypatch.setenv(packcache.ENV_VAR, str(folder))
    calls: list = []
    packcache.cached_packs(files, _builder(files, calls))
    packcache.cached_packs(files, _builder(files, calls))
    assert len(calls) == 2 and not list(folder.iterdir())


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path, monkeypatch, files):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(packcache.ENV_VAR, str(blocker / "cache"))
    calls: list = []
    assert packcache.cached_packs(files, _builder(files, calls)) and len(calls) == 1


def test_a_new_folder_is_the_users_alone(tmp_path, monkeypatch, files):
    monkeypatch.setenv(packcache.ENV_VAR, str(tmp_path / "new"))
    packcache.cached_packs(files, _builder(files, []))
    if os.name != "nt":
        assert stat.S_IMODE((tmp_path / "new").stat().st_mode) & 0o077 == 0


def test_old_files_beyond_the_kept_number_are_deleted(tmp_path, monkeypatch, files):
    monkeypatch.setenv(packcache.ENV_VAR, str(tmp_path))
    for k in range(packcache.KEPT + 3):
        old = tmp_path / f"packs-old{k}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1000 + k, 1000 + k))
    packcache.cached_packs(files, _builder(files, []))
    left = sorted(p.name for p in tmp_path.glob("packs-*.pickle"))
    assert len(left) == packcache.KEPT and "packs-old0.pickle" not in left


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(packcache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert packcache.cache_dir() == tmp_path / "cleaner"


def test_cleaning_with_packs_read_back_gives_the_same_text(tmp_path, monkeypatch):
    from cleaner import clean_document as clean

    page = ("Council approves new budget\n\nAdvertisement\n\nThe city council approved the new "
            "budget on Tuesday after a long debate.\n\nShare this article\n")
    monkeypatch.setenv(packcache.ENV_VAR, "off")
    _cached_packset.cache_clear()
    try:
        plain = clean(page)
        monkeypatch.setenv(packcache.ENV_VAR, str(tmp_path))
        _cached_packset.cache_clear()
        get_packset()  # built and stored
        _cached_packset.cache_clear()
        assert list(tmp_path.glob("packs-*.pickle"))
        again = clean(page)  # read back
    finally:
        _cached_packset.cache_clear()
    assert again.text == plain.text
    assert [r.rule_id for r in again.removals] == [r.rule_id for r in plain.removals]


def test_a_package_without_its_sources_gets_no_cache(tmp_path, monkeypatch, files):
    def no_sources():
        raise OSError("no Python sources")
    monkeypatch.setenv(packcache.ENV_VAR, str(tmp_path))
    monkeypatch.setattr(packcache, "_sources_digest", no_sources)
    calls: list = []
    packcache.cached_packs(files, _builder(files, calls))
    packcache.cached_packs(files, _builder(files, calls))
    assert len(calls) == 2 and not list(tmp_path.iterdir())
