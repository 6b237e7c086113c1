"""ramme: steering the money and results of the specialised children and youth area."""

__version__ = "0.1.0"
