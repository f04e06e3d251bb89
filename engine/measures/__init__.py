"""What the pages, the memo and the CLI show, computed once: comparisons and effects,
schools, population, the whole municipality, investments, ranking and the workshop."""
