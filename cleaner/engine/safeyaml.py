"""Safe YAML for rule packs: plain data only, YAML 1.2 meanings, line numbers kept, bombs refused.

Packs come from strangers, so ``yaml.SafeLoader``'s constructors are the only ones (a
``!!python/...`` tag is refused with a clear message), and the document's node graph is
checked before anything is built from it, without recursion:

- aliases that would add more than ``MAX_ALIAS_NODES`` nodes when expanded (the "billion
  laughs" shape), or that refer to a node holding them, are refused; a big pack written out
  in full is not (the count is of what aliases add, not of the pack's own nodes);
- nesting deeper than ``MAX_DEPTH`` is refused (``rules: [[[[...]]]]``): a real pack is six
  levels deep, and building a deep one recursed past Python's limit.

Scalars are read with the YAML 1.2 core schema, not PyYAML's YAML 1.1 one: only
``true``/``false`` are booleans (``no`` is Norwegian, ``yes``/``on``/``off`` are words), only
``null``/``~``/nothing is null, ``012`` is twelve, dates and ``1:20`` stay strings, and ``<<``
is an ordinary key. A key given twice in one mapping is an error, not "the last one wins".
Every mapping comes back as a :class:`LineDict`, which remembers the source line of each
key, so validation can say ``FILE:LINE``.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver

from ..errors import PackError

MAX_ALIAS_NODES = 100_000  # nodes aliases may add; a real pack uses none
MAX_DEPTH = 32  # levels of nesting; a real pack has six (rules, a rule, examples, a list, an item)
MAX_BYTES = 5_000_000


class LineDict(dict):
    """A dict that knows the 1-based source line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Core12Resolver(BaseResolver):
    """The YAML 1.2 core schema's implicit types, and nothing else."""


for _tag, _pattern, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    ("float", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)", "-+0123456789."),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
):
    _Core12Resolver.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}",
                                          re.compile(rf"^(?:{_pattern})$"), list(_first))


# libyaml's parser when PyYAML was built with it (about ten times faster); the constructor
# stays the safe one either way.
try:
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - PyYAML without libyaml
    CParser = None

if CParser is not None:
    class _Loader(CParser, SafeConstructor, _Core12Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            _Core12Resolver.__init__(self)
else:  # pragma: no cover - PyYAML without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(Reader, Scanner, Parser, Composer, SafeConstructor, _Core12Resolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            _Core12Resolver.__init__(self)


def _construct_int(loader: SafeConstructor, node: yaml.ScalarNode) -> int:
    """YAML 1.2: ``012`` is twelve (1.1 read it as octal ten); ``0o12`` is octal."""
    value = loader.construct_scalar(node)
    if value[:2] in ("0o", "0x"):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value, 10)


def _construct_line_dict(loader: _Loader, node: yaml.MappingNode):
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        line = key_node.start_mark.line + 1
        if key_node.value in mapping.key_lines:
            raise PackError(loader.pack_path, line, f"key {key_node.value!r} is given twice in one "
                            f"mapping (first at line {mapping.key_lines[key_node.value]}): only "
                            "the last would count; keep one")
        mapping.key_lines[key_node.value] = line
    yield mapping  # yielded first, filled after, so recursive structures still resolve
    mapping.update(loader.construct_mapping(node))


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)


def _children(node: yaml.Node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _plain_tree(root: yaml.Node) -> bool:
    """Is the graph a tree (no node reached twice: no alias) no deeper than MAX_DEPTH? Every
    pack written out in full is one, and then there is nothing more to check: one pass, a
    third of :func:`_check_graph`'s cost on the shipped packs (paid by every process)."""
    seen: set[int] = set()
    stack = [(root, 1)]
    sequence, mapping = yaml.SequenceNode, yaml.MappingNode
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > MAX_DEPTH:
            return False
        seen.add(id(node))
        kind = type(node)
        if kind is sequence:
            stack.extend((child, depth + 1) for child in node.value)
        elif kind is mapping:
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif kind is not yaml.ScalarNode:
            return False  # a node type of another make: the full check reads it
    return True


def _check_graph(root: yaml.Node, path: str) -> None:
    """Refuse a node graph nested deeper than MAX_DEPTH, holding itself through an alias,
    or whose aliases would add more than MAX_ALIAS_NODES nodes once expanded. Iterative:
    the graph is the attacker's, so its depth must not become this function's."""
    if _plain_tree(root):
        return
    on_path: set[int] = set()
    done: dict[int, tuple[int, int]] = {}  # node -> (expanded size, expanded height), capped
    stack: list[tuple[yaml.Node, Iterator]] = [(root, iter(_children(root)))]
    on_path.add(id(root))
    distinct = 0  # nodes finished: each a node of the document, however often aliased
    while stack:
        node, pending = stack[-1]
        child = next(pending, None)
        if child is not None:
            if id(child) in on_path:
                raise PackError(path, child.start_mark.line + 1, "an alias refers to a node that "
                                "holds it (a structure without end); write the data out instead")
            if id(child) not in done:
                if len(stack) >= MAX_DEPTH:
                    raise PackError(path, child.start_mark.line + 1, f"nested more than "
                                    f"{MAX_DEPTH} levels deep; a pack is a mapping of lists of "
                                    "rules, a few levels deep")
                on_path.add(id(child))
                stack.append((child, iter(_children(child))))
            continue
        stack.pop()
        on_path.discard(id(node))
        distinct += 1
        size, height = 1, 1
        for c in _children(node):
            c_size, c_height = done[id(c)]
            size += c_size
            height = max(height, c_height + 1)
        done[id(node)] = (size, height)
        if height > MAX_DEPTH:  # through aliases: a shallow alias to a deep node, nested
            raise PackError(path, node.start_mark.line + 1, f"aliases nest the data more than "
                            f"{MAX_DEPTH} levels deep; write the data out instead")
        # A node's expansion, less the nodes finished so far (its own among them), never
        # exceeds what aliases add to the whole document: a bomb is caught where it grows.
        if size - distinct > MAX_ALIAS_NODES:
            raise PackError(path, root.start_mark.line + 1, f"aliases would add more than "
                            f"{MAX_ALIAS_NODES} nodes (an alias bomb?); write the data out "
                            "instead of nesting aliases")


def load_yaml(text: str, path: str) -> Any:
    """Parse one YAML document safely, or raise :class:`PackError` naming ``path`` and line."""
    if len(text) > MAX_BYTES:
        raise PackError(path, None, f"file is {len(text)} bytes; packs are limited to {MAX_BYTES}")
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as exc:  # a str with a lone surrogate: no file decodes to one
        raise PackError(path, None, f"not text: {exc.reason} at character {exc.start}") from None
    loader.pack_path = path
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_graph(node, path)
        return loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        problem = (getattr(exc, "problem", "") or "").strip()
        if "constructor for the tag" in problem:
            raise PackError(path, line, f"refused: {problem}. Packs are plain data; tags such as "
                            "!!python/object are never executed. Remove the tag") from None
        raise PackError(path, line, f"not plain pack data: {problem}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        if "nesting depth" in problem:  # libyaml's own limit (1,000 levels)
            raise PackError(path, line, f"nested more than {MAX_DEPTH} levels deep; a pack is "
                            "a mapping of lists of rules, a few levels deep") from None
        raise PackError(path, line, f"not valid YAML: {problem}") from None
    except RecursionError:  # composing nodes recurses, in libyaml's binding too
        raise PackError(path, _too_deep_at(text), f"nested more than {MAX_DEPTH} levels deep; "
                        "a pack is a mapping of lists of rules, a few levels deep") from None
    finally:
        loader.dispose()


def _too_deep_at(text: str) -> int | None:
    """The line where nesting first passes MAX_DEPTH, read from the parser's events (a flat
    stream: no recursion)."""
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return None
