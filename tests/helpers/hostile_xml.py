"""XML that a parser must refuse: an entity bomb and an external entity (XXE)."""

from __future__ import annotations

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Faktura>&lol2;</Faktura>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Faktura><Fa><P_2>&xxe;</P_2></Fa></Faktura>"""
