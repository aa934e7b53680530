"""The package list, which pyproject.toml alone cannot give: every designer* package
(data folders such as bundle/runtime are namespace packages) plus resources/ and its
folders, mapped to designer.resources by pyproject's package-dir.
"""

from setuptools import find_namespace_packages, setup

resources = ["designer.resources"] + [
    f"designer.resources.{p}" for p in find_namespace_packages(where="resources")
]
setup(packages=find_namespace_packages(include=["designer*"]) + resources)
