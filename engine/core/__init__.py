"""The words every layer shares: the frozen values (scenario, alternative, action), the
parameter tree with provenance, problems with data, a bounded memo, Swedish number formatting."""
