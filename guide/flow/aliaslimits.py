"""The limits on aliases that keep matching a typed answer cheap, as located problems.

Matching looks at no more than `match.MAX_ALIASES` aliases of an option,
`match.MAX_QUESTION_ALIASES` of a question and `match.MAX_ALIAS_CHARS` characters of
each, whatever the flow says; these checks tell the author when their flow says more,
before a person meets a question that ignores part of it.
"""

from __future__ import annotations

from guide.flow.match import MAX_ALIAS_CHARS, MAX_ALIASES, MAX_QUESTION_ALIASES
from guide.flow.model import Ask, Flow, Option
from guide.flow.problems import Problem


def alias_problems(flow: Flow) -> list[Problem]:
    """An error for each option or question over a limit, at the option or question."""
    problems: list[Problem] = []
    for option in flow.escape:
        problems += _option_problems(option, "the escape option")
    escapes = sum(len(o.aliases) for o in flow.escape)
    for node in flow.nodes.values():
        if not isinstance(node, Ask):
            continue
        for option in node.options:
            problems += _option_problems(option, f"an option of `{node.id}`")
        total = sum(len(o.aliases) for o in node.options)
        total += escapes if node.offers_escape else 0
        if total > MAX_QUESTION_ALIASES:
            problems.append(
                Problem(
                    node.mark,
                    "error",
                    "question-too-many-aliases",
                    f"question `{node.id}` has {total:,} aliases in all (escape included);"
                    f" a question may have at most {MAX_QUESTION_ALIASES}",
                )
            )
    return problems


def _option_problems(option: Option, where: str) -> list[Problem]:
    problems = []
    name = _short(option.label)
    if len(option.aliases) > MAX_ALIASES:
        problems.append(
            Problem(
                option.mark,
                "error",
                "too-many-aliases",
                f"{where}, “{name}”, has {len(option.aliases):,} aliases;"
                f" an option may have at most {MAX_ALIASES}",
            )
        )
    long = [alias for alias in option.aliases if len(alias) > MAX_ALIAS_CHARS]
    if long:  # one problem per option, naming the first: there may be hundreds
        more = f" (and {len(long) - 1:,} more)" if len(long) > 1 else ""
        problems.append(
            Problem(
                option.mark,
                "error",
                "alias-too-long",
                f"an alias of {where}, “{_short(long[0])}”, is {len(long[0]):,} characters{more};"
                f" an alias may have at most {MAX_ALIAS_CHARS} (a few words)",
            )
        )
    return problems


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"
