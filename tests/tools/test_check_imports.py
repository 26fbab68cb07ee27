"""tools/check_imports.py: circles, engines importing Django or the project, the demo on top."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import check_imports


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in {"clustermeet/__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_real_source_tree_holds_the_rules():
    assert check_imports.check(Path(check_imports.__file__).resolve().parents[1] / "src") == []


def test_a_circle_through_a_function_level_import_is_found(tmp_path):
    root = tree(
        tmp_path,
        {
            "clustermeet/app/__init__.py": "",
            "clustermeet/app/services.py": "from clustermeet.app import tasks\n",
            "clustermeet/app/tasks.py": "def f():\n    from clustermeet.app.services import g\n",
        },
    )
    assert check_imports.check(root) == [
        "import circle: clustermeet.app.services -> clustermeet.app.tasks"
    ]


def test_a_circle_under_type_checking_and_relative_imports_count(tmp_path):
    root = tree(
        tmp_path,
        {
            "clustermeet/eng/__init__.py": "",
            "clustermeet/eng/a.py": "from .b import X\n",
            "clustermeet/eng/b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from clustermeet.eng.a import Y\n"
            ),
            "clustermeet/eng/c.py": "from . import a\n",
        },
    )
    assert check_imports.check(root) == ["import circle: clustermeet.eng.a -> clustermeet.eng.b"]


def test_engines_may_not_import_django_or_the_project(tmp_path, monkeypatch):
    monkeypatch.setattr(check_imports, "ENGINES", ("clustermeet.eng",))
    root = tree(
        tmp_path,
        {
            "clustermeet/eng/__init__.py": "",
            "clustermeet/eng/solve.py": (
                "import numpy\n"
                "from clustermeet.eng import other\n"
                "from clustermeet.jsoncli import InputError\n"
                "from django.db import models\n"
                "from clustermeet.people.models import Person\n"
            ),
            "clustermeet/eng/other.py": "",
            "clustermeet/jsoncli.py": "",
            "clustermeet/people/__init__.py": "",
            "clustermeet/people/models.py": "",
        },
    )
    assert check_imports.check(root) == [
        "clustermeet/eng/solve.py:4: the engine clustermeet.eng imports django.db",
        "clustermeet/eng/solve.py:5: the engine clustermeet.eng imports clustermeet.people.models",
    ]


def test_nothing_below_the_demo_imports_it(tmp_path):
    root = tree(
        tmp_path,
        {
            "clustermeet/demo/__init__.py": "from clustermeet.events import models\n",
            "clustermeet/events/__init__.py": "",
            "clustermeet/events/models.py": "",
            "clustermeet/events/views.py": "import clustermeet.demo\n",
        },
    )
    assert check_imports.check(root) == [
        "clustermeet/events/views.py:1: clustermeet.events.views imports the demo "
        "(clustermeet.demo)"
    ]


def test_main_exits_1_and_lists_what_is_broken(tmp_path, capsys):
    clean = tree(tmp_path / "clean", {"clustermeet/a.py": "import json\n"})
    assert check_imports.main(["check_imports.py", str(clean)]) == 0
    assert capsys.readouterr().out == ""

    broken = tree(
        tmp_path / "broken",
        {
            "clustermeet/a.py": "import clustermeet.b\n",
            "clustermeet/b.py": "import clustermeet.a\n",
        },
    )
    assert check_imports.main(["check_imports.py", str(broken)]) == 1
    assert capsys.readouterr().out == "import circle: clustermeet.a -> clustermeet.b\n"
