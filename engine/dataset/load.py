"""One way in: :func:`load_dataset` reads a dataset folder or the workbook that stands for one."""

from __future__ import annotations

from pathlib import Path

from engine.dataset.folder import load_folder
from engine.dataset.value import Dataset
from engine.dataset.workbook import read_workbook


def load_dataset(source: str | Path) -> Dataset:
    """Read, validate and type a dataset folder (or .xlsx workbook); raise DatasetError with every problem.

    A workbook is checked as the folder it stands for, so both give the same messages.
    """
    source = Path(source)
    if source.suffix.lower() == ".xlsx" and source.is_file():
        return read_workbook(source)
    return load_folder(source)
