"""Exchange between databases: merging other reviewers' work into this one."""
