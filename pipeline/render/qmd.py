"""Parse a Quarto .qmd: YAML front matter, markdown, and ```{python} cells with #| options."""

import re
from dataclasses import dataclass, field

import yaml

CELL_START = re.compile(r"^```\{python\}\s*$")
CELL_END = re.compile(r"^```\s*$")
OPTION = re.compile(r"^#\|\s?(.*)$")


@dataclass
class Markdown:
    text: str


@dataclass
class Cell:
    source: str
    options: dict = field(default_factory=dict)
    line: int = 0

    @property
    def label(self) -> str | None:
        return self.options.get("label")


@dataclass
class Document:
    meta: dict
    blocks: list


class QmdError(ValueError):
    pass


def split_front_matter(text: str) -> tuple[dict, str, int]:
    if not text.startswith("---\n"):
        return {}, text, 0
    end = text.find("\n---\n", 4)
    if end < 0:
        raise QmdError("front matter starts with --- but never ends")
    meta = yaml.safe_load(text[4:end]) or {}
    body = text[end + 5 :]
    return meta, body, text[: end + 5].count("\n")


def parse_options(lines: list[str]) -> tuple[dict, list[str]]:
    """Leading `#| key: value` lines are YAML options; the rest is code."""
    option_lines = []
    for line in lines:
        match = OPTION.match(line)
        if not match:
            break
        option_lines.append(match.group(1))
    options = yaml.safe_load("\n".join(option_lines)) or {} if option_lines else {}
    return options, lines[len(option_lines) :]


def parse_qmd(text: str) -> Document:
    meta, body, offset = split_front_matter(text)
    blocks: list[Markdown | Cell] = []
    markdown: list[str] = []
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        if CELL_START.match(lines[i]):
            start = i
            i += 1
            code = []
            while i < len(lines) and not CELL_END.match(lines[i]):
                code.append(lines[i])
                i += 1
            if i == len(lines):
                raise QmdError(f"line {offset + start + 1}: python cell is never closed")
            if markdown:
                blocks.append(Markdown("\n".join(markdown)))
                markdown = []
            options, code = parse_options(code)
            blocks.append(Cell("\n".join(code), options, offset + start + 1))
        else:
            markdown.append(lines[i])
        i += 1
    if markdown:
        blocks.append(Markdown("\n".join(markdown)))
    return Document(meta, blocks)
