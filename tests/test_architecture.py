"""The package's shape: stages import only the stages below them, and no module imports itself back.

Read from the source with ``ast`` (every import counts: at the top, inside a function, or under
``TYPE_CHECKING``), so a cycle or an arrow pointing upwards fails here before it confuses anyone.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "rag"

# Lowest first. A module may import its own stage and the stages of lower rows; two stages of one
# row (lexical, dense) know nothing of each other.
LAYERS: list[set[str]] = [
    {"rag.errors", "rag.records"},
    {"rag.text"},
    {"rag.documents"},
    {"rag.structure"},
    {"rag.lexical", "rag.dense"},
    {"rag.store"},
    {"rag.search"},
    {"rag.backends"},
    {"rag.ingest", "rag.evaluate"},
    {"rag.access"},
    {"rag.ui"},
    {"rag.cli"},
    {"rag", "rag.__main__"},
]


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["rag", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The rag modules that ``name`` imports, relative imports resolved."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            # "from . import legacy" imports the module rag.documents.legacy, not a name of the package
            found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names}
    return {target for target in found if target in known and target != name}


def stage_of(name: str) -> tuple[int, str]:
    best = max((unit for row in LAYERS for unit in row if name == unit or name.startswith(unit + ".")), key=len)
    return next(rank for rank, row in enumerate(LAYERS) if best in row), best


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imports_of(name, path, set(modules)) for name, path in modules.items()}


def test_every_module_belongs_to_a_stage(graph):
    for name in graph:
        assert stage_of(name), name


def test_no_stage_imports_a_higher_or_sibling_stage(graph):
    wrong = []
    for name, targets in graph.items():
        rank, unit = stage_of(name)
        for target in targets:
            target_rank, target_unit = stage_of(target)
            if target_unit != unit and target_rank >= rank:
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_no_import_cycles(graph):
    """Tarjan's strongly connected components: any component of more than one module is a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target in graph[name]:
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            component = []
            while (top := stack.pop()) != name:
                on_stack.discard(top)
                component.append(top)
            on_stack.discard(name)
            if component:
                cycles.append(sorted([name, *component]))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert cycles == []


def test_the_checks_see_a_cycle_and_an_upward_import(tmp_path):
    """The graph reader itself: a two-module cycle and a lower stage importing a higher one."""
    (tmp_path / "a.py").write_text("from .b import x\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from ..search.facade import SearchIndex\n", encoding="utf-8")
    known = {"rag.text.a", "rag.text.b", "rag.search.facade"}
    assert imports_of("rag.text.a", tmp_path / "a.py", known) == {"rag.text.b"}
    assert imports_of("rag.text.b", tmp_path / "b.py", known) == {"rag.search.facade"}
    assert stage_of("rag.text.b")[0] < stage_of("rag.search.facade")[0]


def test_init_files_only_describe_or_re_export():
    """The package's ``__init__`` re-exports (with ``__all__``); a stage's ``__init__`` only says
    what the stage does and may import, so importing one stage never loads the others."""
    top = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    assert ast.get_docstring(top)
    assert any(isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets) for n in top.body)
    assert not [n for n in top.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    for init in PACKAGE.glob("*/**/__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{init} says nothing about its stage"
        assert len(tree.body) == 1, f"{init} should hold only its docstring"


def test_few_modules_sit_directly_in_the_package():
    assert len(list(PACKAGE.glob("*.py"))) <= 10
