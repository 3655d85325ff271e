"""Panel review: who reviews what (assignments), agreement between reviewers, the lead's decisions (adjudication)
and the per-report panel summary. The panel's sheets and dashboard are written by desktop.core.export."""
