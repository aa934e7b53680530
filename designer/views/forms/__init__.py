"""Form widgets shared by the pages: bound fields, property forms, lists, refusals."""
