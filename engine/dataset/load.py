"""One way in: :func:`load_dataset` reads a dataset folder or the workbook that stands for one."""

from __future__ import annotations

import logging
from pathlib import Path

from engine.core.problems import DatasetError, Problem
from engine.dataset.folder import load_folder
from engine.dataset.value import Dataset
from engine.dataset.workbook import read_workbook

log = logging.getLogger(__name__)

UNEXPECTED = (
    "kunde inte kontrolleras: ett oväntat fel uppstod när filerna lästes. Kontrollera att filerna följer "
    "mallen; felet är loggat så att den som sköter Vägval kan se vad som hände"
)


def load_dataset(source: str | Path) -> Dataset:
    """Read, validate and type a dataset folder (or .xlsx workbook); raise DatasetError with every problem.

    A workbook is checked as the folder it stands for, so both give the same messages. Nothing
    but a DatasetError leaves: an unexpected exception (a check that did not foresee some input)
    is logged with its traceback and becomes one problem in Swedish, without internal details.
    """
    source = Path(source)
    try:
        if source.suffix.lower() == ".xlsx" and source.is_file():
            return read_workbook(source)
        return load_folder(source)
    except DatasetError:
        raise
    except Exception:  # MemoryError and RecursionError included
        log.exception("unexpected error while reading the dataset %s", source)
        raise DatasetError([Problem(source.name or str(source), None, None, UNEXPECTED)]) from None
