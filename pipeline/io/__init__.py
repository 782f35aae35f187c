"""Files in and out: the strict raw reader, the atomic writer and the failure report."""
