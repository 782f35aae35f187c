"""`python -m pipeline` (what `make report` runs): see pipeline/build.py."""

import sys

from pipeline.build import main

if __name__ == "__main__":
    sys.exit(main())
