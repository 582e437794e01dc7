"""The package's version: of the code, not of the model (editions have ids of their own)."""

__version__ = "0.1.0"
