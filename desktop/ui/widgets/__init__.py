"""Small reusable editors: partial dates, countries with completion, tri-state and choice combos."""
