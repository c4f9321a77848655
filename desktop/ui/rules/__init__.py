"""The Rules page: installed rule packs, install from file, impact, law-changed cases."""
