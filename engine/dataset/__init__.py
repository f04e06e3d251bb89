"""The dataset: its column schema, the readers for a folder, a workbook and an upload, the checks.

``load_dataset(path)`` is the one way in; everything it accepts is a valid :class:`Dataset`,
and everything it rejects raises :class:`DatasetError` naming file, row and column.
"""

from engine.core.problems import DatasetError, Problem
from engine.dataset.load import load_dataset
from engine.dataset.value import Dataset

__all__ = ["Dataset", "DatasetError", "Problem", "load_dataset"]
