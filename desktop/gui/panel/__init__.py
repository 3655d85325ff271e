"""The panel lead's views: the panel view (reviewers side by side, adjudication) and the dashboard."""
