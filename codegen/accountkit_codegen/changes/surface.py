"""The public surface of a built client, to tell a rebuild that adds or breaks API from one that does not.

A template, generator or vendor change rebuilds a client without any spec change to judge, so its bump
comes from comparing the package before and after, module by module (read with ``ast``, never
imported). The surface of a public module (no part of its dotted name starts with ``_``) is what it
exports: the names in its ``__all__``, or without one the public names it defines (functions,
classes, assignments; an ``import`` alone exports nothing). For each exported function, method and
class, wherever in the package it is written (``connect`` lives in ``_connect``, re-exported by
``__init__``): its parameters, required ones marked, and a class's public members. Then:

- **major**: a name, member or parameter went away, or an existing function gained a required parameter;
- **minor**: something was added (a name, a member, an optional parameter, a required one made optional);
- **patch**: the surface is the same (code, docstrings or formatting changed).

A class that became a re-export of a class written elsewhere (``client.py`` re-exporting the runtime's
``Client``) keeps its name; its members are then not compared, as they are no longer written here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from ..generate.semver import Bump
from ..spec.layout import tracked_files

Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class Surface:
    # "module:name", "module:Class.member", "module:function(parameter)", and "…(parameter)!" when required.
    entries: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)  # "module:Class" of the exported classes written in the package


@dataclass
class _Module:
    tree: ast.Module
    # name -> (module it comes from, its name there) for ``from .x import name`` inside the package
    imported: dict[str, tuple[str, str]] = field(default_factory=dict)


def _public(name: str) -> bool:
    return not name.startswith("_")


def _parameters(owner: str, function: Function) -> set[str]:
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    required_positional = len(positional) - len(arguments.defaults)
    entries = set()
    for index, argument in enumerate(positional):
        if index == 0 and argument.arg in ("self", "cls"):
            continue
        entries.add(f"{owner}({argument.arg})")
        if index < required_positional:
            entries.add(f"{owner}({argument.arg})!")
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        entries.add(f"{owner}({argument.arg})")
        if default is None:
            entries.add(f"{owner}({argument.arg})!")
    if arguments.vararg:
        entries.add(f"{owner}(*)")
    if arguments.kwarg:
        entries.add(f"{owner}(**)")
    return entries


def _defined(node: ast.stmt) -> list[str]:
    """The names a top-level statement defines (imports are not definitions)."""
    if isinstance(node, ast.Assign):
        return [target.id for target in node.targets if isinstance(target, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    return []


def _exports(tree: ast.Module) -> list[str]:
    for node in tree.body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or not isinstance(node.value, (ast.List, ast.Tuple)):
            continue
        if "__all__" in _defined(node):
            return [
                item.value for item in node.value.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)
            ]
    return [name for node in tree.body for name in _defined(node) if _public(name) and name != "__all__"]


def _resolve(module: str, level: int, target: str | None, is_package: bool) -> str:
    """The dotted module a relative ``from`` import in ``module`` names."""
    parts = module.split(".") if module else []
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, *([target] if target else [])])


def _read(project: Path) -> dict[str, _Module]:
    modules: dict[str, _Module] = {}
    for path in tracked_files(project):
        if path.suffix != ".py":
            continue
        parts = path.relative_to(project).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = modules[name] = _Module(tree)
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.level:
                source = _resolve(name, node.level, node.module, is_package)
                for alias in node.names:
                    module.imported[alias.asname or alias.name] = (source, alias.name)
    return modules


def _definition(modules: dict[str, _Module], module: str, name: str, seen: int = 0) -> ast.stmt | None:
    """Where ``name`` of ``module`` is written in the package (following relative re-exports), if it is."""
    if module not in modules or seen > 10:
        return None
    for node in modules[module].tree.body:
        if name in _defined(node):
            return node
    if name in modules[module].imported:
        return _definition(modules, *modules[module].imported[name], seen + 1)
    return None


def package_surface(project: Path) -> Surface:
    """The surface of a built client's folder (``generated/<api>/``)."""
    modules = _read(project)
    surface = Surface()
    for module, parsed in modules.items():
        if not all(_public(part) for part in module.split(".")):
            continue
        for name in _exports(parsed.tree):
            owner = f"{module}:{name}"
            surface.entries.add(owner)
            node = _definition(modules, module, name)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                surface.entries |= _parameters(owner, node)
            elif isinstance(node, ast.ClassDef):
                surface.classes.add(owner)
                for member in node.body:
                    surface.entries |= {f"{owner}.{item}" for item in _defined(member) if _public(item)}
                    if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and _public(member.name):
                        surface.entries |= _parameters(f"{owner}.{member.name}", member)
    return surface


def _owner(entry: str) -> str | None:
    """``module:Class`` for a class member entry (``module:Class.member...``), else None."""
    module, _, rest = entry.partition(":")
    name = rest.split("(")[0]
    return f"{module}:{name.split('.')[0]}" if "." in name else None


def verdict(old: Surface, new: Surface) -> tuple[Bump, list[str]]:
    """The bump a change from ``old`` to ``new`` calls for, and the entries that decided it."""
    removed = sorted(
        entry
        for entry in old.entries - new.entries
        if not entry.endswith("!")  # a required parameter made optional: an addition, not a removal
        and not (_owner(entry) in old.classes and _owner(entry) not in new.classes)  # a class now written elsewhere
    )
    existing = {entry.split("(")[0] for entry in old.entries}  # names and functions that were there before
    newly_required = sorted(
        entry for entry in new.entries - old.entries if entry.endswith("!") and entry.split("(")[0] in existing
    )
    if removed or newly_required:
        return "major", removed + newly_required
    kept = old.entries & new.entries
    added = sorted(entry for entry in new.entries - old.entries if not entry.endswith("!"))
    relaxed = sorted(entry[:-1] for entry in old.entries - new.entries if entry.endswith("!") and entry[:-1] in kept)
    if added or relaxed:
        return "minor", added + relaxed
    return "patch", []
