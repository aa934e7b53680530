"""The libraries: entry points (and the URL tester), behaviors, target audiences, windows."""
