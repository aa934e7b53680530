"""The forecast window: model, run and charts."""
