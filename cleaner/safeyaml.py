"""Safe YAML for rule packs: plain data only, line numbers kept, alias bombs refused.

Packs come from strangers, so ``yaml.SafeLoader`` is the only constructor (a ``!!python/...``
tag is refused with a clear message), and a document whose aliases would expand past
``MAX_NODES`` nodes (the "billion laughs" shape) is refused before anything walks it.
Every mapping comes back as a :class:`LineDict`, which remembers the source line of each key,
so validation can say ``FILE:LINE``.
"""
from __future__ import annotations

from typing import Any

import yaml

from .errors import PackError

MAX_NODES = 100_000  # a real pack has a few thousand nodes; expansion past this is an attack
MAX_BYTES = 5_000_000


class LineDict(dict):
    """A dict that knows the 1-based source line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML was built with it (about ten times faster); the constructor
# stays the safe one either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    pass


def _construct_line_dict(loader: _Loader, node: yaml.MappingNode):
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {
        key_node.value: key_node.start_mark.line + 1
        for key_node, _ in node.value
        if isinstance(key_node, yaml.ScalarNode)
    }
    yield mapping  # yielded first, filled after, so recursive structures still resolve
    mapping.update(loader.construct_mapping(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Number of nodes after alias expansion, memoised so the count itself is cheap."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = MAX_NODES + 1  # a cycle counts as too big
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    else:
        size = 1
    memo[key] = min(size, MAX_NODES + 1)
    return memo[key]


def load_yaml(text: str, path: str) -> Any:
    """Parse one YAML document safely, or raise :class:`PackError` naming ``path`` and line."""
    if len(text) > MAX_BYTES:
        raise PackError(path, None, f"file is {len(text)} bytes; packs are limited to {MAX_BYTES}")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, {}) > MAX_NODES:
            raise PackError(
                path, node.start_mark.line + 1,
                f"aliases expand to more than {MAX_NODES} nodes (an alias bomb?); "
                "write the data out instead of nesting aliases",
            )
        return loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        tag = getattr(exc, "problem", "") or ""
        raise PackError(
            path, line,
            f"refused: {tag.strip()}. Packs are plain data; tags such as !!python/object are "
            "never executed. Remove the tag",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(path, line, f"not valid YAML: {problem}") from None
    finally:
        loader.dispose()
