"""The ERP ⇄ WS wire contract, imported by both sides: authorization codes and signatures."""
