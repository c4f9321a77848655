"""Storage tests: SQLite and PostgreSQL, migrations, search, memos, audit, faults, CLI."""
