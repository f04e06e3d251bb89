"""Vägval's model: pure Python, no user interface.

from engine import load_dataset, evaluate
ds = load_dataset("data/demo")
result = evaluate(ds, scenario="bas", alternative="merge-a-b", overrides={"max_class_size": 22})
result.years      # one row per year
result.units      # one row per school and year
"""

from engine.core.parameters import ParameterError, Parameters, describe, resolve
from engine.core.types import Action, Alternative, NewUnit, Scenario
from engine.dataset import Dataset, DatasetError, Problem, load_dataset
from engine.measures.compare import compare
from engine.model.evaluate import EvaluationError, Result, evaluate

__all__ = [
    "Action",
    "Alternative",
    "Dataset",
    "DatasetError",
    "EvaluationError",
    "NewUnit",
    "ParameterError",
    "Parameters",
    "Problem",
    "Result",
    "Scenario",
    "compare",
    "describe",
    "evaluate",
    "load_dataset",
    "resolve",
]
