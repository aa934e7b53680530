"""The frozen app's entry point: the same command line as `engagement-designer`."""

import sys

from designer.cli import main

if __name__ == "__main__":
    sys.exit(main())
