"""The bounded memo caches: remembered answers, a full cache emptied, cache_clear()."""
import pytest
import gc

from cleaner.memo import memo


def _double_and_add(calls: list):
    """Two memoised functions, of one argument and of two, that note each real call."""
    @memo(8)
    def double(x):
        calls.append(x)
        return 2 * x

    @memo(8)
    def add(a, b):
        calls.append((a, b))
        return a + b

    return double, add


def test_remembers_one_and_several_arguments():
    calls = []
    double, add = _double_and_add(calls)
    assert [double(3), double(3), add(1, 2), add(1, 2)] == [6, 6, 3, 3]
    assert calls == [3, (1, 2)]
    assert double.__name__ == "double"


def test_a_full_cache_is_emptied_and_answers_stay_right():
    @memo(4)
    def square(x):
        return x * x

    assert [square(i) for i in range(10)] == [i * i for i in range(10)]
    assert square.cache_len() <= 4
    square.cache_clear()
    assert square.cache_len() == 0
    assert square(7) == 49


def test_cached_answers_only_what_is_remembered_without_calling():
    calls = []
    double, add = _double_and_add(calls)
    assert double.cached(3) is None and calls == []
    double(3)
    assert double.cached(3) == 6 and calls == [3]
    assert add.cached(1, 2) is None
    add(1, 2)
    assert add.cached(1, 2) == 3 and calls == [3, (1, 2)]
    double.cache_clear()
    assert double.cached(3) is None


@pytest.mark.slow
def test_entries_are_not_objects_the_collector_tracks():
    @memo(1000)
    def words(text):
        return tuple(text.split())

    for i in range(500):
        words(f"line number {i}")
    gc.collect()  # tuples of strings are untracked once the collector has seen them
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(words(f"line number {i}")) in tracked for i in range(500))


def test_clear_all_empties_every_cache_of_the_package():
    """memo.clear_all() is the one cache reset: it reaches every cache a walk of the package's
    modules finds (functions and methods with cache_clear), the compiled packs aside."""
    import sys

    import cleaner.html.reader  # noqa: F401  (its scoring caches too)
    from cleaner import clean
    from cleaner.memo import _CLEARS, clear_all
    from cleaner.engine.packs import _cached_packset
    from cleaner.text import _WORDS

    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("cleaner.") or module is None:
            continue
        for obj in list(vars(module).values()):
            candidates = [obj]
            if isinstance(obj, type) and obj.__module__ == name:
                candidates = [getattr(v, "__func__", v) for v in vars(obj).values()]
            found += [fn.cache_clear for fn in candidates if fn is not _cached_packset
                      and callable(getattr(fn, "cache_clear", None))
                      and getattr(fn, "__module__", "").startswith("cleaner")]  # not urlsplit's
    assert found and all(clear in _CLEARS for clear in found)
    clean("The council met on Monday.\n\nShare this article\n")
    assert _WORDS
    clear_all()
    assert not _WORDS
