"""`python -m benchmarks`: see benchmarks/main.py."""

import sys

from benchmarks.main import main

sys.exit(main())
