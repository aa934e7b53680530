"""The app's data that is not code: icons and the gallery's templates (gallery/, one JSON
file per template); later the sample site and fonts. Installed as the package
`designer.resources`; read it with `importlib.resources.files("designer.resources")`.
"""
