"""Each agency over the years: one body under its many names (identity, groups), the agency's reports side by
side (timeline), what last year's plan promised and this year's report says of it (promises), and text that
reports of different agencies share (passages). Reads the stored reports; writes only the reviewer's decisions
(merges and splits, promise verdicts) and the derived shared-text index."""
