"""The frozen app's entry point: the same command line as `engagement-designer`.

A desktop opens a store file with the file as the only argument (the entry's %f), an
absolute path; the command line takes it as --store.
"""

import os
import sys

from designer.cli import main


def arguments(argv: list[str]) -> list[str]:
    if len(argv) == 1 and os.path.isabs(argv[0]) and os.path.isfile(argv[0]):
        return ["--store", argv[0]]
    return argv


if __name__ == "__main__":
    sys.exit(main(arguments(sys.argv[1:])))
