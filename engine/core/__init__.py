"""The words every layer shares: the frozen values (scenario, alternative, action), the
parameter tree with provenance, the scenario-field tree (one range per assumption),
problems with data, a bounded memo, Swedish number formatting."""
