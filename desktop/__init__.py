"""Waypoint: decision support for the transit requirements of US asylum law."""

__version__ = "0.1.0"
