"""Class formation and teacher need (DESIGN.md §5), vectorised over schools × years.

Rule, per school and year, with n(g) whole pupils in grade g (rounded) and the
grades scanned from the lowest upwards:

* a grade with no pupils forms no class and is skipped (it does not count towards
  the span of a combined class);
* a grade with n(g) > K = ``max_class_size`` forms ceil(n(g) / K) classes of its own;
* otherwise the grade joins the current class if the class stays within K pupils
  and spans at most ``max_grades_per_class`` grades, else it starts a new class.

Pupils in a class spanning more than one grade are "in combined-grade classes".

Teachers (FTE) = max(classes × ``teachers_per_class``, pupils / ``pupils_per_teacher``).

Example (K = 25, at most 3 grades): n = [8, 9, 0, 12, 30] →
[8+9] (17, combined), [12] alone because 17 + 12 > 25, 30 > 25 → 2 classes;
4 classes, 17 pupils in combined-grade classes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ClassResult:
    classes: np.ndarray  # classes per row
    combined_pupils: np.ndarray  # whole pupils in combined-grade classes per row


def form_classes(pupils: np.ndarray, *, max_class_size: int, max_grades_per_class: int) -> ClassResult:
    """pupils: [row, grade] whole pupils (rows = school-years; grades not offered are 0)."""
    n = np.rint(pupils).astype(np.int64)
    rows = n.shape[0]
    classes = np.zeros(rows, dtype=np.int64)
    combined = np.zeros(rows, dtype=np.int64)
    group_n = np.zeros(rows, dtype=np.int64)  # pupils in the class being filled
    group_len = np.zeros(rows, dtype=np.int64)  # grades in it

    def close(mask: np.ndarray) -> None:
        classes[mask] += group_len[mask] > 0
        combined[mask] += np.where(group_len[mask] > 1, group_n[mask], 0)
        group_n[mask] = 0
        group_len[mask] = 0

    for g in range(n.shape[1]):
        ng = n[:, g]
        present = ng > 0
        own = present & (ng > max_class_size)
        joins = present & ~own & (group_len > 0) & (group_n + ng <= max_class_size) & (group_len < max_grades_per_class)
        starts = present & ~own & ~joins
        close(own | starts)
        classes[own] += -(-ng[own] // max_class_size)  # ceil division
        group_n[joins] += ng[joins]
        group_len[joins] += 1
        group_n[starts] = ng[starts]
        group_len[starts] = 1
    close(np.ones(rows, dtype=bool))
    return ClassResult(classes=classes, combined_pupils=combined)


def teachers_fte(
    classes: np.ndarray, pupils: np.ndarray, *, teachers_per_class: float, pupils_per_teacher: float
) -> np.ndarray:
    """FTE = max(classes × teachers_per_class, pupils / pupils_per_teacher)."""
    return np.maximum(classes * teachers_per_class, pupils / pupils_per_teacher)
