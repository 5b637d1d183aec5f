"""The bounded memo caches: remembered answers, a full cache emptied, cache_clear()."""
import pytest
import gc

from cleaner.memo import memo


def test_remembers_one_and_several_arguments():
    calls = []

    @memo(8)
    def double(x):
        calls.append(x)
        return 2 * x

    @memo(8)
    def add(a, b):
        calls.append((a, b))
        return a + b

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
