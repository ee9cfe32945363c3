"""Modal dialogs; each is a ``ModalScreen[T]`` returning a typed result via ``dismiss``."""
