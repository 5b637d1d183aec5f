"""The package's shape: one registry of rule kinds, and no import cycles."""
from __future__ import annotations

import ast
from pathlib import Path

import cleaner
from cleaner.engine.kinds.base import Rule
from cleaner.engine.registry import KINDS

PACKAGE = Path(cleaner.__file__).parent


def _imports() -> dict[str, set[str]]:
    """Module -> the package's modules it imports, at the top or inside a function (a lazy
    import is an import); imports for type checkers only are left out."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                       and getattr(node.test, "id", None) == "TYPE_CHECKING" for n in ast.walk(node)}
        found = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[:len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                candidates = [target] + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            found.update(c for c in candidates if c in modules and c != name)
        graph[name] = found
    return graph


def test_no_module_imports_one_that_imports_it_back():
    graph = _imports()
    cycles = []

    def reaches(start: str, goal: str) -> list[str] | None:
        seen, stack = set(), [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == goal:
                    return path + [nxt]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, path + [nxt]))
        return None

    for module, targets in graph.items():
        for target in targets:
            back = reaches(target, module)
            if back:
                cycles.append(" -> ".join([module] + back))
    assert cycles == []


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_every_rule_kind_is_in_the_one_registry():
    import cleaner.html.reader  # noqa: F401  (every module that defines a kind is loaded)

    shipped = {k for k in _subclasses(Rule) if k.__module__.startswith("cleaner.") and k.KEY}
    assert shipped == set(KINDS.values())
    assert list(KINDS) == [k.KEY for k in KINDS.values()]
