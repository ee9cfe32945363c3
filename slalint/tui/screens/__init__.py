"""Screens of the review app: the review screen (layout) and the help screen."""
