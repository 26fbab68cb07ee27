"""The layout's import rules, checked over the source tree (run by `make lint`):

1. No import circle anywhere in the package: every import statement counts, at module level, in
   a function or under `if TYPE_CHECKING:`, since each is a dependency a reader must follow.
2. The pure modules (ENGINES: algorithms and formats, tested and benchmarked alone) import no
   Django and nothing of the project but each other and the Django-free PURE_SHARED.
3. The demo package sits on top: no module outside it imports it.

Usage: python tools/check_imports.py [SRC_DIR]   (default: src/)
Exits 1 listing each broken rule, 0 when the layout holds."""

import ast
import sys
from collections.abc import Iterable
from pathlib import Path

PACKAGE = "clustermeet"
ENGINES = (
    "clustermeet.networking.scheduling",
    "clustermeet.networking.matching",
    "clustermeet.cafe.seating",
    "clustermeet.cafe.harvest.themes",
    "clustermeet.awards.results.tally",
    "clustermeet.paper.charts",
    "clustermeet.paper.markdown",
    "clustermeet.live.answers",
    "clustermeet.live.stopwords",
    "clustermeet.live.tally",
    "clustermeet.live.words",
    "clustermeet.programme.embeds",
)
PURE_SHARED = ("clustermeet.jsoncli",)
TOP = "clustermeet.demo"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def collect(root: Path) -> dict[str, Path]:
    """Every module of the package under `root`, by dotted name (migrations left out: Django
    generates them and they import nothing of ours but their app)."""
    return {
        module_name(path, root): path
        for path in sorted((root / PACKAGE).rglob("*.py"))
        if "migrations" not in path.parts
    }


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def imports_of(name: str, path: Path, modules: Iterable[str]) -> list[tuple[str, int]]:
    """(imported name, line) for each import in the module. `from a import b` counts as an
    import of `a.b` when that is a module of ours, else of `a`. Relative imports are resolved."""
    known = set(modules)
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                if not is_package:
                    anchor = anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.append((target if target in known else base, node.lineno))
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module, or a module importing
    itself (Tarjan's algorithm, iterative), each sorted, in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    found.append(sorted(component))
    return sorted(found)


def check(root: Path) -> list[str]:
    modules = collect(root)
    problems = []
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        where = path.relative_to(root)
        engine = next((e for e in ENGINES if _within(name, e)), None)
        for target, line in imports_of(name, path, modules):
            if target in modules and target != name:
                graph[name].add(target)
            if engine and (
                _within(target, "django")
                or (
                    _within(target, PACKAGE)
                    and not any(_within(target, pure) for pure in ENGINES + PURE_SHARED)
                )
            ):
                problems.append(f"{where}:{line}: the engine {engine} imports {target}")
            if _within(target, TOP) and not _within(name, TOP):
                problems.append(f"{where}:{line}: {name} imports the demo ({target})")
    for component in cycles(graph):
        problems.append("import circle: " + " -> ".join(component))
    return list(dict.fromkeys(problems))


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "src"
    problems = check(root)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
