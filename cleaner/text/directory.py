"""A directory of contacts: records told one after another, each with a way to reach it.

A business directory, a list of clinics or of a society's members prints each entry in a
few lines: a name, a street, a town told on every entry ("Pleasanton, CA 94566"), a person,
a telephone, a fax, an e-mail, now and then a line of description. Read line by line, its
lines are short and poor in function words, and the classifier takes them as a menu; the
records of :func:`cleaner.text.shape.record_items` must be alike in length and hold a
summary each, which a directory's entries are not (one has its opening hours, the next a
name and a telephone).

What tells a directory is that every entry can be reached: each record between two
anchors (a line told on ``RECORD_RUN`` records or more) holds a telephone number or an
e-mail address (:func:`cleaner.text.contact.reachable`). A menu, a teaser list or a mega-menu
holds none; a site's footer holds one address, not a run of them. Counted on the classifier's
removals of the base runs (bench/losstrade.py's line labels): text cleaneval 62 article
lines / 1 boilerplate line in such entries, text wcxb 112 / 12, of which 23 / 12 on a style
sheet's examples whose colours read as telephones (now refused: see reachable); with a web
address as a contact too, wcxb 123 / 38 at 20 lines an entry (a feed's embed lines, one a
card); with four entries in five reachable, 57 / 20.
"""
from __future__ import annotations

from . import comparable
from .contact import reachable
from .shape import RECORD_RUN, run_items

DIRECTORY_LINES = 30  # lines an entry holds at most, its anchor's line included (a studio's
# opening hours, a line of description and a contact person's three ways to reach them)


def contact_records(texts: list[str], min_records: int = RECORD_RUN) -> list[int]:
    """The positions of ``texts`` (a page's non-blank lines, in order) that are a
    directory's entries: runs of ``min_records`` or more anchors (one line told
    ``min_records`` times or more) at most ``DIRECTORY_LINES`` apart, every record between
    two of them holding a telephone number or an e-mail address. The anchors and other
    lines told on every record are not the entries' own; the entries before the first
    anchor and after the last are read line for line against their neighbours, as a
    listing's are (see :func:`cleaner.text.shape.record_items`)."""
    keys = [comparable(t) for t in texts]
    at: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        if key:
            at.setdefault(key, []).append(k)
    told = {key for key, where in at.items() if len(where) >= min_records}

    if not told:
        return []

    def own(k: int) -> bool:  # a line of the entry's own
        return keys[k] not in told

    # reachable lines before each position: each line is searched once, not once for every
    # anchor's run it lies in (a page of many lines told again and again, interleaved)
    # (an entry's own lines: a newsroom's number told under every teaser reaches no entry)
    before = [0]
    for k, text in enumerate(texts):
        before.append(before[-1] + (own(k) and reachable(text)))
    found: set[int] = set()
    for key in told:
        where = at[key]
        run = [where[0]]
        for a, b in zip(where, where[1:] + [None]):
            if b is not None and 2 <= b - a <= DIRECTORY_LINES and before[b] > before[a + 1]:
                run.append(b)
                continue
            if len(run) >= min_records:
                found.update(run_items(texts, run, own))
            run = [b]
    return sorted(found)
