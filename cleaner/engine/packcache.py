"""A cache of the shipped packs, read and validated, so that a new process does not read them again.

Every process that cleans (each CLI run, each worker of a batch, a Spark or datatrove executor)
reads the shipped packs' YAML, validates it and builds the rules: ~0.35 s of CPU. The packs
as built are kept in one pickle file, which a later process loads in ~0.02 s.

Safe by construction: the file's name is a SHA-256 of everything the built packs depend on
(this cache's format, the Python version, the text of every module of the package, and the
path and text of every shipped pack file). A changed pack file, or changed code, gives another
name, so a stale file is never read; it is only left behind, and the oldest files beyond
:data:`KEPT` are deleted. Reading the key costs a read of the package's sources (~5 ms).

Where: ``CLEANER_CACHE_DIR`` if set (empty, ``0`` or ``off``: no cache), else
``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``; never inside the package, so a
read-only install works the same. A folder that cannot be made or written, that is not the
user's own, or that others may write to is not used (a pickle is code to whoever loads it):
the packs are then read from their YAML as before. A file that cannot be read back (cut short,
from another build) is ignored and written again. Only the shipped packs are kept here;
packs from ``CLEANER_RULES_PATH`` and ``rules_dirs`` are read each time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Callable, Optional

ENV_VAR = "CLEANER_CACHE_DIR"
FORMAT = 1  # bump when what is pickled changes shape in a way the sources' hash cannot see
KEPT = 8  # cache files left in the folder at most (other versions of the package, other packs)
_PREFIX = "packs-"
_SUFFIX = ".pickle"


def cache_dir() -> Optional[Path]:
    """The folder the cache lives in, or None when it is switched off."""
    given = os.environ.get(ENV_VAR)
    if given is not None:
        given = given.strip()
        return None if given.lower() in ("", "0", "off", "no", "false") else Path(given)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if base:
        return Path(base) / "cleaner"
    try:
        return Path.home() / ".cache" / "cleaner"
    except (RuntimeError, KeyError):  # no home directory to find
        return None


def _sources_digest() -> bytes:
    """A hash of the text of every module of the package: what the built packs' objects are."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("cleaner")))
    if not root.is_dir():  # a package in a zip: its sources cannot be read so; no cache
        raise OSError(f"{root} is not a folder")
    sources = sorted(root.rglob("*.py"))
    if not sources:  # compiled files only: no text to tell one build from another; no cache
        raise OSError(f"no Python sources under {root}")
    for path in sources:
        digest.update(str(path.relative_to(root)).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.digest()


def cache_key(files: list[tuple[str, str]]) -> str:
    """The cache file's key for the shipped pack files ``files`` ((path, text) pairs)."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{sys.implementation.cache_tag}\0{sys.version}\0".encode())
    digest.update(_sources_digest())
    for path, text in files:
        digest.update(path.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _usable(folder: Path) -> bool:
    """Made if missing (for this user only); refused when another user owns it or others may
    write to it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid != getuid():
        return False
    return not info.st_mode & 0o022


def cached_packs(files: list[tuple[str, str]], build: Callable[[], list]) -> list:
    """The packs ``build()`` makes from the shipped pack files ``files``, from the cache when
    it holds them for exactly these files and this code; built (and stored) otherwise."""
    folder = cache_dir()
    if folder is None or not _usable(folder):
        return build()
    try:
        path = folder / f"{_PREFIX}{cache_key(files)}{_SUFFIX}"
    except OSError:  # the package's sources could not be read: nothing to key a file on
        return build()
    packs = _load(path)
    if packs is not None:
        return packs
    packs = build()
    _store(path, packs)
    return packs


def _load(path: Path) -> Optional[list]:
    try:
        with open(path, "rb") as fh:
            packs = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a file cut short or from another build: read the YAML
        return None
    return packs if isinstance(packs, list) else None


def _store(path: Path, packs: list) -> None:
    """Written whole or not at all (a temporary file renamed over), then old files pruned."""
    try:
        data = pickle.dumps(packs, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a pack holding something unpicklable: no cache
        return
    tmp = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", suffix=_SUFFIX,
                                         delete=False) as fh:
            tmp = fh.name
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path) -> None:
    """Leave the KEPT most recently written cache files."""
    found = []
    for entry in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
        try:
            found.append((entry.stat().st_mtime, entry))
        except OSError:
            continue
    for _mtime, entry in sorted(found, reverse=True)[KEPT:]:
        try:
            entry.unlink()
        except OSError:
            pass
