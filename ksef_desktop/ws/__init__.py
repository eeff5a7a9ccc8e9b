"""ksef-ws: the web service between ERPs and KSeF (the cairo.KSEF WS role)."""
