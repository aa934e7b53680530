"""The app's data that is not code: icons (and later gallery templates, the sample site
and fonts). Installed as the package `designer.resources`; read it with
`importlib.resources.files("designer.resources")`.
"""
