# When information arrived and who sent it (data/status_updates and data/actions).
submitted-on = Received
submitted-by = Submitted by
