"""Annotating: the annotation editor, list and commands, the codebook dialog, aids and retrieved segments."""
