"""The codes each built-in rule family registers, so a run imports only the families its
selection can run (``--select P1`` never imports fzlint.rules.terms).

Generated: ``python -m fzlint.run.families`` rewrites the table from the families
themselves (each imported, its ``fzlint_register_rules`` called); tests/test_families.py
fails while it is out of date. A family listed here is one whose only hook is
``fzlint_register_rules``: importing it later changes nothing else a run does.
"""

from __future__ import annotations

# fmt: off
# BEGIN GENERATED
FAMILIES: dict[str, tuple[str, ...]] = {
    "fzlint.rules.autonumber": (
        "N106",
    ),
    "fzlint.rules.closing": (
        "F101", "F102", "F103",
    ),
    "fzlint.rules.content": (
        "S107", "R101",
    ),
    "fzlint.rules.figures": (
        "D101", "D102",
    ),
    "fzlint.rules.numbering": (
        "N101", "N102", "N103", "N104", "N105",
    ),
    "fzlint.rules.previous_year": (
        "Y201", "Y202", "Y203", "Y204", "Y205",
    ),
    "fzlint.rules.punctuation": (
        "P101", "P102", "P103", "P104",
    ),
    "fzlint.rules.structure": (
        "S101", "S102", "S103", "S104", "S105", "S106",
    ),
    "fzlint.rules.suppression": (
        "X101",
    ),
    "fzlint.rules.terms": (
        "T101", "T102", "T103",
    ),
    "fzlint.rules.webpage": (
        "W101", "W102",
    ),
    "fzlint.rules.years": (
        "Y101", "Y102",
    ),
}
# END GENERATED
# fmt: on


def generate() -> dict[str, tuple[str, ...]]:
    """The table as the installed built-in families say it (imports every one of them)."""
    import types

    from fzlint.hookspecs import PROJECT
    from fzlint.run.entrypoints import entry_points
    from fzlint.run.plugins import DISTRIBUTION

    table: dict[str, tuple[str, ...]] = {}
    for point in entry_points(group=PROJECT):
        if point.distribution != DISTRIBUTION or point.value in table:
            continue
        module = point.load()
        hooks = {
            name
            for name, value in vars(module).items()
            if name.startswith("fzlint_") and isinstance(value, types.FunctionType)
        }
        if not isinstance(module, types.ModuleType) or hooks != {"fzlint_register_rules"}:
            continue  # registered eagerly, as a third-party plugin is
        table[point.value] = tuple(cls.code for cls in module.fzlint_register_rules())
    return table


def source(table: dict[str, tuple[str, ...]]) -> str:
    """This file's text with ``table`` between the markers."""
    import pathlib

    text = pathlib.Path(__file__).read_text(encoding="utf-8")
    head, rest = text.split("# BEGIN GENERATED\n", 1)
    _, tail = rest.split("# END GENERATED\n", 1)
    import textwrap

    rows = []
    for name, codes in sorted(table.items()):
        listed = textwrap.wrap(" ".join(f'"{code}",' for code in codes), 100)
        rows.append(f'    "{name}": (\n' + "".join(f"        {line}\n" for line in listed) + "    ),\n")
    body = "FAMILIES: dict[str, tuple[str, ...]] = {\n" + "".join(rows) + "}\n"
    return head + "# BEGIN GENERATED\n" + body + "# END GENERATED\n" + tail


if __name__ == "__main__":
    import pathlib

    pathlib.Path(__file__).write_text(source(generate()), encoding="utf-8")
