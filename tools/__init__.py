"""Development tooling (screenshots, demo builders): not part of the installed package."""
