"""``python -m careers_impact``: the same as the ``careers-impact`` command."""

from careers_impact.cli import main

raise SystemExit(main())
