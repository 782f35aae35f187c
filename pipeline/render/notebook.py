"""Execute a parsed document's cells in a Jupyter kernel with nbclient.

Inline expressions (`{python} expr`, as in Quarto) are evaluated where they stand: each
markdown block that has them becomes a hidden cell run after the cells before it.
"""

import json
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .qmd import Cell, Document, Markdown

INLINE = re.compile(r"`\{python\}\s+([^`]+)`")
INLINE_MARKER = "__inline_values__"


@dataclass
class Execution:
    outputs: dict  # id(block) -> list of nbformat outputs
    inline: dict  # id(block) -> list of strings
    kernel_start_seconds: float
    execute_seconds: float


class RenderError(RuntimeError):
    pass


def _inline_cell(expressions: list[str]) -> str:
    items = ", ".join(f"str({e})" for e in expressions)
    return f"import json as _j\nprint({INLINE_MARKER!r} + _j.dumps([{items}]))"


def execute(doc: Document, cwd: str, timeout: int = 600) -> Execution:
    nb = nbformat.v4.new_notebook()
    owners: list[tuple[str, Cell | Markdown]] = []
    for block in doc.blocks:
        if isinstance(block, Cell):
            nb.cells.append(nbformat.v4.new_code_cell(block.source))
            owners.append(("cell", block))
        elif isinstance(block, Markdown) and INLINE.search(block.text):
            nb.cells.append(nbformat.v4.new_code_cell(_inline_cell(INLINE.findall(block.text))))
            owners.append(("inline", block))
    # Local sockets (IPC), not TCP ports: nothing listens on the network, and the kernel
    # has no reason to warn about unencrypted TCP traffic.
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        manager = KernelManager(
            kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel")
        )
        client = NotebookClient(
            nb, km=manager, timeout=timeout, resources={"metadata": {"path": cwd}}
        )
        return _run(client, nb, owners)


def _run(client: NotebookClient, nb, owners) -> Execution:
    started = time.perf_counter()
    outputs, inline = {}, {}
    with client.setup_kernel():
        kernel_ready = time.perf_counter()
        for index, (cell, (kind, block)) in enumerate(zip(nb.cells, owners, strict=False)):
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as err:
                line = getattr(block, "line", None)
                where = f"cell at line {line}" if kind == "cell" else "inline expression"
                source = block.source if kind == "cell" else "; ".join(INLINE.findall(block.text))
                raise RenderError(
                    f"{where} failed: {err.ename}: {err.evalue} (in: {source.strip()[-160:]})"
                ) from err
            if kind == "cell":
                outputs[id(block)] = cell.outputs
            else:
                text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
                inline[id(block)] = json.loads(text.split(INLINE_MARKER, 1)[1])
    finished = time.perf_counter()
    return Execution(outputs, inline, kernel_ready - started, finished - kernel_ready)
