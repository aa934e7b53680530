"""What goes wrong in export and import, each as a sentence a designer understands."""

from __future__ import annotations


class BundleError(Exception):
    """An export or import that cannot go on; str() is the sentence to show."""


class ExportRefused(BundleError):
    """Campaigns with error-level problems: the export lists them and writes nothing."""

    def __init__(self, problems: list) -> None:  # list[designer.models.validation.Problem]
        self.problems = problems
        lines = "\n".join(f"  - {p.where}: {p.message}" for p in problems)
        super().__init__(
            f"Nothing was exported: {len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''} must be fixed first:\n{lines}"
        )


class ExportCancelled(BundleError):
    def __init__(self) -> None:
        super().__init__("The export was cancelled; nothing was written.")


class ImportCancelled(BundleError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; the store is as it was before.")
