"""aidledger: who donated what, to whom, and is it true."""

__version__ = "0.1.0"
