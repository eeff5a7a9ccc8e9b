"""ksef-sim: a local KSeF API 2.0 simulator (real crypto, FA(3) XSD check, KSeF numbers, UPO)."""
