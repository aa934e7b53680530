"""Publishing and exporting the site bundle, and the published versions."""
