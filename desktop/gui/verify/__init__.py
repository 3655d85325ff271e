"""The verify queue (核对队列) in the window: walk every doubt of the corpus by keys, confirm, fix or skip."""
