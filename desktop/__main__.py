"""`python -m desktop`: the same as the `waypoint` command."""

import sys

from desktop.launcher import main

sys.exit(main())
