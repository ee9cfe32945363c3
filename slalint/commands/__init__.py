"""Sub-commands of the `slalint` CLI, one module each (see slalint.cli)."""
