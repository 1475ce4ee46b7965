"""`python -m guide` runs the same command line as `hangup-guide`."""

from guide.cli import main

raise SystemExit(main())
