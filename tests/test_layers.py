"""The layers hold: data flows dataset → model → measures → pages, and nothing imports back.

Read from the source with the standard library's ast, so the test needs nothing installed:

* ``pages`` → ``ui`` → ``engine``, never back; ``engine`` imports no Streamlit;
* inside engine: ``cli`` > ``measures`` > ``model`` > ``sources`` > ``dataset`` > ``core``, each importing
  only layers below it; ``store`` (persistence) is imported by no engine layer;
* no import cycle among the project's modules, and no import inside a function except
  the launcher's, which loads Streamlit's server late on purpose (its start-up order matters).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINE_LAYERS = (
    "engine.core",
    "engine.dataset",
    "engine.sources",
    "engine.model",
    "engine.measures",
    "engine.cli",
)  # low → high
# Imports inside a function, each with its reason.
LATE_IMPORTS_ALLOWED = {
    "ui.launch": "loads Streamlit's server and the dashboard's modules after the process is set up",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    files = [ROOT / "app.py", *ROOT.glob("engine/**/*.py"), *ROOT.glob("ui/**/*.py"), *ROOT.glob("pages/*.py")]
    return {_module_name(p): p for p in files}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported module, inside a function?) for every import statement of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((alias.name, inner) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                found.append((child.module, inner))
                found.extend((f"{child.module}.{alias.name}", inner) for alias in child.names)
            visit(child, inner)

    visit(tree, False)
    return found


SOURCES = _sources()


def _project_imports(module: str) -> set[str]:
    """The project modules ``module`` imports (``from ui import data`` names ui.data)."""
    return {name for name, _ in _imports(SOURCES[module]) if name in SOURCES and name != module}


def _layer(module: str) -> str:
    return next((layer for layer in ENGINE_LAYERS if module == layer or module.startswith(layer + ".")), module)


def test_pages_ui_engine_never_import_back() -> None:
    rank = {"engine": 0, "ui": 1, "pages": 2, "app": 3}
    wrong = [
        (m, i)
        for m in SOURCES
        for i in _project_imports(m)
        if rank[i.split(".")[0]] > rank[m.split(".")[0]] or (m.startswith("pages.") and i.startswith("pages."))
    ]
    assert not wrong, wrong


def test_engine_imports_no_streamlit() -> None:
    wrong = [
        (m, n)
        for m, p in SOURCES.items()
        if m.startswith("engine")
        for n, _ in _imports(p)
        if n.startswith("streamlit")
    ]
    assert not wrong, wrong


def test_engine_layers_import_only_downwards_and_never_the_store() -> None:
    order = {layer: i for i, layer in enumerate(ENGINE_LAYERS)}
    wrong = []
    for module in SOURCES:
        if _layer(module) not in order:
            continue
        for imported in _project_imports(module):
            if imported.startswith("engine.store") or (
                _layer(imported) in order and order[_layer(imported)] > order[_layer(module)]
            ):
                wrong.append((module, imported))
    assert not wrong, wrong


def test_no_import_cycle() -> None:
    graph = {m: _project_imports(m) for m in SOURCES}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for nxt in sorted(graph[module]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            raise AssertionError(" → ".join(cycle))


def test_no_import_inside_a_function_except_where_allowed() -> None:
    late = sorted({m for m, p in SOURCES.items() for _, inner in _imports(p) if inner} - set(LATE_IMPORTS_ALLOWED))
    assert not late, late


def test_the_reader_sees_imports_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text("import streamlit\n\ndef f():\n    from engine.measures import compare\n", encoding="utf-8")
    assert _imports(source) == [
        ("streamlit", False),
        ("engine.measures", True),
        ("engine.measures.compare", True),
    ]
    assert _layer("engine.measures.compare") == "engine.measures"
