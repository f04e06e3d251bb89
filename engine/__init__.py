"""Vägval's model: pure Python, no user interface.

from engine import load_dataset, evaluate
ds = load_dataset("data/demo")
result = evaluate(ds, scenario="bas", alternative="merge-a-b", overrides={"max_class_size": 22})
result.years      # one row per year
result.units      # one row per school and year
"""

from engine.compare import compare
from engine.dataset import Dataset, DatasetError, Problem, load_dataset
from engine.evaluate import EvaluationError, Result, evaluate
from engine.model_types import Action, Alternative, NewUnit, Scenario
from engine.parameters import ParameterError, Parameters, describe, resolve

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
