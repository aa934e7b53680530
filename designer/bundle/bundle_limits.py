"""How much one import reads, holds and decodes: each budget named, with its sentence.

A bundle may come from anyone, so what it costs to check is bounded before
the work is done: sizes and counts are read from the zip's directory, the
manifest's text and the images' headers first. The budgets are far above
what an export writes (the largest store the benchmarks export, 1,000
engagements with photos, uses a small part of each), and together they keep
an import under about 300 MB of memory and a few seconds on two cores.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.bundle.errors import BundleError

MB = 1024 * 1024

_SPLIT = (
    "Export fewer campaigns at a time (engagement-designer export --campaign NAME) "
    "and import each bundle."
)
_REEXPORT = "Only import bundles exported by Engagement Designer, or export this one again."
_SMALLER_IMAGES = "Use smaller images in the designs, or export fewer campaigns at a time."
_SMALLER_IMAGE = "Use a smaller image in that design and export the bundle again."


@dataclass(frozen=True)
class Budget:
    """One limit of an import; refuse() is the sentence that names it and says what to do."""

    limit: int
    words: str  # "{found} engagements, more than the {limit} one import takes"
    advice: str
    unit: int = 1  # shown in MB when MB

    def _show(self, value: int) -> str:
        return f"{value / self.unit:,.0f} MB" if self.unit == MB else f"{value:,}"

    def refuse(self, found: int, where: str = "The bundle", **names: str) -> BundleError:
        """The sentence; names fill the words' other fields ({kind}, {name})."""
        text = self.words.format(found=self._show(found), limit=self._show(self.limit), **names)
        return BundleError(
            f"{where} is refused: it holds {text}. Nothing was imported. {self.advice}"
        )

    def check(self, found: int, where: str = "The bundle", **names: str) -> None:
        if found > self.limit:
            raise self.refuse(found, where, **names)


# The archive or folder: what is read into memory.
FILE_BYTES = Budget(
    25 * MB,
    "“{name}” of {found}, more than the {limit} a bundle file may be (it may be a zip bomb)",
    _REEXPORT,
    MB,
)
BUNDLE_BYTES = Budget(
    100 * MB,
    "{found} of files in all, more than the {limit} one import reads (it may be a zip bomb)",
    _SMALLER_IMAGES,
    MB,
)
ENTRIES = Budget(20_000, "{found} files, more than the {limit} a bundle may hold", _REEXPORT)
# The zip's directory of names, read whole by the zip reader before any check can run.
DIRECTORY_BYTES = Budget(
    4 * MB,
    "a zip directory (its list of files) of {found}, more than the {limit} a bundle's ever is",
    _REEXPORT,
    MB,
)

# The manifest: its text, and the values it parses into.
MANIFEST_BYTES = Budget(
    8 * MB, "a manifest of {found}, more than the {limit} one import reads", _SPLIT, MB
)
MANIFEST_VALUES = Budget(
    500_000, "{found} values in its manifest, more than the {limit} one import reads", _SPLIT
)
MANIFEST_DEPTH = Budget(
    32,
    "values nested {found} levels deep in its manifest, more than the {limit} a manifest has",
    _REEXPORT,
)

# What the manifest describes.
CAMPAIGNS = Budget(500, "{found} campaigns, more than the {limit} one import takes", _SPLIT)
ENGAGEMENTS = Budget(1_000, "{found} engagements, more than the {limit} one import takes", _SPLIT)
LIBRARY_ITEMS = Budget(
    1_000, "{found} {kind}, more than the {limit} of each kind one import takes", _SPLIT
)
# The account's shift scheduler, which becomes rows of a new store.
SCHEDULER_ITEMS = Budget(
    2_000,
    "{found} {kind} in its shift scheduler, more than the {limit} one import takes",
    _REEXPORT,
)

# Images: pixels are counted from each header before any image is decoded.
IMAGE_PIXELS = Budget(
    4096 * 4096,
    "the image “{name}” of {found} pixels, more than the {limit} a bundle image may have",
    _SMALLER_IMAGE,
)
BUNDLE_PIXELS = Budget(
    100_000_000,
    "images of {found} pixels in all, more than the {limit} one import decodes",
    _SMALLER_IMAGES,
)
