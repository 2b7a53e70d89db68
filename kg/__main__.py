"""`python -m kg` is the `suanli` command."""

from kg.cli import main

main()
