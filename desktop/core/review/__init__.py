"""The reviewer's reading work: annotations anchored to the frozen text, the codebook of tags, reviewers, reading aids."""
