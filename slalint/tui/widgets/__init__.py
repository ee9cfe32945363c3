"""Reusable widgets of the review app. They know the document model and findings, never
the engine, and talk upward only through messages."""
