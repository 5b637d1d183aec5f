"""Finding, loading, validating and choosing rule packs.

Packs live in three places, searched in this order: the ones shipped inside the package
(``cleaner/rules``: ``generic.yaml``, ``lang/<code>.yaml``, ``sites/<domain>.yaml``), the folders
in the ``CLEANER_RULES_PATH`` environment variable (``os.pathsep``-separated), and folders passed
as ``rules_dirs``. A pack's ``match`` says when it applies: ``languages`` (a language pack),
``domains`` or ``signatures`` (a site pack), or nothing (always, like the generic pack).
A pack from a later folder may replace a shipped rule by giving a rule with the same id, or
switch rules off with ``disable: [id, ...]``.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional
from urllib.parse import urlsplit

import regex

from ..errors import PackError
from .kinds.base import Rule
from ..text.language import LanguageModel
from .packcache import cached_packs
from .patterns import DEFAULT_TIMEOUT, compile_pattern
from .prefilter import Prefilter, required_literals
from .safeyaml import load_yaml
from .registry import KINDS
from .schema import validate_pack

ENV_VAR = "CLEANER_RULES_PATH"
SIGNATURE_WINDOW = 20_000  # signatures are looked for in the document's first and last chars


@dataclass
class Pack:
    name: str
    path: str
    rules: list[Rule]
    domains: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    signatures: tuple = ()
    stopwords: frozenset = frozenset()
    disable: tuple[str, ...] = ()
    shipped: bool = True

    @property
    def kind(self) -> str:
        if self.languages:
            return "language"
        if self.domains or self.signatures:
            return "site"
        return "generic"

    def matches_host(self, host: str) -> bool:
        return bool(host) and any(host == d or host.endswith("." + d) for d in self.domains)

    def matches_text(self, text: str, present: Optional[Callable[[int], bool]] = None,
                     timed_out: Optional[set] = None) -> bool:
        """Does a signature occur in the document's first or last SIGNATURE_WINDOW chars?
        ``present(k)`` (from the pack set's prefilter) says signature ``k`` could occur.
        A search that runs past a rule's time budget counts as no match and is added to
        ``timed_out`` as (pack name, path, k), to be reported; one already there is not
        searched again (a document is read for signatures once a round)."""
        if not self.signatures:
            return False
        window = signature_window(text)
        for k, sig in enumerate(self.signatures):
            if present is not None and not present(k):
                continue
            key = (self.name, self.path, k)
            if timed_out is not None and key in timed_out:
                continue
            try:
                if sig.search(window, timeout=DEFAULT_TIMEOUT):
                    return True
            except TimeoutError:
                if timed_out is not None:
                    timed_out.add(key)
        return False


def signature_window(text: str) -> str:
    return text if len(text) <= 2 * SIGNATURE_WINDOW else (
        text[:SIGNATURE_WINDOW] + "\n" + text[-SIGNATURE_WINDOW:])


def lines_window(lines: list[str]) -> str:
    """``signature_window("\\n".join(lines))``, without joining what lies between the ends."""
    total = sum(map(len, lines)) + len(lines) - 1
    if total <= 2 * SIGNATURE_WINDOW:
        return "\n".join(lines)
    head = "\n".join(lines[:_enough(lines, range(len(lines))) + 1])
    tail = "\n".join(lines[_enough(lines, range(len(lines) - 1, -1, -1)):])
    return head[:SIGNATURE_WINDOW] + "\n" + tail[-SIGNATURE_WINDOW:]


def _enough(lines: list[str], order: range) -> int:
    """The index, going through ``lines`` in ``order``, at which the lines passed joined
    by "\\n" make SIGNATURE_WINDOW chars or more (the caller knows they do)."""
    size = -1
    for i in order:
        size += len(lines[i]) + 1
        if size >= SIGNATURE_WINDOW:
            return i
    return order[-1]


@dataclass
class _Signature:
    """A site signature as the prefilter sees it: an id and the literals it requires."""

    id: str
    literals: Optional[frozenset[str]]


def host_of(url: Optional[str]) -> str:
    if not url:
        return ""
    if "//" not in url:
        url = "//" + url
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[" and the like: no host to match a site pack on
        return ""
    return host[4:] if host.startswith("www.") else host


def load_pack(path: str | Path, text: Optional[str] = None, shipped: bool = False) -> Pack:
    """Load and validate one pack file; raise the first :class:`PackError` it has."""
    path = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PackError(path, None, f"cannot read pack: {exc}") from None
    data = load_yaml(text, path)
    problems = validate_pack(data, path, compile_patterns=not shipped)
    if problems:
        raise problems[0]
    return build_pack(data, path, shipped)


def build_pack(data: dict, path: str, shipped: bool) -> Pack:
    kinds = KINDS
    name = data["pack"]
    rules = []
    listed = [(spec, "rules") for spec in data.get("rules") or []] \
        + [(spec, "stages") for spec in data.get("stages") or []]
    for spec, section in listed:
        kind = next(k for k in spec if k in kinds)
        try:
            rules.append(kinds[kind](spec, name, path, lazy=shipped))
            rules[-1].listed_in = section
        except regex.error as exc:
            line = spec.line_of(kind) if hasattr(spec, "line_of") else None
            raise PackError(path, line, f"rule {spec['id']!r}: {kind} pattern does not compile: "
                            f"{exc}; check brackets and escapes (YAML single quotes keep "
                            "backslashes as is)", spec["id"]) from None
        except ValueError as exc:
            raise PackError(path, getattr(spec, "line", None), f"rule {spec['id']!r}: {exc}",
                            spec["id"]) from None
    match = data.get("match") or {}
    pack = Pack(
        name=name,
        path=path,
        rules=rules,
        domains=tuple(d.lower().removeprefix("www.") for d in match.get("domains", [])),
        languages=tuple(match.get("languages", [])),
        signatures=tuple(compile_pattern(s) for s in match.get("signatures", [])),
        stopwords=frozenset(w.lower() for w in data.get("stopwords") or []),
        disable=tuple(data.get("disable") or []),
        shipped=shipped,
    )
    for rule in rules:
        rule.pack_kind = pack.kind
        rule.pack_languages = pack.languages
    return pack


def shipped_pack_files() -> list[tuple[str, str]]:
    """(path, text) of every pack shipped in the package, generic first, then languages, sites."""
    root = resources.files("cleaner.rules")
    found = []
    for sub in ("", "lang", "sites"):
        folder = root.joinpath(sub) if sub else root
        entries = sorted((e for e in folder.iterdir() if e.name.endswith((".yaml", ".yml"))),
                         key=lambda e: e.name)
        for entry in entries:
            found.append((str(entry), entry.read_text(encoding="utf-8")))
    return found


def extra_pack_files(dirs: Iterable[str | Path], given_by: str = "") -> list[Path]:
    """The pack files in ``dirs`` (files, or folders searched to any depth, corpus samples
    and ``.meta.yaml`` files left out), each folder's sorted. Anything that cannot be read
    is a :class:`PackError` naming it, never a folder silently skipped: an unreadable folder
    would otherwise be a run without the user's packs that reports nothing wrong. A path
    that does not exist is said to come from ``given_by`` ("--rules-dir", "the command
    line"), so the user knows where to fix it."""
    files: list[Path] = []
    for d in dirs:
        if not str(d).strip():  # Path("") is the current folder: every .yaml under it
            raise PackError(repr(str(d)), None, "a rules folder needs a name (an empty one "
                            f"would be the current folder); check --rules-dir and {ENV_VAR}")
        folder = Path(d)
        info = _stat(folder, "pack file" if folder.suffix in (".yaml", ".yml") else
                     "rules folder", given_by)
        if stat.S_ISREG(info.st_mode):
            files.append(folder)
        elif stat.S_ISDIR(info.st_mode):
            files.extend(sorted(_walk(folder)))
        else:
            raise PackError(str(folder), None, NOT_A_FILE)
    return files


NOT_A_FILE = ("not a regular file (a FIFO, socket or device): reading it could wait forever; "
              "packs are files, so remove it or rename it to end in something other than .yaml")


class _Missing(PackError):
    """A pack file or rules folder that does not exist (whose source the caller names)."""


def _stat(path: Path, what: str, given_by: str = "") -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        source = f" (from {given_by})" if given_by else ""
        raise _Missing(str(path), None, f"{what} does not exist{source}") from None
    except OSError as exc:
        raise PackError(str(path), None, f"cannot read {what}: {exc.strerror or exc}") from None


def _walk(folder: Path) -> Iterator[Path]:
    """The pack files under ``folder``; a FIFO or device named like a pack is refused (opening
    one blocks), an unreadable subfolder too. Links to folders are not followed (no loops)."""
    def refuse(exc: OSError) -> None:
        raise PackError(exc.filename or str(folder), None,
                        f"cannot read rules folder: {exc.strerror or exc}")

    for root, subdirs, names in os.walk(folder, onerror=refuse):
        subdirs[:] = sorted(d for d in subdirs if d != "corpus_samples")
        for name in names:
            if name.endswith((".yaml", ".yml")) and not name.endswith(".meta.yaml"):
                path = Path(root) / name
                if not stat.S_ISREG(_stat(path, "pack").st_mode):
                    raise PackError(str(path), None, NOT_A_FILE)
                yield path


def env_rule_dirs() -> tuple[str, ...]:
    value = os.environ.get(ENV_VAR, "")
    return tuple(p for p in value.split(os.pathsep) if p.strip())


PREFILTERS_KEPT = 128  # rule selections whose prefilter is kept (see PackSet.prefilter)


@dataclass
class PackSet:
    """Every pack in force, compiled once, with the language model their stopwords make."""

    packs: list[Pack]
    model: LanguageModel = field(init=False)

    def __post_init__(self) -> None:
        stopwords: dict[str, frozenset] = {}
        for pack in self.packs:
            for lang in pack.languages:
                if pack.stopwords:
                    stopwords[lang] = stopwords.get(lang, frozenset()) | pack.stopwords
        self.model = LanguageModel(stopwords)
        self.disabled = {rid for pack in self.packs for rid in pack.disable}
        self.by_name = {pack.name: pack for pack in self.packs}
        # a later pack's rule replaces an earlier one with the same id
        self.owner: dict[str, Pack] = {}
        for pack in self.packs:
            for rule in pack.rules:
                self.owner[rule.id] = pack
        self._prefilters: dict[tuple[int, ...], Prefilter] = {}
        self._selections: dict[tuple, Selection] = {}
        self._host_sites: dict[str, tuple[int, ...]] = {}  # host -> indices of its site packs
        self._signature_filter: Optional[tuple[Prefilter, dict]] = None

    def prefilter(self, rules: list[Rule]) -> Prefilter:
        """The literal prefilter for one selection of rules (cached: a corpus has few)."""
        key = tuple(id(r) for r in rules)
        found = self._prefilters.pop(key, None)
        if found is None:
            # An automaton each, ~0.2 MB, and ~0.1 s to build: the least recently used goes
            # (emptying them all made a corpus of many languages and sites rebuild them often).
            if len(self._prefilters) >= PREFILTERS_KEPT:
                del self._prefilters[next(iter(self._prefilters))]
            found = Prefilter(rules)
        self._prefilters[key] = found  # last: the most recently used
        return found

    def languages(self) -> set[str]:
        return {lang for p in self.packs for lang in p.languages}

    def select(self, langs: Iterable[str], url: Optional[str], text: str) -> tuple[list[Pack], list[Rule]]:
        """The packs that apply to a document and their rules, in phase order."""
        found = self.selection(langs, url, text)
        return list(found.packs), list(found.rules)

    def selection(self, langs: Iterable[str], url: Optional[str], text: str,
                  timed_out: Optional[set] = None) -> "Selection":
        """What :meth:`select` gives, as the shared, cached :class:`Selection` (not a copy).
        ``timed_out``: see :meth:`Pack.matches_text`."""
        langs = frozenset(l for l in langs if l)
        if url:
            host = host_of(url)
            sites = self._host_sites.get(host)
            if sites is None:  # a corpus has many pages per host: match each host once
                if len(self._host_sites) > 65536:
                    self._host_sites.clear()
                sites = self._host_sites[host] = tuple(
                    i for i, pack in enumerate(self.packs)
                    if pack.kind == "site" and pack.matches_host(host))
        else:
            present = self._signatures_present(text)
            sites = tuple(i for i, pack in enumerate(self.packs) if pack.kind == "site"
                          and pack.matches_text(text, lambda k, i=i: present(i, k), timed_out))
        key = (langs, sites)
        found = self._selections.get(key)
        if found is None:  # a corpus has few distinct selections: sort each once
            if len(self._selections) > 1024:
                self._selections.clear()
            found = self._selections[key] = Selection(*self._select(langs, sites))
        return found

    def _signatures_present(self, text: str) -> Callable[[int, int], bool]:
        """present(pack index, signature index): could that signature occur in ``text``?
        One automaton pass over the window replaces a search per signature per pack."""
        if self._signature_filter is None:
            stubs = [_Signature(f"{i}:{k}", required_literals(sig.pattern, sig.flags))
                     for i, pack in enumerate(self.packs) for k, sig in enumerate(pack.signatures)]
            self._signature_filter = (Prefilter(stubs), {s.id: s for s in stubs})
        prefilter, stubs = self._signature_filter
        found = prefilter.found(signature_window(text))

        def present(i: int, k: int) -> bool:
            ids = prefilter.literal_ids(stubs[f"{i}:{k}"])
            return ids is None or not ids.isdisjoint(found)

        return present

    def _select(self, langs: frozenset, sites: tuple[int, ...]) -> tuple[list[Pack], list[Rule]]:
        chosen = []
        for i, pack in enumerate(self.packs):
            kind = pack.kind
            if kind == "generic":
                chosen.append(pack)
            elif kind == "language" and langs & set(pack.languages):
                chosen.append(pack)
            elif kind == "site" and i in sites:
                chosen.append(pack)
        rules = [r for p in chosen for r in p.rules
                 if r.id not in self.disabled and self.owner.get(r.id) is p]
        return chosen, in_phase_order(rules, chosen)

    def all_rules(self) -> list[Rule]:
        return [r for p in self.packs for r in p.rules]


_PACK_KIND_ORDER = {"site": 0, "language": 1, "generic": 2}


def in_phase_order(rules: Iterable[Rule], packs: Iterable[Pack]) -> list[Rule]:
    """``rules`` (of ``packs``) in the order a document meets them: by phase, and within a
    phase a site's own rules first (its "rest" beats a language pack's "section" on the same
    heading), then language packs, then the generic pack; a pack's own order stays."""
    kind_of = {p.name: _PACK_KIND_ORDER[p.kind] for p in packs}
    return sorted(rules, key=lambda r: (r.PHASE, kind_of.get(r.pack_name, 2)))


class Selection:
    """The packs one document gets and their rules in phase order, shared by every document
    that gets the same; ``derive`` remembers what callers compute from it (its selector rules,
    the rules in force for a document language), so a corpus pays for each once."""

    __slots__ = ("packs", "rules", "_derived")

    def __init__(self, packs: list[Pack], rules: list[Rule]):
        self.packs: tuple[Pack, ...] = tuple(packs)
        self.rules: tuple[Rule, ...] = tuple(rules)
        self._derived: dict = {}

    def derive(self, key, make: Callable[[], object]):
        """``make()``, computed once per ``key`` for this selection."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = make()
            return value


@lru_cache(maxsize=16)
def _cached_packset(extra_dirs: tuple[str, ...]) -> PackSet:
    files = shipped_pack_files()
    # kept built between processes (packcache.py): a worker need not read them again
    packs = cached_packs(files, lambda: [load_pack(path, text, shipped=True) for path, text in files])
    packs += [load_pack(p) for p in extra_pack_files(extra_dirs)]
    return PackSet(packs)


def get_packset(rules_dirs: Iterable[str | Path] | str | Path = (), *,
                given_by: str = "rules_dirs") -> PackSet:
    """The shipped packs plus those in ``CLEANER_RULES_PATH`` and ``rules_dirs`` (cached).
    One folder may be given as a str or Path (a str is never read letter by letter).
    ``given_by`` names where ``rules_dirs`` came from, for the error on a missing one."""
    if isinstance(rules_dirs, (str, os.PathLike)):
        rules_dirs = (rules_dirs,)
    env = env_rule_dirs()
    dirs = env + tuple(str(Path(d).resolve()) if str(d).strip() else str(d)
                       for d in rules_dirs)  # "" stays "", to be refused
    try:
        return _cached_packset(dirs)
    except _Missing as exc:  # say where the name came from (the cache key leaves it out)
        from_env = any(exc.path == str(Path(d)) for d in env)
        raise PackError(exc.path, None, f"{exc.message} (from "
                        f"{ENV_VAR if from_env else given_by})") from None
