"""The model: from a dataset, a scenario and an alternative to years of numbers.

demography → placement (assignment, travel) → classes → costs → services → economy,
joined by :func:`engine.model.evaluate.evaluate` into one :class:`Result`.
"""
